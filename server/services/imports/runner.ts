import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { Log } from '../../logger.js';

/** The first key of the runner locks (ASCII "LLIR"), apart from every other advisory lock. */
export const RUNNER_LOCK_CLASS = 0x4c4c4952;
const RECONNECT_MS = 2_000;

/**
 * A process that runs imports (a server, or the import CLI). For as long as it lives it holds a
 * session-level advisory lock on its id, on a connection of its own; each import it takes on
 * records that id. Postgres drops the lock with the connection when the process dies, so any
 * process can tell the imports of a live runner from orphans (see failInterruptedImports).
 */
export class ImportRunner {
  readonly id = randomInt(1, 2 ** 31 - 1);
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Log,
  ) {}

  /** Takes the lock; fails when Postgres cannot be reached. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5_000 });
    // A lost connection is handled on 'end'; without a listener an 'error' would crash the process.
    client.on('error', (err) => this.log.warn({ err }, 'the import runner lost its Postgres connection'));
    try {
      await client.connect();
      await client.query('select pg_advisory_lock($1::int, $2::int)', [RUNNER_LOCK_CLASS, this.id]);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    client.once('end', () => this.reconnectLater());
    this.client = client;
  }

  /** Postgres restarted or the connection broke: take the same lock again once it can be had. */
  private reconnectLater(): void {
    this.client = undefined;
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.connect()
        .then(() => this.log.info('the import runner holds its lock again'))
        .catch(() => this.reconnectLater());
    }, RECONNECT_MS);
  }
}

/** Runs `work` as a runner of its own, for as long as it takes: one import from the CLI. */
export async function asImportRunner<T>(databaseUrl: string, log: Log, work: (runnerId: number) => Promise<T>): Promise<T> {
  const runner = new ImportRunner(databaseUrl, log);
  await runner.start();
  try {
    return await work(runner.id);
  } finally {
    await runner.stop();
  }
}
