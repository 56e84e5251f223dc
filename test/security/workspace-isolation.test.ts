import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter } from '../helpers/recruiter.js';

/**
 * A recruiter who walks ids to read, export, change or stop another recruiter's workspace; people
 * who are not verified recruiters trying the workspace at all; a stranger forging unsubscribe
 * links. Each is refused, and nothing of the victim's changes.
 */
describe('an attacker at another recruiter’s workspace', () => {
  let t: TestApp;
  let victim: Awaited<ReturnType<typeof createRecruiter>>;
  let attacker: Awaited<ReturnType<typeof createRecruiter>>;
  let listId: number;
  let entryId: number;
  let searchId: number;

  beforeAll(async () => {
    t = await createTestApp();
    victim = await createRecruiter(t);
    attacker = await createRecruiter(t);
    await insertProfiles(t.app.db, [{ slug: 'ada', name: 'Ada Lovelace', skills: ['Go'], email: 'ada@example.org' }]);
    listId = (await t.app.inject({ method: 'POST', url: '/api/shortlists', headers: victim.auth, payload: { name: 'Secret hires' } })).json().id;
    entryId = (await t.app.inject({ method: 'POST', url: `/api/shortlists/${listId}/profiles`, headers: victim.auth, payload: { slug: 'ada', note: 'Offer: 150k' } })).json().id;
    searchId = (await t.app.inject({ method: 'POST', url: '/api/saved-searches', headers: victim.auth, payload: { name: 'Secret search', query: 'skills=Go', alert: 'daily' } })).json().id;
  });
  afterAll(() => t.close());

  const victimState = async () => ({
    list: await t.app.db.selectFrom('shortlists').selectAll().where('id', '=', listId).executeTakeFirst(),
    entries: await t.app.db.selectFrom('shortlist_profiles').selectAll().where('shortlist_id', '=', listId).execute(),
    search: await t.app.db.selectFrom('saved_searches').selectAll().where('id', '=', searchId).executeTakeFirst(),
  });

  it('gets 404, not 403, for every request on the victim’s ids, and changes nothing', async () => {
    const before = await victimState();
    const requests = [
      { method: 'GET', url: `/api/shortlists/${listId}` },
      { method: 'GET', url: `/api/shortlists/${listId}/export.csv` },
      { method: 'PATCH', url: `/api/shortlists/${listId}`, payload: { name: 'pwned' } },
      { method: 'DELETE', url: `/api/shortlists/${listId}` },
      { method: 'POST', url: `/api/shortlists/${listId}/profiles`, payload: { slug: 'ada', note: 'pwned' } },
      { method: 'PATCH', url: `/api/shortlists/${listId}/profiles/${entryId}`, payload: { note: 'pwned' } },
      { method: 'DELETE', url: `/api/shortlists/${listId}/profiles/${entryId}` },
      { method: 'PATCH', url: `/api/saved-searches/${searchId}`, payload: { alert: 'off' } },
      { method: 'DELETE', url: `/api/saved-searches/${searchId}` },
      { method: 'POST', url: `/api/saved-searches/${searchId}/visit` },
    ] as const;
    for (const r of requests) {
      const res = await t.app.inject({ ...r, headers: attacker.auth });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
      expect(res.body).not.toMatch(/Secret|Offer|150k/);
    }
    // The attacker's own list, with the victim's entry id: not theirs either.
    const own = (await t.app.inject({ method: 'POST', url: '/api/shortlists', headers: attacker.auth, payload: { name: 'Mine' } })).json().id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/shortlists/${own}/profiles/${entryId}`, headers: attacker.auth, payload: { note: 'pwned' } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/shortlists', headers: attacker.auth })).json().shortlists.map((s: { name: string }) => s.name)).toEqual(['Mine']);
    expect((await t.app.inject({ url: '/api/saved-searches', headers: attacker.auth })).json().savedSearches).toEqual([]);
    expect(await victimState()).toEqual(before);
  });

  it('signed out: 401; not a verified recruiter (unverified, in review, suspended, organizer): 403', async () => {
    const unverified = await createRecruiter(t, 'unverified');
    const inReview = await createRecruiter(t, 'in_review');
    const suspended = await createRecruiter(t, 'suspended');
    for (const url of ['/api/saved-searches', '/api/shortlists', `/api/shortlists/${listId}/export.csv`]) {
      expect((await t.app.inject({ url })).statusCode).toBe(401);
      for (const who of [unverified, inReview, suspended]) expect((await t.app.inject({ url, headers: who.auth })).statusCode).toBe(403);
    }
    const before = await victimState();
    expect((await t.app.inject({ method: 'POST', url: '/api/shortlists', headers: suspended.auth, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/saved-searches', headers: suspended.auth, payload: { name: 'x', query: 'q=go' } })).statusCode).toBe(403);
    expect(await victimState()).toEqual(before);
  });

  it('cannot stop the victim’s alerts with a forged, altered or borrowed unsubscribe link', async () => {
    const own = (await t.app.inject({ method: 'POST', url: '/api/saved-searches', headers: attacker.auth, payload: { name: 'Mine', query: 'q=go', alert: 'daily' } })).json().id;
    const { unsubscribeLinks } = await import('../../server/services/alert-links.js');
    const mine = new URL((await unsubscribeLinks(t.app.db, own, 'http://lifeline.test')).oneClick).searchParams.get('token')!;
    const signature = mine.split('.')[1]!;
    for (const token of [`${searchId}.${signature}`, `${searchId}`, `${searchId}.${'A'.repeat(43)}`, `${searchId}' or 1=1 --`]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/saved-searches/unsubscribe?token=${encodeURIComponent(token)}` });
      expect(res.statusCode).toBe(400);
    }
    expect((await victimState()).search!.alert).toBe('daily');
    // Their own link works, for their own search only.
    expect((await t.app.inject({ method: 'POST', url: `/api/saved-searches/unsubscribe?token=${mine}` })).json()).toEqual({ name: 'Mine', alert: 'off' });
    expect((await victimState()).search!.alert).toBe('daily');
  });
});
