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

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly events: ListenerEvents,
  ) {}

  get listening(): boolean {
    return this.client !== undefined;
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
