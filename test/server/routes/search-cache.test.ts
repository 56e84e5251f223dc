import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPeerApp, createTestApp, type TestApp } from '../../helpers/app.js';
import { insertProfiles, updateProfile } from '../../helpers/profiles.js';
import { until } from '../../helpers/until.js';

/** The answer cache seen from outside: fresh after every change, in every process, and tagged for HTTP caches. */
describe('GET /api/search answers', () => {
  let t: TestApp;
  let peer: TestApp;
  const search = (app: TestApp, qs: string, headers: Record<string, string> = {}) =>
    app.app.inject({ method: 'GET', url: `/api/search?${qs}`, headers });
  const names = async (app: TestApp, qs: string) => {
    const res = await search(app, qs);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().hits as { name: string }[]).map((h) => h.name).sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Another API process of the same deployment: it learns of index changes only by NOTIFY.
    peer = await createPeerApp(t);
    await insertProfiles(t.app.db, [{ slug: 'cache-ada', name: 'Ada Cache', role: 'Engineer', skills: ['Haskell'], email: 'ada@example.org' }]);
  });
  afterAll(async () => {
    await peer?.close();
    await t?.close();
  });

  it('shows a change made between two identical searches in the second, in every process', async () => {
    for (const app of [t, peer]) expect(await names(app, 'skills=Haskell')).toEqual(['Ada Cache']);
    const ids = await insertProfiles(t.app.db, [{ slug: 'cache-bob', name: 'Bob Cache', role: 'Engineer', skills: ['Haskell'], email: 'bob@example.org' }]);
    for (const app of [t, peer]) {
      await until(async () => ((await names(app, 'skills=Haskell')).length === 2 ? true : undefined), 10_000, 'the new profile searchable');
    }
    await updateProfile(t.app.db, ids.get('cache-bob')!, { name: 'Robert Cache' });
    for (const app of [t, peer]) {
      await until(async () => ((await names(app, 'skills=Haskell')).includes('Robert Cache') ? true : undefined), 10_000, 'the edit searchable');
    }
  });

  it('answers the same search in another order of values from the same answer', async () => {
    const a = await search(t, 'skills=Haskell,Java&country=US,DE');
    const b = await search(t, 'country=DE,US&skills=Java,Haskell');
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body).toBe(a.body);
  });

  it('tags anonymous answers for browsers and CDNs, and answers 304 to a current tag', async () => {
    const first = await search(t, 'q=cache');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['cache-control']).toBe('public, max-age=1');
    expect(first.headers.vary).toMatch(/Authorization, Cookie/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await search(t, 'q=cache', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await search(t, 'q=cache', { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await search(t, 'q=cache', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it('still validates every search: a bad one is a 400 that says what to fix, cached or not', async () => {
    const res = await search(t, 'country=Atlantis');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/country/);
  });
});
