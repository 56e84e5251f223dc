import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { createLogger } from '../../../server/logger.js';
import { suppress } from '../../../server/privacy/suppression.js';
import { failInterruptedImports, INTERRUPTED } from '../../../server/services/imports/jobs.js';
import { ImportRunner } from '../../../server/services/imports/runner.js';
import { searchCatchingUp, SYNC_LEADER_LOCK } from '../../../search/sync-worker.js';
import type { TestApp } from '../../helpers/app.js';
import { until } from '../../helpers/until.js';
import { appWithOrganizer, createList, importCsv, reportOf, uploadCsv } from '../../helpers/organizer.js';

const fixture = (name: string) => readFile(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('CSV import through the API', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  const profileByEmail = (email: string) =>
    t.app.db
      .selectFrom('profiles')
      .selectAll()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  const countProfiles = async () => Number((await sql<{ n: number }>`select count(*)::int as n from profiles`.execute(t.app.db)).rows[0]!.n);

  it('maps a Google Forms export (First + Last, Timestamp ignored, consent column) and stores normalized profiles', async () => {
    const list = await createList(t, token, { employer: 'Meta' });
    const status = await importCsv(t, token, list.slug, await fixture('google-form.csv'));
    expect(status.status).toBe('done');
    expect(status.mapping).toEqual({
      firstName: 'First name',
      lastName: 'Last name',
      email: 'Email address',
      linkedin: 'LinkedIn profile',
      role: 'Current/most recent title',
      location: 'Where are you located?',
      skills: 'Areas of expertise',
      remote: 'Open to remote?',
      relocation: 'Willing to relocate?',
      sponsorship: 'Do you need visa sponsorship?',
      yearsExperience: 'Years of experience',
      seniority: 'Seniority',
      company: 'Former company',
      consent: 'Do you consent to be listed publicly?',
    });
    expect(status.counts).toEqual({ total: 3, created: 2, updated: 0, unchanged: 0, skipped: 1, failed: 0 });

    const ada = await profileByEmail('ada@example.org');
    expect(ada).toMatchObject({
      name: 'Ada Lovelace',
      status: 'published',
      linkedin_url: 'https://www.linkedin.com/in/ada-lovelace',
      role: 'Staff Engineer',
      city: 'Seattle',
      region: 'Washington',
      country: 'US',
      skills: ['JavaScript', 'Kubernetes', 'Go'],
      remote: 'remote',
      relocation: false,
      work_authorization: 'authorized',
      years_experience: 12,
      seniority: 'staff',
      consent_source: expect.stringMatching(/^list:\d+$/),
    });
    expect(ada!.consent_at).not.toBeNull();
    const grace = await profileByEmail('grace@example.org');
    expect(grace).toMatchObject({ email: 'GRACE@example.org', country: 'CA', region: 'Ontario', remote: 'hybrid', relocation: true, years_experience: 20, seniority: 'manager' });
    // Facebook and Meta Platforms are the list's Meta.
    expect(ada!.former_employer_id).toBe(grace!.former_employer_id);
    // Alan said no in the consent column.
    expect(await profileByEmail('alan@example.org')).toBeUndefined();
    expect(await reportOf(t, token, status.id)).toContain('does not say yes');

    // Published profiles and their search_outbox rows were written together.
    const outbox = await t.app.db.selectFrom('search_outbox').select('profile_id').where('profile_id', 'in', [ada!.id, grace!.id]).execute();
    expect(outbox).toHaveLength(2);

    const listed = await t.app.inject({ method: 'GET', url: `/api/lists/${list.slug}` });
    expect(listed.json()).toMatchObject({ profiles: 2, employer: { name: 'Meta', slug: 'meta' } });
  });

  it('handles quoted fields with commas, quotes and line breaks, ragged rows, blank rows, with start lines', async () => {
    const list = await createList(t, token);
    const status = await importCsv(t, token, list.slug, await fixture('quoting.csv'));
    expect(status.counts).toEqual({ total: 4, created: 4, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(await profileByEmail('ada-q@example.org')).toMatchObject({ name: 'Lovelace, Ada', role: 'Engineer, "Analytical" Engines', skills: ['Math', 'Poetry'] });
    expect((await profileByEmail('bob-q@example.org'))!.role).toBe('He said "hi"');
    expect((await profileByEmail('extra-q@example.org'))!.skills).toEqual(['TypeScript']);
    expect(status.preview!.map((r) => r.line)).toEqual([2, 4, 5, 6]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('reads %s line endings, with line numbers in the report', async (_label, eol) => {
    const list = await createList(t, token);
    const csv = ['Name,Email', `Eol Person ${_label},eol-${_label}@example.org`, 'No Email,not-an-email', '"Multi', 'Line",multi@example.org'].join(eol) + eol;
    const status = await importCsv(t, token, list.slug, csv);
    expect(status.counts).toMatchObject({ total: 3, created: 1, failed: 2 });
    const report = await reportOf(t, token, status.id);
    expect(report).toContain('3,failed,"Email: ""not-an-email"" is not an email address"');
    expect(report).toMatch(/\r\n4,failed,Name: must be one line without control characters,"Multi\nLine",multi@example.org\r\n$/);
  });

  describe('encodings', () => {
    const text = 'Name,Email,Title\nJosé Müller,jose@example.org,“Senior” Ingénieur\n';
    const cases: [string, Buffer, string][] = [
      ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
      ['UTF-16 LE with BOM', iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le'],
      ['UTF-16 BE with BOM', iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be'],
      ['Windows-1252', iconv.encode(text, 'windows-1252'), 'windows-1252'],
    ];
    it.each(cases)('detects %s and stores the text intact', async (_label, bytes, detected) => {
      const list = await createList(t, token);
      await t.app.db.deleteFrom('profiles').where(sql`lower(email)`, '=', 'jose@example.org').execute();
      const status = await importCsv(t, token, list.slug, bytes);
      expect(status.error).toBeUndefined();
      expect(status.encoding).toBe(detected);
      expect(status.mapping).toMatchObject({ name: 'Name', email: 'Email', role: 'Title' });
      expect(await profileByEmail('jose@example.org')).toMatchObject({ name: 'José Müller', role: '“Senior” Ingénieur' });
    });

    it('takes the encoding the organizer chooses, and fails a wrong choice without writing', async () => {
      const list = await createList(t, token);
      const status = await importCsv(t, token, list.slug, iconv.encode(text, 'windows-1252'), { encoding: 'utf-8' });
      expect(status.status).toBe('failed');
      expect(status.error).toMatch(/not valid UTF-8.*Windows-1252.*Nothing was imported/);
      const chosen = await importCsv(t, token, list.slug, iconv.encode(text, 'windows-1252'), { encoding: 'windows-1252' });
      expect(chosen.encoding).toBe('windows-1252');
    });
  });

  it('fails an oversized record (an unclosed quote) with its line, committing nothing', async () => {
    const list = await createList(t, token);
    const before = await countProfiles();
    const csv = `Name,Email\nFirst Good,first-good@example.org\n"Never closed,x@example.org\n${'y'.repeat(70_000)}\n`;
    const status = await importCsv(t, token, list.slug, csv);
    expect(status.status).toBe('failed');
    expect(status.error).toMatch(/^Line \d+: a row is longer than 65,536 characters.*quote.*Nothing was imported\.$/);
    expect(status.counts).toEqual({ total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(await countProfiles()).toBe(before);
    expect(await profileByEmail('first-good@example.org')).toBeUndefined();
  });

  it('fails a file without a usable header, saying which columns it has', async () => {
    const list = await createList(t, token);
    const status = await importCsv(t, token, list.slug, 'Foo,Bar\n1,2\n');
    expect(status.status).toBe('failed');
    expect(status.error).toContain('No column for the name was found');
    expect(status.error).toContain('"Foo", "Bar"');
  });

  it('applies a mapping override, and refuses one naming a missing column', async () => {
    const list = await createList(t, token);
    const csv = 'Who,Contact,Job\nMapped Person,mapped@example.org,Designer\n';
    const status = await importCsv(t, token, list.slug, csv, { mapping: { name: 'Who', email: 'Contact', role: 'Job' } });
    expect(status.counts.created).toBe(1);
    expect(await profileByEmail('mapped@example.org')).toMatchObject({ name: 'Mapped Person', role: 'Designer' });

    const missing = await importCsv(t, token, list.slug, csv, { mapping: { name: 'Nope' } });
    expect(missing.error).toContain('mapping.name names the column "Nope", which the file does not have');

    const bad = await uploadCsv(t, token, list.slug, csv, { mapping: { phone: 'Contact' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('mapping.phone is not a field');
  });

  it('fails rows with reasons and line numbers, merges duplicates within the file', async () => {
    const list = await createList(t, token);
    const csv = [
      'Name,Email,LinkedIn,Title',
      ',nobody@example.org,,x',
      'Bad Email,bad@@example,,x',
      'No Identity,,,x',
      'Dup First,dup@example.org,,First title',
      'Dup Second,DUP@example.org,,Second title',
      'Li Only,,linkedin.com/in/li-only,Li',
    ].join('\n');
    const status = await importCsv(t, token, list.slug, csv);
    expect(status.counts).toEqual({ total: 6, created: 2, updated: 0, unchanged: 0, skipped: 1, failed: 3 });
    const report = await reportOf(t, token, status.id);
    expect(report).toContain('2,failed,No name: every person needs a name');
    expect(report).toContain('3,failed,"Email: ""bad@@example"" is not an email address"');
    expect(report).toContain('4,failed,Neither an email nor a LinkedIn profile URL');
    expect(report).toContain('5,skipped,Same person as line 6: the later row is used.');
    expect(await profileByEmail('dup@example.org')).toMatchObject({ name: 'Dup Second', role: 'Second title' });
  });

  it('imports the same file twice: the second time creates 0 and updates 0', async () => {
    const list = await createList(t, token);
    const csv = 'Name,Email,Skills\nTwice One,twice1@example.org,"Go, Rust"\nTwice Two,,\nTwice Three,twice3@example.org,\n';
    const first = await importCsv(t, token, list.slug, csv);
    expect(first.counts).toEqual({ total: 3, created: 2, updated: 0, unchanged: 0, skipped: 0, failed: 1 });
    const outboxBefore = await t.app.db.selectFrom('search_outbox').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const second = await importCsv(t, token, list.slug, csv);
    expect(second.counts).toEqual({ total: 3, created: 0, updated: 0, unchanged: 2, skipped: 0, failed: 1 });
    const outboxAfter = await t.app.db.selectFrom('search_outbox').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(outboxAfter.n).toBe(outboxBefore.n);
  });

  it('settles who is who across a whole file: the later row of a person wins, far apart, in a dry run as in a real one', async () => {
    // Over a thousand rows apart, in different COPY chunks of the stage. The stored person is the
    // list's own, so its rows may change them.
    const list = await createList(t, token);
    await importCsv(t, token, list.slug, 'Name,Email\nStored Person,stored@far.example.org\n');
    const filler = Array.from({ length: 1_200 }, (_, i) => `Filler ${i},filler${i}@far.example.org,`);
    const csv = [
      'Name,Email,LinkedIn',
      'Early Name,early@far.example.org,',
      'Linked Early,linked-early@far.example.org,linkedin.com/in/far-linked',
      'Stored By Email,stored@far.example.org,',
      ...filler,
      'Late Name,EARLY@far.example.org,',
      'Linked Late,linked-late@far.example.org,https://www.linkedin.com/in/far-linked',
      'Stored Again,stored@far.example.org,linkedin.com/in/far-stored',
    ].join('\n');
    const expected = { total: 1_206, created: 1_202, updated: 1, unchanged: 0, skipped: 3, failed: 0 };

    const dry = await importCsv(t, token, list.slug, csv, { dryRun: true });
    expect(dry.counts).toEqual(expected);
    const before = await countProfiles();
    const real = await importCsv(t, token, list.slug, csv);
    expect(real.counts).toEqual(expected);
    expect(await countProfiles()).toBe(before + expected.created);

    expect(await profileByEmail('early@far.example.org')).toMatchObject({ name: 'Late Name' });
    expect(await profileByEmail('linked-early@far.example.org')).toBeUndefined();
    expect(await profileByEmail('linked-late@far.example.org')).toMatchObject({ linkedin_url: 'https://www.linkedin.com/in/far-linked' });
    expect(await profileByEmail('stored@far.example.org')).toMatchObject({ name: 'Stored Again', linkedin_url: 'https://www.linkedin.com/in/far-stored' });
    const report = await reportOf(t, token, real.id);
    expect(report).toContain('2,skipped,Same person as line 1205: the later row is used.');
    expect(report).toContain('3,skipped,Same person as line 1206: the later row is used.');
    expect(report).toContain('4,skipped,Same person as line 1207: the later row is used.');

    const members = await sql<{ n: number }>`
      select count(*)::int as n from profile_lists pl join layoff_lists l on l.id = pl.list_id where l.slug = ${list.slug}`.execute(t.app.db);
    expect(members.rows[0]!.n).toBe(expected.created + expected.updated);
  });

  it('puts a person on two overlapping lists as one profile on both', async () => {
    const a = await createList(t, token, { title: 'Overlap A' });
    const b = await createList(t, token, { title: 'Overlap B' });
    await importCsv(t, token, a.slug, 'Name,Email,LinkedIn,City\nBoth Lists,both@example.org,linkedin.com/in/both,Berlin\n');
    const second = await importCsv(t, token, b.slug, 'Full name,LinkedIn,E-mail,Title\nBoth Lists,linkedin.com/in/both,BOTH@example.org,\n');
    // B did not create them: it adds them, and counts them as it would a stranger (see import-oracle).
    expect(second.counts).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const profile = await profileByEmail('both@example.org');
    expect(profile).toMatchObject({ city: 'Berlin', linkedin_url: 'https://www.linkedin.com/in/both' });
    const lists = await t.app.db.selectFrom('profile_lists').select('list_id').where('profile_id', '=', profile!.id).execute();
    expect(lists).toHaveLength(2);
    // Blank cells, here of the list's own re-import with fewer columns, do not erase what it gave.
    const byLinkedin = await importCsv(t, token, a.slug, 'Name,LinkedIn\nBoth Lists,https://linkedin.com/in/BOTH/\n');
    expect(byLinkedin.counts).toMatchObject({ created: 0, unchanged: 1 });
    expect(await profileByEmail('both@example.org')).toMatchObject({ city: 'Berlin' });
  });

  it('never brings back a person who removed themselves, and does not tell the organizer who did', async () => {
    const list = await createList(t, token);
    await suppress(t.app.db, { email: 'gone@example.org' });
    await suppress(t.app.db, { linkedinUrl: 'https://www.linkedin.com/in/gone' });
    const status = await importCsv(t, token, list.slug, 'Name,Email,LinkedIn\nGone,GONE@example.org,\nGone Too,,linkedin.com/in/gone\nStays,stays@example.org,\n');
    // Counted as any person the file adds (see import-oracle), and written nowhere.
    expect(status.counts).toEqual({ total: 3, created: 3, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(await profileByEmail('gone@example.org')).toBeUndefined();
    expect(await t.app.db.selectFrom('profiles').select('id').where('linkedin_url', '=', 'https://www.linkedin.com/in/gone').execute()).toEqual([]);
    expect(await reportOf(t, token, status.id)).toBe('\uFEFFline,outcome,reason,Name,Email,LinkedIn\r\n');
    expect((await t.app.inject({ method: 'GET', url: `/api/lists/${list.slug}` })).json()).toMatchObject({ profiles: 1 });
  });

  it('publishes nothing without the organizer attesting consent', async () => {
    const list = await createList(t, token);
    const status = await importCsv(t, token, list.slug, 'Name,Email\nNo Attest,noattest@example.org\n', { attestConsent: false });
    expect(status.counts).toMatchObject({ total: 1, created: 0, skipped: 1 });
    expect(await profileByEmail('noattest@example.org')).toBeUndefined();
  });

  it('dry run: the same pipeline, the mapping and the first rows as stored, nothing written', async () => {
    const list = await createList(t, token);
    const before = await countProfiles();
    const employersBefore = await t.app.db.selectFrom('employers').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const rows = Array.from({ length: 30 }, (_, i) => `Dry ${i},dry${i}@example.org,Brand New Employer ${i},"Paris, France"`);
    const status = await importCsv(t, token, list.slug, ['Name,Email,Company,Location', ...rows, 'Broken,,,'].join('\n'), { dryRun: true });
    expect(status).toMatchObject({ status: 'done', counts: { total: 31, created: 30, failed: 1 } });
    expect(status.preview).toHaveLength(20);
    expect(status.preview![0]).toMatchObject({ line: 2, outcome: 'ok', values: { name: 'Dry 0', email: 'dry0@example.org', city: 'Paris', country: 'FR', formerEmployer: 'Brand New Employer 0' } });
    expect(await countProfiles()).toBe(before);
    const employersAfter = await t.app.db.selectFrom('employers').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(employersAfter.n).toBe(employersBefore.n);
    expect(await t.app.db.selectFrom('import_notices').selectAll().where('list_id', '=', (await t.app.db.selectFrom('layoff_lists').select('id').where('slug', '=', list.slug).executeTakeFirstOrThrow()).id).execute()).toEqual([]);
    expect(await reportOf(t, token, status.id)).toContain('32,failed,Neither an email nor a LinkedIn profile URL');
  });

  it('escapes formula cells in report.csv', async () => {
    const list = await createList(t, token);
    const status = await importCsv(t, token, list.slug, 'Name,Email\n=HYPERLINK("http://evil"),nope\n+1,\n@SUM(A1),x\n-2,\n');
    const report = await reportOf(t, token, status.id);
    expect(report).toContain(`,"'=HYPERLINK(""http://evil"")",nope`);
    expect(report).toContain(`,'+1,`);
    expect(report).toContain(`,'@SUM(A1),x`);
    expect(report).toContain(`,'-2,`);
    expect(report).not.toMatch(/,[=+@-]/);
  });

  it('sends one notice per person and list with a removal link, never twice', async () => {
    const list = await createList(t, token, { title: 'Notice List' });
    const csv = 'Name,Email,Skills\nNoticed Person,noticed@example.org,Go\n';
    await importCsv(t, token, list.slug, csv);
    await t.app.imports.sendNotices();
    await importCsv(t, token, list.slug, csv);
    await t.app.imports.sendNotices();
    const mails = await t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', 'noticed@example.org').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('You are now listed on Lifeline');
    expect(mails[0]!.text).toContain('"Notice List"');
    expect(mails[0]!.text).toContain('Skills: Go');
    const removal = mails[0]!.links.find((l) => l.startsWith('http://lifeline.test/remove?token='));
    expect(removal).toBeDefined();
    const removed = await t.app.inject({ method: 'POST', url: '/api/profiles/remove', payload: { token: new URL(removal!).searchParams.get('token') } });
    expect(removed.statusCode, removed.body).toBe(200);
    const person = await t.app.db.selectFrom('profiles').select('status').where('slug', 'like', 'removed-%').execute();
    expect(person).toEqual([{ status: 'removed' }]);
  });

  it('refuses uploads that are not usable with a 4xx naming the field', async () => {
    const list = await createList(t, token);
    const noFile = new FormData();
    noFile.append('attestConsent', 'true');
    const res = await t.app.inject({ method: 'POST', url: `/api/lists/${list.slug}/imports`, headers: { authorization: `Bearer ${token}` }, payload: noFile });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('"file"');
    expect((await uploadCsv(t, token, list.slug, 'a', { encoding: 'ebcdic' })).json().message).toContain('encoding must be one of');
    expect((await uploadCsv(t, token, 'no-such-list', 'a')).statusCode).toBe(404);
    const json = await t.app.inject({ method: 'POST', url: `/api/lists/${list.slug}/imports`, headers: { authorization: `Bearer ${token}` }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });

  it('marks the imports of a process that died as failed, and leaves those of a live process alone', async () => {
    const list = await t.app.db.selectFrom('layoff_lists').select('id').executeTakeFirstOrThrow();
    // Another process (an API process or the CLI) running an import: it holds its runner lock.
    const elsewhere = new ImportRunner(t.databaseUrl, createLogger('silent'));
    await elsewhere.start();
    const running = async (runner: number | null) =>
      (await t.app.db.insertInto('imports').values({ list_id: list.id, file_name: 'x.csv', status: 'running', runner }).returning('id').executeTakeFirstOrThrow()).id;
    const alive = await running(elsewhere.id);
    const dead = await running(elsewhere.id + 1);
    const unowned = await running(null);
    try {
      // A process starting on the same database looks for imports cut off by a dead process.
      const started = await buildApp({
        config: t.config,
        logger: createLogger('silent'),
        databaseUrl: t.databaseUrl,
        meiliUrl: inject('stores').meiliUrl,
        meiliKey: inject('stores').meiliKey,
        worker: false,
      });
      await started.ready();
      await started.close();
    } finally {
      await elsewhere.stop();
    }
    const rows = await t.app.db.selectFrom('imports').select(['id', 'status', 'error']).where('id', 'in', [alive, dead, unowned]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: alive, status: 'running', error: null },
      { id: dead, status: 'failed', error: INTERRUPTED },
      { id: unowned, status: 'failed', error: INTERRUPTED },
    ]);
    // Its process gone, the import is an orphan too.
    expect(await failInterruptedImports(t.app.db)).toBe(1);
  });
});

describe('import notices and search', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  const mailsTo = (address: string) => t.app.db.selectFrom('dev_mail').select(['subject', 'created_at']).where('to_address', '=', address).execute();

  it('mails an import\'s notices once search has caught up with it, not while a sync worker still drains its rows', async () => {
    // No sync worker anywhere: nothing will drain the outbox, so nothing is waited for.
    await t.app.db.insertInto('search_outbox').values({ profile_id: 0 }).execute();
    expect(await searchCatchingUp(t.app.db)).toBe(false);
    // The sync worker of another process: it holds the leader's lock and, while the test looks,
    // has not yet drained the import's outbox rows.
    const leader = new pg.Client({ connectionString: t.databaseUrl });
    await leader.connect();
    try {
      await leader.query('select pg_advisory_lock($1, $2)', [...SYNC_LEADER_LOCK]);
      const list = await createList(t, token, { title: 'Searchable First' });
      const status = await importCsv(t, token, list.slug, 'Name,Email,Skills\nPatient Person,patient@example.org,Go\n');
      expect(status.counts.created).toBe(1);
      expect(await searchCatchingUp(t.app.db)).toBe(true);
      expect(await mailsTo('patient@example.org')).toEqual([]);
      // What the worker does once Meilisearch confirmed the rows; the notice is mailed after it.
      await t.app.db.deleteFrom('search_outbox').execute();
      const caughtUp = (await sql<{ at: Date }>`select clock_timestamp() as at`.execute(t.app.db)).rows[0]!.at;
      expect(await searchCatchingUp(t.app.db)).toBe(false);
      await until(async () => ((await mailsTo('patient@example.org')).length > 0 ? true : undefined), 10_000, 'the notice');
      const [mail] = await mailsTo('patient@example.org');
      expect(mail!.subject).toBe('You are now listed on Lifeline');
      expect(mail!.created_at.getTime()).toBeGreaterThan(caughtUp.getTime());
    } finally {
      await leader.end();
    }
  });
});
