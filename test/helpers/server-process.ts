import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../server/embedded/processes.js';
import { npmStartArgs } from '../../tools/npm-start.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  dataDir: string;
  output: () => string;
  /** What it wrote to stderr alone: on a failed start, the one line for people. */
  errors: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs the real entry (`npm start` without npm: the server compiled in dist/) on a DATA_DIR and
 * PORT of its own (`env` may override them), as `user` when given (a uid and gid, to try a start
 * without root's rights).
 */
export async function startServerProcess(
  dataDir?: string,
  env: Record<string, string> = {},
  user: { uid: number; gid: number } | Record<string, never> = {},
): Promise<ServerProcess> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'lifeline-proc-')));
  await chmod(dir, 0o755);
  const port = await freePort();
  let output = '';
  let errors = '';
  const child = spawn(process.execPath, npmStartArgs(), {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'info', DATABASE_URL: '', MEILI_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => {
    output += chunk;
    errors += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, dataDir: dir, output: () => output, errors: () => errors, exited };
}

export async function health(url: string): Promise<{ status: number; body: unknown } | undefined> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3_000) });
    return { status: res.status, body: await res.json() };
  } catch {
    return undefined;
  }
}

/** Polls /healthz until `accept` likes the answer. */
export async function waitForHealth(
  url: string,
  accept: (h: { status: number; body: unknown }) => boolean,
  timeoutMs = 60_000,
): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await health(url);
    if (h && accept(h)) return h;
    if (Date.now() > deadline) throw new Error(`/healthz at ${url} never became acceptable (last: ${JSON.stringify(h)})`);
    await sleep(100);
  }
}

/** Waits until the server is healthy; on failure the error carries what the server printed. */
export async function waitUntilHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  try {
    await waitForHealth(server.url, (h) => h.status === 200, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- server output ---\n${server.output()}`);
  }
}

/** Pids of live processes whose command line mentions `needle` (a data dir). */
export async function processesMentioning(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const state = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (cmdline.includes(needle) && !/\) Z /.test(state)) pids.push(Number(entry));
  }
  return pids;
}
