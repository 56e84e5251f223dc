import type { Meilisearch } from 'meilisearch';
import { settled } from '../../search/client.js';
import { applySettings, type ProfileDocument } from '../../search/profiles-index.js';

/**
 * The floor of any path into search: Meilisearch alone indexing `documents` (read beforehand)
 * into a scratch index with the live settings, all batches enqueued at once. Seconds. When the
 * path measured adds to an index that already holds documents, `present` are indexed first,
 * untimed, so that the floor adds to the same.
 */
export async function indexingFloorSeconds(
  meili: Meilisearch,
  uid: string,
  documents: ProfileDocument[],
  batchSize: number,
  present: ProfileDocument[] = [],
): Promise<number> {
  const creating = performance.now();
  try {
    await settled(meili.createIndex(uid, { primaryKey: 'id' }));
    await applySettings(meili, uid);
    const setupMs = performance.now() - creating;
    if (present.length > 0) await settled(meili.index(uid).addDocuments(present), 600_000);
    const indexing = performance.now();
    const batches = [];
    for (let i = 0; i < documents.length; i += batchSize) batches.push(meili.index(uid).addDocuments(documents.slice(i, i + batchSize)));
    for (const batch of batches) await settled(batch, 600_000);
    return (setupMs + performance.now() - indexing) / 1000;
  } finally {
    await settled(meili.deleteIndex(uid)).catch(() => undefined);
  }
}
