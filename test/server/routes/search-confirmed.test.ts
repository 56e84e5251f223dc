import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { insertProfiles } from '../../helpers/profiles.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** Search by how recently people said they are still looking. */
describe('search by confirmation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // The same words and the same layoff date: only the confirmation tells them apart.
    const same = { role: 'Compiler Engineer', skills: ['Rust'], layoff_date: '2026-09-01' };
    await insertProfiles(t.app.db, [
      { slug: 'c-long-ago', name: 'Lena Longago', ...same, last_confirmed_at: daysAgo(50), email: 'lena@example.org' },
      { slug: 'c-recent', name: 'Rita Recent', ...same, last_confirmed_at: daysAgo(2), email: 'rita@example.org' },
      { slug: 'c-middle', name: 'Mira Middle', ...same, last_confirmed_at: daysAgo(20), email: 'mira@example.org' },
      // Never confirmed since it was published: its publication counts.
      { slug: 'c-published', name: 'Paul Published', ...same, published_at: daysAgo(10), email: 'paul@example.org' },
    ]);
  });
  afterAll(() => t.close());

  const search = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/search?q=compiler&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { hits: { slug: string; confirmedAt: string }[] };
  };

  it('hits carry confirmedAt, and the default ranking prefers the recently confirmed at equal relevance', async () => {
    const { hits } = await search('');
    expect(hits.map((h) => h.slug)).toEqual(['c-recent', 'c-published', 'c-middle', 'c-long-ago']);
    const rita = hits[0]!;
    expect(Math.abs(new Date(rita.confirmedAt).getTime() - daysAgo(2).getTime())).toBeLessThan(60_000);
  });

  it('confirmedWithin keeps those confirmed in the last N days; sort=confirmed_desc orders by it', async () => {
    expect((await search('confirmedWithin=15')).hits.map((h) => h.slug).sort()).toEqual(['c-published', 'c-recent']);
    expect((await search('confirmedWithin=365&sort=confirmed_desc')).hits.map((h) => h.slug)).toEqual([
      'c-recent', 'c-published', 'c-middle', 'c-long-ago',
    ]);
  });

  it('a confirmedWithin outside 1..365 days is a 400 that says so', async () => {
    for (const bad of ['0', '366', 'soon', '-3', '1.5']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/search?confirmedWithin=${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().message).toContain('confirmedWithin');
    }
  });
});
