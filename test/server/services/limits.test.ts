import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../../db/client.js';
import { limitKeyHash, sweepLimits, takeLimit, type LimitRule } from '../../../server/services/limits.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/stores.js';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, 0) + minutes * MINUTE);

describe('takeLimit', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  let scopes = 0;
  /** A rule of its own for each test: 3 an hour. */
  const rule = (): LimitRule => ({ scope: `test-${++scopes}`, max: 3, windowMs: 60 * MINUTE });
  const take = (r: LimitRule, key: string, minutes: number, db: Db = t.db) => takeLimit(db, { ...r, key, now: at(minutes) });

  it('allows max hits in any window, then refuses until the oldest leaves it', async () => {
    const r = rule();
    expect(await take(r, 'a', 0)).toEqual({ ok: true });
    expect(await take(r, 'a', 10)).toEqual({ ok: true });
    expect(await take(r, 'a', 20)).toEqual({ ok: true });
    expect(await take(r, 'a', 30)).toEqual({ ok: false, retryAfterMs: 30 * MINUTE });
    // A sliding window: at minute 59 the hit of minute 0 still counts; at 60 it has left.
    expect(await take(r, 'a', 59)).toEqual({ ok: false, retryAfterMs: 1 * MINUTE });
    expect(await take(r, 'a', 60)).toEqual({ ok: true });
    expect(await take(r, 'a', 61)).toEqual({ ok: false, retryAfterMs: 9 * MINUTE });
  });

  it('counts each key and each scope apart', async () => {
    const [one, other] = [rule(), rule()];
    for (let i = 0; i < 3; i++) expect((await take(one, 'a', 0)).ok).toBe(true);
    expect((await take(one, 'a', 0)).ok).toBe(false);
    expect((await take(one, 'b', 0)).ok).toBe(true);
    expect((await take(other, 'a', 0)).ok).toBe(true);
  });

  it('does not count a refused hit: a flood does not push the next allowed moment away', async () => {
    const r = rule();
    for (let i = 0; i < 3; i++) await take(r, 'a', 0);
    for (let minute = 1; minute < 60; minute++) expect((await take(r, 'a', minute)).ok).toBe(false);
    expect(await take(r, 'a', 60)).toEqual({ ok: true });
  });

  it('lets exactly max of many concurrent takes through, from separate connections', async () => {
    // Each pool is a process of its own as far as Postgres can tell.
    const pools = Array.from({ length: 4 }, () => createDb(t.url, { max: 5 }));
    try {
      const r = rule();
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => take(r, 'a', 0, pools[i % pools.length])));
      expect(results.filter((result) => result.ok)).toHaveLength(3);
    } finally {
      await Promise.all(pools.map((pool) => pool.destroy()));
    }
  });

  it('stores a hash of the key, never the key', async () => {
    const r = rule();
    await take(r, 'victim@example.org', 0);
    const rows = await t.db.selectFrom('limit_hits').selectAll().where('scope', '=', r.scope).execute();
    expect(rows).toEqual([{ scope: r.scope, key_hash: limitKeyHash('victim@example.org'), hits: [at(0)], expires_at: at(60) }]);
    expect(JSON.stringify(rows)).not.toContain('victim');
  });

  it('keeps a row until its newest hit leaves the window; the sweep deletes it then', async () => {
    const r = rule();
    await take(r, 'a', 0);
    await take(r, 'a', 30);
    const count = () => t.db.selectFrom('limit_hits').where('scope', '=', r.scope).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await sweepLimits(t.db, at(89));
    expect((await count()).n).toBe(1);
    expect(await sweepLimits(t.db, at(90))).toBeGreaterThanOrEqual(1);
    expect((await count()).n).toBe(0);
  });

  it('refuses a rule that could never allow anything, naming what is wrong', async () => {
    await expect(takeLimit(t.db, { scope: 'x', key: 'a', max: 0, windowMs: MINUTE })).rejects.toThrow(/max and windowMs/);
    await expect(takeLimit(t.db, { scope: '', key: 'a', max: 1, windowMs: MINUTE })).rejects.toThrow(/needs a scope/);
  });
});
