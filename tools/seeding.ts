import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Meilisearch } from 'meilisearch';
import type { Db } from '../db/client.js';
import { waitUntil } from '../server/embedded/processes.js';
import type { ImportState, LifelineClient } from './lifeline-client.js';
import { csvChunks, type Person, type SeedOptions } from './people/generate.js';

/** Streams generated people to a CSV file, chunk by chunk; returns how many rows it wrote. */
export async function writeCsv(file: string, options: SeedOptions, include?: (p: Person) => boolean): Promise<number> {
  let rows = -1;
  const counted = (function* () {
    for (const chunk of csvChunks(options, include)) {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++;
      yield chunk;
    }
  })();
  await pipeline(Readable.from(counted), createWriteStream(file));
  return rows;
}

/** Creates a list and imports a CSV into it through the API, as an organizer would. */
export async function importThroughApi(
  client: LifelineClient,
  list: Parameters<LifelineClient['createList']>[0],
  file: string,
  onProgress?: (state: ImportState) => void,
): Promise<{ slug: string; state: ImportState }> {
  const { slug } = await client.createList(list);
  const { id } = await client.startImport(slug, file);
  return { slug, state: await client.waitForImport(id, onProgress) };
}

/** Until the server has mailed every notice that imports owe: after that it is idle again. */
export function waitUntilNoticesSent(db: Db, timeoutMs = 600_000): Promise<void> {
  const allSent = async () => {
    const unsent = await db.selectFrom('import_notices').select('profile_id').where('sent_at', 'is', null).limit(1).executeTakeFirst();
    return unsent === undefined;
  };
  return waitUntil(allSent, 'the mailing of import notices', timeoutMs);
}

/**
 * Waits until every committed write is in Meilisearch: the outbox is empty (the worker deletes a
 * row only after Meilisearch confirmed it) and the index has finished indexing.
 */
export async function waitUntilSearchable(db: Db, meili: Meilisearch, indexUid: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { count } = await db.selectFrom('search_outbox').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    if (Number(count) === 0) {
      const stats = await meili.index(indexUid).getStats();
      if (!stats.isIndexing) return;
    }
    if (Date.now() > deadline) throw new Error(`the search outbox still had ${count} rows after ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}
