import { readFileSync } from 'node:fs';

/**
 * The node arguments of `npm start` (`exec node --max-semi-space-size=1 dist/server/main.js`),
 * read from package.json, so that the tests and the bench run the server as it runs, without npm.
 * dist/ is what `npm run build` (scripts/build.mjs) compiled.
 */
export function npmStartArgs(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = manifest.scripts.start.trim().replace(/^exec\s+/, '').split(/\s+/);
  if (command !== 'node' || args.length === 0) throw new Error(`expected \`npm start\` to be \`node …\`, not \`${manifest.scripts.start}\``);
  return args;
}
