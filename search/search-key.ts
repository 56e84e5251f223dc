import { createHash } from 'node:crypto';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { createMeili } from './client.js';

/**
 * The key public searches run with. It may only search the profiles index, so if it ever leaked
 * (a proxy's log, a debugging dump) it could not write, delete or hand out keys as the master key
 * can. Its uid is derived from the index uid: every process of a deployment finds the same key,
 * and two processes creating it at once are harmless.
 */
async function searchOnlyKey(admin: Meilisearch, indexUid: string): Promise<string> {
  const uid = keyUid(indexUid);
  try {
    return (await admin.getKey(uid)).key;
  } catch (err) {
    if (apiErrorCode(err) !== 'api_key_not_found') throw err;
  }
  try {
    const created = await admin.createKey({
      uid,
      name: `Lifeline search: ${indexUid}`,
      description: 'Search-only key of the Lifeline API, created at its start',
      actions: ['search'],
      indexes: [indexUid],
      expiresAt: null,
    });
    return created.key;
  } catch (err) {
    if (apiErrorCode(err) !== 'api_key_already_exists') throw err;
    return (await admin.getKey(uid)).key;
  }
}

/**
 * A client with the search-only key, for the read side. The key is fetched when first needed
 * (Meilisearch may be down when the app starts) and kept once it was.
 */
export function searchOnlyClient(admin: Meilisearch, indexUid: string): () => Promise<Meilisearch> {
  let client: Promise<Meilisearch> | undefined;
  return () => {
    client ??= searchOnlyKey(admin, indexUid).then(
      (key) => createMeili(admin.config.host, key),
      (err: unknown) => {
        client = undefined;
        throw err;
      },
    );
    return client;
  };
}

function apiErrorCode(err: unknown): string | undefined {
  return err instanceof MeilisearchApiError ? err.cause?.code : undefined;
}

/** A uuid (v4 layout, as Meilisearch wants key uids) that only the index uid decides. */
function keyUid(indexUid: string): string {
  const hex = createHash('sha256').update(`lifeline search key:${indexUid}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
