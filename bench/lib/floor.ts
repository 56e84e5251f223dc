import type { Meilisearch } from 'meilisearch';
import { settled } from '../../search/client.js';
import { applySettings, type ProfileDocument } from '../../search/profiles-index.js';

/**
 * The floor of any path into search: Meilisearch alone indexing `documents` (read beforehand)
 * into a scratch index with the live settings, all batches enqueued at once. Seconds.
 */
export async function indexingFloorSeconds(meili: Meilisearch, uid: string, documents: ProfileDocument[], batchSize: number): Promise<number> {
  const started = performance.now();
  try {
    await settled(meili.createIndex(uid, { primaryKey: 'id' }));
    await applySettings(meili, uid);
    const batches = [];
    for (let i = 0; i < documents.length; i += batchSize) batches.push(meili.index(uid).addDocuments(documents.slice(i, i + batchSize)));
    for (const batch of batches) await settled(batch, 600_000);
    return (performance.now() - started) / 1000;
  } finally {
    await settled(meili.deleteIndex(uid)).catch(() => undefined);
  }
}
