import { sql } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import type { Db } from '../../db/client.js';

export type StoreState = 'ok' | 'down';

export interface StoreHealth {
  postgres: StoreState;
  meilisearch: StoreState;
}

const PROBE_TIMEOUT_MS = 2_000;

/** Asks each store whether it answers, within a short timeout: for /healthz and /metrics. */
export async function storeHealth(db: Db, meili: Meilisearch): Promise<StoreHealth> {
  const [postgres, meilisearch] = await Promise.all([
    probe(() => sql`select 1`.execute(db)),
    probe(async () => {
      const { status } = await meili.health();
      if (status !== 'available') throw new Error(status);
    }),
  ]);
  return { postgres, meilisearch };
}

async function probe(check: () => Promise<unknown>): Promise<StoreState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
