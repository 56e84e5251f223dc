import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import type { Log } from '../logger.js';
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
    const child = this.spawnChild();
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`${this.spec.name} exited while starting (code ${code}, signal ${signal}); see ${this.spec.logFile}`)),
      ),
    );
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

  private spawnChild(): ChildProcess {
    const out = openSync(this.spec.logFile, 'a');
    try {
      const child = spawn(this.spec.command, this.spec.args, {
        stdio: ['ignore', out, out],
        env: this.spec.env ?? process.env,
        ...(this.spec.uid === undefined ? {} : { uid: this.spec.uid, gid: this.spec.gid }),
      });
      this.child = child;
      child.on('error', (err) => this.log.error({ err }, `${this.spec.name} could not be spawned`));
      if (child.pid !== undefined) void this.spec.onSpawn?.(child.pid);
      return child;
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
