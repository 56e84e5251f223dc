import { execFile } from 'node:child_process';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command of `scripts/` as `npm run` does (without npm). `env` says which stores it
 * uses: `storesEnv(…)` for given ones, or `{ DATA_DIR }` for those of a Lifeline running there
 * (a server started with test/helpers/server-process.ts).
 */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, ...args],
      { env: { ...process.env, DATABASE_URL: '', MEILI_URL: '', LOG_LEVEL: '', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The environment that points a command at these stores: it then starts nothing of its own. */
export function storesEnv(stores: { databaseUrl: string; meiliUrl: string; meiliKey: string; indexPrefix: string }) {
  return {
    DATABASE_URL: stores.databaseUrl,
    MEILI_URL: stores.meiliUrl,
    MEILI_MASTER_KEY: stores.meiliKey,
    MEILI_INDEX_PREFIX: stores.indexPrefix,
  };
}
