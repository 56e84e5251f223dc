import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { insertProfiles } from '../../helpers/profiles.js';
import { createRecruiter } from '../../helpers/recruiter.js';
import { WORKSPACE_LIMITS } from '../../../server/schemas/workspace.js';
import { BLNS } from '../../helpers/blns.js';

describe('the recruiter workspace API', () => {
  let t: TestApp;
  let auth: { authorization: string };
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  beforeAll(async () => {
    t = await createTestApp();
    ({ auth } = await createRecruiter(t));
    await insertProfiles(t.app.db, [
      { slug: 'ada', name: 'Ada Lovelace', headline: 'Analytical engines', role: 'Engineer', skills: ['Go', 'Rust'], city: 'London', region: 'England', country: 'GB', employer: 'Meta', email: 'ada@example.org' },
      { slug: 'zoe', name: 'Zoë Ørsted-Müller', headline: '=HYPERLINK("http://evil.example","click")', role: '+cmd|calc', skills: ['Go'], city: 'Zürich', country: 'CH', email: 'zoe@example.org' },
      { slug: 'hid', name: 'Soon Hidden', skills: ['Go'], email: 'hid@example.org' },
      { slug: 'pending', name: 'Pending Person', status: 'pending' },
    ]);
  });
  afterAll(() => t.close());

  describe('saved searches', () => {
    it('saves the exact query string, lists, renames, changes cadence and deletes', async () => {
      const created = await call('POST', '/api/saved-searches', { name: '  Go in Berlin ', query: '?skills=go,rust&country=DE&layoffFrom=2026-01-01', alert: 'daily' });
      expect(created.statusCode, created.body).toBe(201);
      const search = created.json();
      expect(search).toMatchObject({ name: 'Go in Berlin', query: 'skills=go,rust&country=DE&layoffFrom=2026-01-01', alert: 'daily', lastAlertedAt: null });
      expect(Date.parse(search.nextAlertAt) - Date.parse(search.createdAt)).toBe(24 * 60 * 60 * 1000);

      const list = await call('GET', '/api/saved-searches');
      expect(list.json().savedSearches.map((s: { id: number }) => s.id)).toContain(search.id);

      const weekly = await call('PATCH', `/api/saved-searches/${search.id}`, { alert: 'weekly', name: 'Go, Berlin' });
      expect(weekly.statusCode, weekly.body).toBe(200);
      expect(weekly.json()).toMatchObject({ name: 'Go, Berlin', alert: 'weekly' });
      expect(Date.parse(weekly.json().nextAlertAt) - Date.parse(search.createdAt)).toBe(7 * 24 * 60 * 60 * 1000);
      expect((await call('PATCH', `/api/saved-searches/${search.id}`, { alert: 'off' })).json().nextAlertAt).toBeNull();

      expect((await call('DELETE', `/api/saved-searches/${search.id}`)).statusCode).toBe(204);
      expect((await call('DELETE', `/api/saved-searches/${search.id}`)).statusCode).toBe(404);
    });

    it.each([
      ['skills=go&nonsense=1', '"nonsense" is not a search parameter'],
      ['yearsMin=many', '"yearsMin" is not valid'],
      ['country=Narnia', '"Narnia" is not an ISO country code'],
      ['layoffFrom=2026-02-30', '"layoffFrom" is not valid'],
      ['skills=go&skills=rust', 'names "skills" twice'],
      ['yearsMin=9&yearsMax=3', 'yearsMin must be at most yearsMax'],
    ])('refuses a query GET /api/search would refuse (%s), saying what is wrong', async (query, message) => {
      const res = await call('POST', '/api/saved-searches', { name: 'Bad', query });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(message);
    });

    it('refuses an empty name and an unknown cadence with a 400', async () => {
      expect((await call('POST', '/api/saved-searches', { name: '   ', query: 'q=go' })).json().message).toContain('body.name is required');
      expect((await call('POST', '/api/saved-searches', { name: 'X', query: 'q=go', alert: 'hourly' })).statusCode).toBe(400);
      expect((await call('POST', '/api/saved-searches', { name: 'x'.repeat(101), query: 'q=go' })).json().message).toContain('at most 100');
    });

    it(`holds at most ${WORKSPACE_LIMITS.savedSearches} saved searches per recruiter`, async () => {
      const other = await createRecruiter(t);
      const save = (i: number) => t.app.inject({ method: 'POST', url: '/api/saved-searches', headers: other.auth, payload: { name: `S${i}`, query: `q=go${i}` } });
      for (let i = 0; i < WORKSPACE_LIMITS.savedSearches; i++) expect((await save(i)).statusCode).toBe(201);
      const over = await save(99);
      expect(over.statusCode).toBe(409);
      expect(over.json().message).toContain('Delete one');
    });

    it('records a visit and says when the one before was', async () => {
      const { id } = (await call('POST', '/api/saved-searches', { name: 'Visited', query: 'skills=go' })).json();
      const first = await call('POST', `/api/saved-searches/${id}/visit`);
      expect(first.json()).toEqual({ previousVisitAt: null, query: 'skills=go' });
      const second = await call('POST', `/api/saved-searches/${id}/visit`);
      expect(second.json().previousVisitAt).toEqual(expect.any(String));
    });

    it('searches with since= only people confirmed at or after it, and hits say when they were confirmed', async () => {
      const all = await t.app.inject({ url: '/api/search?skills=go' });
      expect(all.json().hits[0].confirmedAt).toEqual(expect.any(String));
      const future = await t.app.inject({ url: `/api/search?skills=go&since=${Math.floor(Date.now() / 1000) + 3600}` });
      expect(future.json().total).toBe(0);
    });
  });

  describe('shortlists', () => {
    let listId: number;
    it('creates a shortlist, adds people with notes, changes a note, removes a person', async () => {
      const created = await call('POST', '/api/shortlists', { name: 'Platform hires' });
      expect(created.statusCode, created.body).toBe(201);
      listId = created.json().id;

      const ada = await call('POST', `/api/shortlists/${listId}/profiles`, { slug: 'ada', note: 'Call on Monday.\nStrong on Rust.' });
      expect(ada.statusCode, ada.body).toBe(201);
      expect(ada.json()).toMatchObject({ note: 'Call on Monday.\nStrong on Rust.', profile: { slug: 'ada', name: 'Ada Lovelace', formerEmployer: { slug: 'meta', name: 'Meta' } } });
      expect(ada.body).not.toContain('ada@example.org');
      // Adding again keeps one entry.
      const again = await call('POST', `/api/shortlists/${listId}/profiles`, { slug: 'ada' });
      expect(again.statusCode).toBe(200);
      expect(again.json().note).toBe('Call on Monday.\nStrong on Rust.');
      expect((await call('POST', `/api/shortlists/${listId}/profiles`, { slug: 'zoe', note: '=1+1' })).statusCode).toBe(201);
      const hid = await call('POST', `/api/shortlists/${listId}/profiles`, { slug: 'hid' });
      expect((await call('POST', `/api/shortlists/${listId}/profiles`, { slug: 'pending' })).statusCode).toBe(404);

      const note = await call('PATCH', `/api/shortlists/${listId}/profiles/${ada.json().id}`, { note: 'Called: interview Thursday' });
      expect(note.json().note).toBe('Called: interview Thursday');
      expect((await call('PATCH', `/api/shortlists/${listId}/profiles/${ada.json().id}`, { note: 'x'.repeat(2001) })).statusCode).toBe(400);

      const shown = (await call('GET', `/api/shortlists/${listId}`)).json();
      expect(shown.entries.map((e: { profile: { slug: string } }) => e.profile.slug)).toEqual(['ada', 'zoe', 'hid']);
      expect((await call('GET', '/api/shortlists')).json().shortlists[0]).toMatchObject({ id: listId, name: 'Platform hires', count: 3 });

      expect((await call('DELETE', `/api/shortlists/${listId}/profiles/${hid.json().id}`)).statusCode).toBe(204);
      expect((await call('DELETE', `/api/shortlists/${listId}/profiles/${hid.json().id}`)).statusCode).toBe(404);
    });

    it('shows someone hidden or removed as no longer listed, with the note and without their data', async () => {
      const entry = (await call('POST', `/api/shortlists/${listId}/profiles`, { slug: 'hid', note: 'keep' })).json();
      await t.app.db.updateTable('profiles').set({ status: 'hidden' }).where('slug', '=', 'hid').execute();
      const shown = (await call('GET', `/api/shortlists/${listId}`)).json();
      const gone = shown.entries.find((e: { id: number }) => e.id === entry.id);
      expect(gone).toEqual({ id: entry.id, note: 'keep', addedAt: expect.any(String), profile: null });
      expect(JSON.stringify(shown)).not.toContain('Soon Hidden');
    });

    it('exports CSV: UTF-8 with a BOM, accents intact, formulas defused, notes and URLs, never an email', async () => {
      const res = await call('GET', `/api/shortlists/${listId}/export.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="shortlist-platform-hires.csv"');
      const body = res.rawPayload.toString('utf8');
      expect(body.startsWith('\uFEFFName,Headline,Role,City,Region,Country,Skills,Former employer,Profile URL,Note,Added\r\n')).toBe(true);
      const lines = body.slice(1).trimEnd().split('\r\n');
      expect(lines[1]).toMatch(/^Ada Lovelace,Analytical engines,Engineer,London,England,United Kingdom,"Go, Rust",Meta,http:\/\/lifeline\.test\/p\/ada,Called: interview Thursday,\d{4}-\d{2}-\d{2}$/);
      expect(lines[2]).toContain(`Zoë Ørsted-Müller,"'=HYPERLINK(""http://evil.example"",""click"")",'+cmd|calc,Zürich,,Switzerland,Go,,http://lifeline.test/p/zoe,'=1+1,`);
      expect(lines[3]).toMatch(/^\(no longer listed\),,,,,,,,,keep,/);
      expect(body).not.toMatch(/@example\.org/);
      expect(body).not.toContain('Soon Hidden');
    });

    it('takes every naughty string as a name, a note or a saved query without a 500, and shows back what it kept', async () => {
      const entry = (await call('POST', `/api/shortlists/${listId}/profiles`, { slug: 'ada' })).json();
      for (const text of BLNS) {
        const note = await call('PATCH', `/api/shortlists/${listId}/profiles/${entry.id}`, { note: text });
        expect([200, 400], JSON.stringify(text)).toContain(note.statusCode);
        if (note.statusCode === 200) expect(note.json().note).toBe(text.normalize('NFC').replace(/\r\n?/g, '\n').trim());
        const name = await call('PATCH', `/api/shortlists/${listId}`, { name: text });
        expect([200, 400], JSON.stringify(text)).toContain(name.statusCode);
        const saved = await call('POST', '/api/saved-searches', { name: 'naughty', query: text });
        expect([201, 400], JSON.stringify(text)).toContain(saved.statusCode);
        if (saved.statusCode === 201) await call('DELETE', `/api/saved-searches/${saved.json().id}`);
      }
    }, 120_000);

    it('renames and deletes a shortlist', async () => {
      expect((await call('PATCH', `/api/shortlists/${listId}`, { name: 'Renamed' })).json().name).toBe('Renamed');
      expect((await call('DELETE', `/api/shortlists/${listId}`)).statusCode).toBe(204);
      expect((await call('GET', `/api/shortlists/${listId}`)).statusCode).toBe(404);
    });
  });
});
