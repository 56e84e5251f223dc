import { setTimeout as sleep } from 'node:timers/promises';
import { profileDocuments } from '../search/documents.js';
import { indexingFloorSeconds } from './lib/floor.js';
import { reindex } from '../search/reindex.js';
import type { BenchContext } from './context.js';
import { importPeople } from './lib/people.js';
import { failed, type Figure } from './lib/report.js';
import { percentile } from './lib/stats.js';
import { SAMPLE_SEARCHES } from './search.js';

/** `npm run reindex`'s default. */
const BATCH_SIZE = 2_000;

interface SearchLoad {
  latencies: number[];
  failures: number;
  firstFailure?: string;
}

/**
 * `npm run reindex` while recruiters search: `--connections` clients send the search queries to
 * the API one after another, first alone (the searches' baseline), then while Meilisearch alone
 * indexes the same documents read beforehand into a scratch index (the rebuild's floor), then
 * while the real rebuild reads Postgres, builds a fresh index and swaps it in.
 */
export async function reindexFigures(ctx: BenchContext, imported: boolean): Promise<Figure[]> {
  const names = { rebuild: 'reindex under search load', searches: 'search p99 during reindex' };
  try {
    if (!imported) await importPeople(ctx);
    const { db, meili, indexUid } = ctx.stack;
    // Warm the search path (JIT, caches, connection pools) before measuring it.
    for (const query of SAMPLE_SEARCHES) await ctx.anonymous.search(query);
    const idle = await searchWhile(ctx, () => sleep(ctx.options.duration * 1000));
    const documents = await profileDocuments(db).orderBy('p.id').execute();
    ctx.say(`Reindex: ${documents.length} published profiles, ${ctx.options.connections} clients searching`);
    let floorSeconds = 0;
    await searchWhile(ctx, async () => {
      floorSeconds = await indexingFloorSeconds(meili, `${indexUid}_bench_floor`, documents, BATCH_SIZE);
    });
    let rebuild = { documents: 0, ms: 0 };
    const during = await searchWhile(ctx, async () => {
      rebuild = await reindex({ db, meili, liveUid: indexUid, batchSize: BATCH_SIZE });
    });
    ctx.say(`  rebuilt ${rebuild.documents} documents in ${(rebuild.ms / 1000).toFixed(1)} s (Meilisearch alone ${floorSeconds.toFixed(1)} s); ${during.latencies.length} searches meanwhile, ${during.failures} failed`);
    const p = (load: SearchLoad, n: number) => percentile(load.latencies, n);
    return [
      {
        name: names.rebuild, unit: 's', value: rebuild.ms / 1000, baseline: floorSeconds, baselineLabel: 'Meilisearch alone',
        note: `${rebuild.documents} profiles read from Postgres in batches of ${BATCH_SIZE}, indexed and swapped in; the floor indexes the same documents, read beforehand`,
      },
      {
        name: names.searches, unit: 'ms', value: p(during, 99), baseline: p(idle, 99), baselineLabel: 'before it',
        target: 'no failed search', pass: during.failures === 0,
        note: `${during.latencies.length} searches during the rebuild, ${during.failures} failed${during.firstFailure ? ` (${during.firstFailure})` : ''}; p50 ${p(during, 50).toFixed(0)} ms (${p(idle, 50).toFixed(0)} ms before)`,
      },
    ];
  } catch (err) {
    return [failed(names.rebuild, 's', err), failed(names.searches, 'ms', err, 'no failed search')];
  }
}

/** Runs `work` while the search load goes on; the latencies of the searches that answered, and the failures. */
async function searchWhile(ctx: BenchContext, work: () => Promise<unknown>): Promise<SearchLoad> {
  const load: SearchLoad = { latencies: [], failures: 0 };
  let running = true;
  const client = async (first: number) => {
    for (let i = first; running; i += ctx.options.connections) {
      const started = performance.now();
      try {
        await ctx.anonymous.search(SAMPLE_SEARCHES[i % SAMPLE_SEARCHES.length]!);
        load.latencies.push(performance.now() - started);
      } catch (err) {
        load.failures++;
        load.firstFailure ??= (err as Error).message;
      }
    }
  };
  const clients = Array.from({ length: ctx.options.connections }, (_, i) => client(i));
  try {
    await work();
  } finally {
    running = false;
    await Promise.all(clients);
  }
  return load;
}
