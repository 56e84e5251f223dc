import { execFile } from 'node:child_process';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command of `scripts/` as `npm run` does (without npm), against the given stores: with
 * DATABASE_URL and MEILI_URL set, the command starts nothing of its own.
 */
export function runScript(
  script: string,
  args: string[],
  stores: { databaseUrl: string; meiliUrl: string; meiliKey: string; indexPrefix: string },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: stores.databaseUrl,
          MEILI_URL: stores.meiliUrl,
          MEILI_MASTER_KEY: stores.meiliKey,
          MEILI_INDEX_PREFIX: stores.indexPrefix,
          LOG_LEVEL: '',
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
