import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, fstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Log } from '../logger.js';
import { StartError } from '../start-failure.js';
import { waitUntil } from './processes.js';

interface SupervisedSpec {
  /** Shown in logs: "postgres", "meilisearch". */
  name: string;
  command: string;
  args: string[];
  /** Output of the child goes here (appended), never into the app's own log: it may quote data. */
  logFile: string;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
  /** Resolves true once the service answers. */
  ready: () => Promise<boolean>;
  readyTimeoutMs: number;
  /** How to ask it to stop: Postgres wants SIGINT for a fast shutdown, Meilisearch SIGTERM. */
  stopSignal: NodeJS.Signals;
  /** Called with the pid of each new child, so the caller can record it for a later start. */
  onSpawn?: (pid: number) => void | Promise<void>;
  /** Runs before each restart (not the first start). */
  beforeRestart?: () => Promise<void>;
}

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A child that stayed up this long is considered healthy again, and the backoff starts over. */
const STABLE_AFTER_MS = 60_000;

/**
 * Runs a child process and keeps it running: an unexpected exit is logged and the child is
 * restarted with exponential backoff. `stop()` ends it for good.
 */
export class Supervisor {
  private child: ChildProcess | undefined;
  private stopping = false;
  private backoffMs = MIN_BACKOFF_MS;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spec: SupervisedSpec,
    private readonly log: Log,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.launch();
  }

  async stop(timeoutMs = 8_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.killChild(timeoutMs);
  }

  private async launch(): Promise<void> {
    const { child, logOffset } = this.spawnChild();
    const { name, command, logFile, uid } = this.spec;
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) =>
        void lastLine(logFile, logOffset).then((said) =>
          reject(
            new StartError(
              `${name} exited while starting (code ${code}, signal ${signal})${said ? `: ${said}` : ''}. Its log: ${logFile}`,
            ),
          ),
        ),
      );
      // Spawning itself failed (a binary it may not run): there is no child to wait for.
      child.once('error', (err: NodeJS.ErrnoException) => reject(cannotRun(name, command, err.code, uid)));
    });
    exited.catch(() => undefined);
    try {
      await Promise.race([waitUntil(this.spec.ready, this.spec.name, this.spec.readyTimeoutMs), exited]);
    } catch (err) {
      await this.killChild(2_000);
      throw err;
    }
    this.watch(child);
  }

  private async killChild(timeoutMs: number): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(this.spec.stopSignal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private spawnChild(): { child: ChildProcess; logOffset: number } {
    const out = openSync(this.spec.logFile, 'a');
    try {
      const logOffset = fstatSync(out).size;
      const child = spawn(this.spec.command, this.spec.args, {
        stdio: ['ignore', out, out],
        env: this.spec.env ?? process.env,
        ...(this.spec.uid === undefined ? {} : { uid: this.spec.uid, gid: this.spec.gid }),
      });
      this.child = child;
      child.on('error', (err) => this.log.error({ err }, `${this.spec.name} could not be spawned`));
      if (child.pid !== undefined) void this.spec.onSpawn?.(child.pid);
      return { child, logOffset };
    } finally {
      closeSync(out);
    }
  }

  private watch(child: ChildProcess): void {
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - startedAt > STABLE_AFTER_MS) this.backoffMs = MIN_BACKOFF_MS;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
      this.log.error({ code, signal, restartInMs: delay }, `${this.spec.name} exited unexpectedly; restarting`);
      this.restartTimer = setTimeout(() => void this.restart(), delay);
    });
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.spec.beforeRestart?.();
      // stop() may have come while that ran (stopping an orphan takes up to seconds): a child
      // started now would outlive it.
      if (this.stopping) return;
      await this.launch();
      this.log.info(`${this.spec.name} is back`);
    } catch (err) {
      if (this.stopping) return;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
      this.log.error({ err, restartInMs: delay }, `${this.spec.name} failed to restart`);
      this.restartTimer = setTimeout(() => void this.restart(), delay);
    }
  }
}

/** A binary the user a child runs as may not execute, or that is missing. */
export function cannotRun(name: string, command: string, code: string | undefined, uid: number | undefined): StartError {
  const user = uid === undefined ? 'this user' : `the user it runs as (uid ${uid})`;
  return new StartError(
    `${name} could not be run (${code}): ${command}. It must exist, and ${user} must be able to execute it and enter every directory above it.`,
  );
}

/**
 * Why a child stopped, from what it wrote to its log since `offset`: its last error line
 * (Postgres' `FATAL:`, Meilisearch's `Error:`), else its last line.
 */
async function lastLine(logFile: string, offset: number): Promise<string | undefined> {
  const file = await open(logFile, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const { size } = await file.stat();
    const length = Math.min(size - offset, 16_384);
    if (length <= 0) return undefined;
    const { buffer } = await file.read(Buffer.alloc(length), 0, length, size - length);
    const lines = buffer
      .toString('utf8')
      // Meilisearch colours its log as for a terminal.
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const said = lines.findLast((line) => /\b(FATAL|PANIC|ERROR|Error):/.test(line)) ?? lines.at(-1);
    return said?.slice(0, 300);
  } finally {
    await file.close();
  }
}
