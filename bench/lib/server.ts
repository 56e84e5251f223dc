import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, stopPid } from '../../server/embedded/processes.js';
import { npmStartArgs } from '../../tools/npm-start.js';

/** How the server runs: compiled by `npm run build` (what `npm start` runs), or transpiled at run time by tsx. */
export type ServerEntry = 'compiled' | 'tsx';

export const ENTRY_ARGS: Record<ServerEntry, string[]> = {
  compiled: npmStartArgs(),
  tsx: ['--import', 'tsx', 'server/main.ts'],
};

export const entryLabel = (entry: ServerEntry) => `node ${ENTRY_ARGS[entry].join(' ')}`;

export interface ServerChild {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Milliseconds from spawn to the first `/healthz` 200. */
  startMs: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the server entry as a child process on a free port and waits until `/healthz` answers
 * 200. `env` is laid over the bench's own environment (stores, DATA_DIR…).
 */
export async function startServer(entry: ServerEntry, env: Record<string, string>): Promise<ServerChild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const begun = performance.now();
  const child = spawn(process.execPath, ENTRY_ARGS[entry], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1',
      // The bench reads its links from the dev mailbox, as a laptop does, whatever the shell's NODE_ENV.
      PUBLIC_URL: url, RATE_LIMIT: '0', LOG_LEVEL: 'warn', SMTP_URL: '', NODE_ENV: 'development', DEV_MAILBOX: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) await stopPid(child.pid, 'SIGTERM', 15_000);
  };
  // Polled every 20 ms, not 100 ms as elsewhere: the time to healthy is a figure.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 200) break;
    const gone = child.exitCode !== null || child.signalCode !== null;
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(`the Lifeline server (${entryLabel(entry)}) ${gone ? `exited (${child.exitCode ?? child.signalCode})` : 'was not healthy after 120 s'}\n--- server output ---\n${output}`);
    }
    await sleep(20);
  }
  return { url, pid: child.pid!, child, startMs: performance.now() - begun, output: () => output, stop };
}
