import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPeerApp, createTestApp, type TestApp } from '../../helpers/app.js';
import { BLNS } from '../../helpers/blns.js';
import { createList, createOrganizer, importCsv, importStatus } from '../../helpers/organizer.js';
import { startSheetServer } from '../../helpers/sheet-server.js';

const HEADER = 'Name,Email,LinkedIn,Title,Location';
const ada = 'Ada Lovelace,ada@example.org,https://www.linkedin.com/in/ada-lovelace,Staff Engineer,"Seattle, WA"';
const bob = 'Bob Babbage,bob@example.org,,Engineering Manager,"Austin, TX"';
const grace = 'Grace Hopper,grace@example.org,,Principal Engineer,"New York, NY"';
const linus = 'Linus Self,linus@example.org,,Designer,"Berlin, Germany"';
const sheet = (...rows: string[]) => ({ csv: [HEADER, ...rows].join('\n') + '\n' });

const HOUR = 60 * 60 * 1000;

describe('a list that follows a sheet (SYNC_ALLOW_PRIVATE=1, the sheet served on 127.0.0.1)', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof startSheetServer>>;
  let organizer: Awaited<ReturnType<typeof createOrganizer>>;
  let slug: string;
  let listId: number;
  const start = new Date();
  const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

  beforeAll(async () => {
    t = await createTestApp({ SYNC_ALLOW_PRIVATE: '1' }, { worker: false });
    server = await startSheetServer(sheet(ada, bob, linus));
    organizer = await createOrganizer(t);
    ({ slug } = await createList(t, organizer.token, { employer: 'Meta' }));
    listId = (await t.app.db.selectFrom('layoff_lists').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: organizer.auth, ...(payload ? { payload } : {}) });
  const members = async () =>
    (
      await sql<{ email: string; status: string }>`
        select p.email, p.status from profile_lists pl join profiles p on p.id = pl.profile_id
        where pl.list_id = ${listId} order by p.email`.execute(t.app.db)
    ).rows;
  const profile = (email: string) =>
    t.app.db.selectFrom('profiles').select(['status', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
  const importCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from imports`.execute(t.app.db)).rows[0]!.n);

  it('previews the sheet as a dry run, then follows it: the first sync imports everyone on it', async () => {
    const preview = await call('POST', `/api/lists/${slug}/source/preview`, { url: server.url() });
    expect(preview.statusCode, preview.body).toBe(202);
    await t.app.imports.idle();
    const dry = await importStatus(t, organizer.token, preview.json().id);
    expect(dry).toMatchObject({ status: 'done', dryRun: true, source: 'sync', counts: { total: 3, created: 3, removed: 0 } });
    expect(dry.preview?.map((row) => row.values?.name)).toEqual(['Ada Lovelace', 'Bob Babbage', 'Linus Self']);
    expect(await members()).toEqual([]);

    const unattested = await call('PUT', `/api/lists/${slug}/source`, { url: server.url(), every: 'hourly', attestConsent: false });
    expect(unattested.statusCode).toBe(400);
    expect(unattested.json().message).toContain('attestConsent must be true');

    const set = await call('PUT', `/api/lists/${slug}/source`, { url: server.url(), every: 'hourly', attestConsent: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ url: server.url(), csvUrl: server.url(), every: 'hourly', paused: false, failures: 0, lastRunAt: null });

    const sync = await call('POST', `/api/lists/${slug}/sync`);
    expect(sync.statusCode, sync.body).toBe(202);
    await t.app.sheetSync.idle();
    const first = await importStatus(t, organizer.token, sync.json().id);
    expect(first).toMatchObject({ status: 'done', dryRun: false, source: 'sync', counts: { total: 3, created: 3, removed: 0 } });
    expect(await members()).toEqual([
      { email: 'ada@example.org', status: 'published' },
      { email: 'bob@example.org', status: 'published' },
      { email: 'linus@example.org', status: 'published' },
    ]);
    const source = (await call('GET', `/api/lists/${slug}/source`)).json().source;
    expect(source).toMatchObject({ lastImportId: first.id, failures: 0, paused: false, lastError: null });
    expect(server.requests.at(-1)!.headers['user-agent']).toMatch(/^Lifeline-Sheet-Sync\/\d+\.\d+\.\d+ \(\+http:\/\/lifeline\.test\)$/);
    expect(server.requests.at(-1)!.headers.cookie).toBeUndefined();
  });

  it('asks again conditionally: an unchanged sheet costs one request and no import', async () => {
    const imports = await importCount();
    const requests = server.requests.length;
    const again = await call('POST', `/api/lists/${slug}/sync`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ unchanged: true });
    expect(server.requests.length).toBe(requests + 1);
    expect(server.requests.at(-1)!.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(await importCount()).toBe(imports);

    // Not due before its hour is up; then the scheduler asks, and still nothing changes.
    expect((await t.app.scheduler.runOnce(at(0.5)))['sheet-sync']).toEqual({ synced: 0, unchanged: 0, unreadable: 0 });
    expect((await t.app.scheduler.runOnce(at(1.5)))['sheet-sync']).toEqual({ synced: 0, unchanged: 1, unreadable: 0 });
    expect(await importCount()).toBe(imports);
  });

  it('follows an edited sheet: people added join, people removed leave (hidden only when nothing else keeps them public)', async () => {
    // Bob is also on another list; Linus took his profile over by a link mailed to him.
    const other = await createList(t, organizer.token, { employer: 'Meta' });
    expect((await importCsv(t, organizer.token, other.slug, sheet(bob).csv)).status).toBe('done');
    await t.app.db.updateTable('profiles').set({ email_verified_at: new Date() }).where('email', '=', 'linus@example.org').execute();

    server.answer = sheet(grace);
    const report = await t.app.scheduler.runOnce(at(3));
    expect(report['sheet-sync']).toEqual({ synced: 1, unchanged: 0, unreadable: 0 });
    const source = (await call('GET', `/api/lists/${slug}/source`)).json().source;
    expect(await importStatus(t, organizer.token, source.lastImportId)).toMatchObject({ counts: { total: 1, created: 1, removed: 3 } });
    expect(await members()).toEqual([{ email: 'grace@example.org', status: 'published' }]);
    expect(await profile('ada@example.org')).toMatchObject({ status: 'hidden' });
    expect(await profile('bob@example.org')).toMatchObject({ status: 'published' });
    expect(await profile('linus@example.org')).toMatchObject({ status: 'published' });
    const queued = await t.app.db.selectFrom('search_outbox as o').innerJoin('profiles as p', 'p.id', 'o.profile_id').select('p.email').execute();
    expect(new Set(queued.map((q) => q.email))).toEqual(new Set(['ada@example.org', 'bob@example.org', 'linus@example.org', 'grace@example.org']));
  });

  it('never empties the list for a sheet with no usable row', async () => {
    server.answer = { csv: `${HEADER}\n` };
    expect((await t.app.scheduler.runOnce(at(5)))['sheet-sync']).toEqual({ synced: 0, unchanged: 0, unreadable: 1 });
    expect(await members()).toEqual([{ email: 'grace@example.org', status: 'published' }]);
    const source = (await call('GET', `/api/lists/${slug}/source`)).json().source;
    expect(source).toMatchObject({ failures: 1, paused: false });
    expect(source.lastError).toContain('no row that can be imported');
  });

  it('pauses a sheet that fails three times in a row and mails the organizer, without touching the list; PUT resumes it', async () => {
    server.answer = { status: 403, body: 'private' };
    expect((await t.app.scheduler.runOnce(at(7)))['sheet-sync']).toEqual({ synced: 0, unchanged: 0, unreadable: 1 });
    server.answer = { status: 200, body: '<html>Sign in</html>', headers: { 'content-type': 'text/html' } };
    expect((await t.app.scheduler.runOnce(at(9)))['sheet-sync']).toEqual({ synced: 0, unchanged: 0, unreadable: 1 });

    const paused = (await call('GET', `/api/lists/${slug}/source`)).json().source;
    expect(paused).toMatchObject({ failures: 3, paused: true });
    expect(paused.lastError).toContain('not a CSV');
    const mail = await t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', organizer.user.email).execute();
    expect(mail.map((m) => m.subject)).toEqual(['Lifeline paused the sync of your sheet']);
    expect(mail[0]!.text).toContain('not a CSV');
    expect(await members()).toEqual([{ email: 'grace@example.org', status: 'published' }]);

    // Paused: no pass fetches it, and no second mail goes out.
    server.answer = sheet(grace, ada);
    const requests = server.requests.length;
    expect((await t.app.scheduler.runOnce(at(11)))['sheet-sync']).toEqual({ synced: 0, unchanged: 0, unreadable: 0 });
    expect(server.requests.length).toBe(requests);

    const resumed = await call('PUT', `/api/lists/${slug}/source`, { url: server.url(), every: 'daily', attestConsent: true });
    expect(resumed.json()).toMatchObject({ paused: false, failures: 0, lastError: null, every: 'daily' });
    expect((await t.app.scheduler.runOnce(at(36)))['sheet-sync']).toEqual({ synced: 1, unchanged: 0, unreadable: 0 });
    // Ada, dropped and hidden earlier, is named again: she is back on the list and public.
    expect(await members()).toEqual([
      { email: 'ada@example.org', status: 'published' },
      { email: 'grace@example.org', status: 'published' },
    ]);
    expect((await t.app.db.selectFrom('dev_mail').select('id').where('to_address', '=', organizer.user.email).execute()).length).toBe(1);
  });

  it('is synced once when two processes run their pass at the same time', async () => {
    server.answer = sheet(grace, ada, bob);
    const peer = await createPeerApp(t, { SYNC_ALLOW_PRIVATE: '1' });
    try {
      const requests = server.requests.length;
      const [a, b] = await Promise.all([t.app.scheduler.runOnce(at(62)), peer.app.scheduler.runOnce(at(62))]);
      const synced = [a['sheet-sync'], b['sheet-sync']].map((r) => (r as Record<string, number>).synced);
      expect(synced.sort()).toEqual([0, 1]);
      expect(server.requests.length).toBe(requests + 1);
    } finally {
      await peer.close();
    }
  });

  it('tells what to fix in a link it cannot follow', async () => {
    const airtable = await call('PUT', `/api/lists/${slug}/source`, { url: 'https://airtable.com/appXYZ/shrAbCdEf123', every: 'daily', attestConsent: true });
    expect(airtable.statusCode).toBe(400);
    expect(airtable.json().message).toContain('Download CSV');
    const notUrl = await call('PUT', `/api/lists/${slug}/source`, { url: 'my sheet', every: 'daily', attestConsent: true });
    expect(notUrl.statusCode).toBe(400);
    expect(notUrl.json().message).toContain('https://');
    const cadence = await call('PUT', `/api/lists/${slug}/source`, { url: server.url(), every: 'weekly', attestConsent: true });
    expect(cadence.statusCode).toBe(400);
    // Every naughty string as a link: a 400 that says what to fix, or (the odd one that is an address) saved; never a 500.
    for (const url of BLNS) {
      const res = await call('PUT', `/api/lists/${slug}/source`, { url, every: 'off', attestConsent: true });
      expect(res.statusCode, JSON.stringify(url)).toBeOneOf([200, 400]);
      if (res.statusCode === 400) expect(res.json().message.length).toBeGreaterThan(10);
      else expect(res.json().url).toBe(url.trim());
    }
    const none = await createList(t, organizer.token);
    expect((await call('GET', `/api/lists/${none.slug}/source`)).json()).toEqual({ source: null });
    const sync = await call('POST', `/api/lists/${none.slug}/sync`);
    expect(sync.statusCode).toBe(404);
    expect(sync.json().message).toContain('follows no sheet');
  });
});
