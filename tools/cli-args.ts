import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses a command's flags, printing `usage` and exiting 2 on unknown or missing ones. */
export function parseCli<T extends ParseArgsConfig['options']>(usage: string, options: T, allowPositionals = false) {
  try {
    return parseArgs({ options, allowPositionals, strict: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
}
