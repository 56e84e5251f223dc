import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache } from '../../search/answer-cache.js';
import { announceIndexChange, INDEX_CHANGED_CHANNEL } from '../../search/index-changes.js';
import { createTestDatabase, type TestDatabase } from '../helpers/stores.js';
import { until } from '../helpers/until.js';
import { sql } from 'kysely';

describe('AnswerCache', () => {
  let t: TestDatabase;
  const caches: AnswerCache[] = [];
  const started = async (options?: ConstructorParameters<typeof AnswerCache>[1]) => {
    const cache = new AnswerCache(t.url, options);
    caches.push(cache);
    await cache.start();
    return cache;
  };
  /** A computation that counts its runs and answers `body`. */
  const counted = (body: string) => {
    const compute = async () => {
      compute.runs++;
      return body;
    };
    compute.runs = 0;
    return compute;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.stop()));
  });
  afterAll(() => t.drop());

  it('answers an identical search from memory, with a tag that names its body', async () => {
    const cache = await started();
    const compute = counted('{"total":1}');
    const first = await cache.answer('k', compute);
    const second = await cache.answer('k', compute);
    expect(second).toEqual(first);
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    expect(compute.runs).toBe(1);
  });

  it('drops every answer when a change is announced, in every process', async () => {
    const [a, b] = [await started(), await started()];
    await a.answer('k', counted('old'));
    await b.answer('k', counted('old'));
    await announceIndexChange(t.db);
    // Each process learns of the change from its own LISTEN: poll until the new answer shows.
    for (const cache of [a, b]) await until(async () => ((await cache.answer('k', counted('new'))).body === 'new' ? true : undefined));
  });

  it('does not keep an answer computed while a change was announced: it may predate the change', async () => {
    const cache = await started();
    let finish!: (body: string) => void;
    const slow = cache.answer('k', () => new Promise<string>((resolve) => (finish = resolve)));
    await cache.answer('marker', counted('kept'));
    await announceIndexChange(t.db);
    await until(async () => ((await cache.answer('marker', counted('dropped'))).body === 'dropped' ? true : undefined));
    finish('before the change');
    expect((await slow).body).toBe('before the change');
    expect((await cache.answer('k', counted('after the change'))).body).toBe('after the change');
  });

  it('asks once for identical searches that arrive together', async () => {
    const cache = await started();
    const compute = counted('x');
    await Promise.all([cache.answer('k', compute), cache.answer('k', compute), cache.answer('k', compute)]);
    expect(compute.runs).toBe(1);
  });

  it('keeps nothing while not listening, and drops what it kept when it listens again', async () => {
    const cache = await started();
    await cache.answer('k', counted('old'));
    expect(cache.live).toBe(true);
    const listener = async () =>
      (await sql<{ pid: number }>`select pid from pg_stat_activity
         where datname = current_database() and query = ${`listen "${INDEX_CHANGED_CHANNEL}"`}`.execute(t.db)).rows[0]?.pid;
    const before = await listener();
    expect(before).toBeDefined();
    await sql`select pg_terminate_backend(${before}::int)`.execute(t.db);
    // A change announced while the connection is down: this process cannot hear it.
    await announceIndexChange(t.db);
    await until(async () => {
      const now = await listener();
      return now !== undefined && now !== before && cache.live ? true : undefined;
    }, 10_000, 'listening again');
    expect((await cache.answer('k', counted('new'))).body).toBe('new');
  });

  it('evicts the least recently used answers beyond its size', async () => {
    // Each answer weighs 2 × (1 + 1000 + 29) bytes: three fit, not four.
    const cache = await started({ maxBytes: 7_000 });
    const body = (c: string) => c.repeat(1000);
    for (const key of ['a', 'b', 'c']) await cache.answer(key, counted(body(key)));
    await cache.answer('a', counted('x'));
    await cache.answer('d', counted(body('d')));
    expect(cache.weight).toBeLessThanOrEqual(7_000);
    const b = counted(body('b'));
    const a = counted(body('a'));
    await cache.answer('b', b);
    await cache.answer('a', a);
    expect([a.runs, b.runs]).toEqual([0, 1]);
  });
});
