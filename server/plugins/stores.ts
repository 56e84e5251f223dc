import fp from 'fastify-plugin';
import type { Meilisearch } from 'meilisearch';
import { createDb, type Db } from '../../db/client.js';
import { createMeili } from '../../search/client.js';
import { ensureProfilesIndex, profilesIndexUid } from '../../search/profiles-index.js';
import { searchOnlyClient } from '../../search/search-key.js';
import { storeHealth, type StoreHealth } from '../services/store-health.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Meilisearch with the master key: the sync worker, index settings, health. */
    meili: Meilisearch;
    /** Meilisearch with a key that can only search the profiles index: what public requests use. */
    searchOnlyMeili: () => Promise<Meilisearch>;
    /** The uid of the profiles index this app searches and writes. */
    profilesIndex: string;
    /** Whether each store answers, within a short timeout: for /healthz and /metrics. */
    storeHealth: () => Promise<StoreHealth>;
  }
}

export interface StoresOptions {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string;
  /** Prefixes index uids, so that several apps (tests) can share one Meilisearch. */
  indexPrefix?: string;
}

/**
 * Postgres and Meilisearch clients. Meilisearch may be down at start: the index settings are
 * then applied by the sync worker once it is back, and search answers 503 meanwhile.
 */
export default fp<StoresOptions>(
  async (app, options) => {
    const db = createDb(options.databaseUrl);
    const meili = createMeili(options.meiliUrl, options.meiliKey);
    const uid = profilesIndexUid(options.indexPrefix ?? app.config.indexPrefix);
    const searchOnlyMeili = searchOnlyClient(meili, uid);
    app.decorate('db', db);
    app.decorate('meili', meili);
    app.decorate('searchOnlyMeili', searchOnlyMeili);
    app.decorate('profilesIndex', uid);
    app.decorate('storeHealth', () => storeHealth(db, meili));
    app.addHook('onClose', async () => db.destroy());
    try {
      await ensureProfilesIndex(meili, uid);
    } catch (err) {
      app.log.warn({ err }, 'Meilisearch is not reachable at start; search answers 503 until it is');
      return;
    }
    try {
      await searchOnlyMeili();
    } catch (err) {
      app.log.warn(
        { err },
        'the search-only Meilisearch key could not be read or created (may MEILI_MASTER_KEY manage keys?); search answers 503 until it can',
      );
    }
  },
  { name: 'stores', dependencies: ['config'] },
);
