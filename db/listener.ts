import pg from 'pg';

interface ListenerEvents {
  /** A notification on the channel (delivered when the notifying transaction commits). */
  onNotify(): void;
  /** The LISTEN is in place again after a (re)connect: notifications sent while it was not may be lost. */
  onListening?(): void;
  /** The connection is gone: from now until `onListening`, notifications are lost. */
  onLost?(): void;
}

/**
 * One dedicated Postgres connection that LISTENs on a channel. `connect()` is idempotent and is
 * what reconnects after Postgres restarted or the connection was cut: callers call it again
 * (from their loop, or on a timer) and learn from `onListening` that they may have missed some.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  /** The advisory locks this connection holds: they go with it. */
  private locks = new Set<string>();
  /** The Postgres backend of this connection, once a lock was asked for on it. */
  private backendPid: number | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly events: ListenerEvents,
  ) {}

  get listening(): boolean {
    return this.client !== undefined;
  }

  /**
   * Takes a session-level advisory lock on this connection if no other session holds it; true
   * while it is held. The lock lives as long as the connection: when that is lost, so is the lock
   * (`holder` turns undefined, `onLost` is called), and so it passes to another process.
   */
  async tryLock(classId: number, objectId: number): Promise<boolean> {
    const key = `${classId}:${objectId}`;
    if (this.locks.has(key)) return true;
    const client = this.client;
    if (!client) return false;
    const { rows } = await client.query<{ locked: boolean; pid: number }>(
      'select pg_try_advisory_lock($1::int, $2::int) as locked, pg_backend_pid() as pid',
      [classId, objectId],
    );
    if (rows[0]?.locked && this.client === client) {
      this.locks.add(key);
      this.backendPid = rows[0].pid;
    }
    return this.locks.has(key);
  }

  /**
   * The Postgres backend holding this connection's locks, while this process believes it holds
   * `classId, objectId`: Postgres may have ended that session before this process heard of it,
   * so whoever must be sure asks pg_locks about this backend.
   */
  holder(classId: number, objectId: number): number | undefined {
    return this.locks.has(`${classId}:${objectId}`) ? this.backendPid : undefined;
  }

  connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async close(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    this.locks.clear();
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    // TCP keepalive from 10 s of silence: a connection cut without a FIN (a NAT, a failover) is
    // noticed, and reported lost, instead of staying silent while notifications go elsewhere.
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.locks.clear();
      this.events.onLost?.();
    };
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.events.onNotify();
    });
    client.on('error', () => {
      lost();
      client.end().catch(() => undefined);
    });
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(this.channel)}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    this.events.onListening?.();
  }
}
