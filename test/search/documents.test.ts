import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { sql, type InferResult } from 'kysely';
import { DocumentSender, documentLines, profileDocuments } from '../../search/documents.js';
import { settled } from '../../search/client.js';
import type { ProfileDocument } from '../../search/profiles-index.js';
import { resolveEmployers } from '../../server/services/employers.js';
import type { NewProfile } from '../../db/schema.js';
import { createIndexPrefix, createTestDatabase, type TestDatabase } from '../helpers/stores.js';

/** Every field of a document, and nothing else: what Meilisearch may hold of a person. */
const DOCUMENT_FIELDS = [
  'available_from', 'city', 'confirmed_at', 'country', 'employment_types', 'former_employer', 'former_employer_name',
  'headline', 'id', 'layoff_at', 'layoff_date', 'linkedin_url', 'lists', 'name', 'region', 'relocation', 'remote', 'role',
  'seniority', 'skills', 'slug', 'updated_at', 'visibility', 'work_authorization', 'years_experience',
];

describe('profileDocuments', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  async function insert(profile: Partial<NewProfile> & { slug: string }): Promise<number> {
    const [meta] = (await resolveEmployers(t.db, ['Meta'])).values();
    const { id } = await t.db
      .insertInto('profiles')
      .values({
        name: 'Ada Lovelace', status: 'published', email: `${profile.slug}@example.org`, consent_source: 'form', consent_version: 'consent-marker-v1', bio: 'Private bio',
        headline: 'Engineer', role: 'Staff Engineer', seniority: 'staff', skills: ['TypeScript', 'PostgreSQL'],
        country: 'GB', region: 'England', city: 'London', remote: 'hybrid', relocation: false,
        work_authorization: 'authorized', employment_types: ['full_time'], layoff_date: '2026-10-01',
        years_experience: 12, linkedin_url: `https://www.linkedin.com/in/${profile.slug}`, former_employer_id: meta!.id,
        updated_at: new Date('2026-11-01T12:00:00.750Z'), published_at: new Date('2026-10-20T08:00:00Z'),
        ...profile,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }
  const documentOf = (id: number) => profileDocuments(t.db).where('p.id', '=', id).executeTakeFirstOrThrow();

  it('holds the public fields and nothing else, with dates also as Unix seconds', async () => {
    const id = await insert({ slug: 'ada-docs' });
    const list = await t.db.insertInto('layoff_lists').values({ slug: 'meta-2026', title: 'Meta 2026' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('profile_lists').values({ profile_id: id, list_id: list.id }).execute();
    const doc = await documentOf(id);
    expect(Object.keys(doc).sort()).toEqual(DOCUMENT_FIELDS);
    expect(JSON.stringify(doc)).not.toMatch(/example\.org|Private bio|consent-marker/);
    expect(doc).toMatchObject({
      id, slug: 'ada-docs', former_employer: 'meta', former_employer_name: 'Meta', lists: ['meta-2026'],
      skills: ['TypeScript', 'PostgreSQL'], layoff_date: '2026-10-01', visibility: 'public',
    });
    expect(doc.layoff_at).toBe(Date.UTC(2026, 9, 1) / 1000);
    // Whole seconds, rounded down, as the drift check compares them.
    expect(doc.updated_at).toBe(Date.UTC(2026, 10, 1, 12) / 1000);
  });

  it('has the type of a ProfileDocument: the same fields, each of a type the document allows', () => {
    type Row = InferResult<ReturnType<typeof profileDocuments>>[number];
    expectTypeOf<keyof Row>().toEqualTypeOf<keyof ProfileDocument>();
    expectTypeOf<Row>().toExtend<ProfileDocument>();
  });

  it('writes the same dates and seconds whatever the time zone and date style of the session', async () => {
    const id = await insert({ slug: 'ada-zones', layoff_date: '2026-01-02', updated_at: new Date('2026-11-01T23:59:59.999Z') });
    const line = await t.db.connection().execute(async (conn) => {
      await sql`set timezone = 'Pacific/Kiritimati'`.execute(conn);
      await sql`set datestyle = 'SQL, DMY'`.execute(conn);
      const [row] = await documentLines(conn, profileDocuments(conn).where('p.id', '=', id)).execute();
      await sql`reset timezone`.execute(conn);
      await sql`reset datestyle`.execute(conn);
      return row!.line;
    });
    expect(JSON.parse(line)).toMatchObject({ layoff_date: '2026-01-02', layoff_at: Date.UTC(2026, 0, 2) / 1000, updated_at: Date.UTC(2026, 10, 1, 23, 59, 59) / 1000 });
  });

  it('carries confirmed_at: the confirmation, else the publication, else the last update', async () => {
    const confirmed = await insert({ slug: 'ada-confirmed', last_confirmed_at: new Date('2026-11-30T00:00:00Z') });
    const published = await insert({ slug: 'ada-published' });
    const updated = await insert({ slug: 'ada-updated', published_at: null });
    expect((await documentOf(confirmed)).confirmed_at).toBe(Date.UTC(2026, 10, 30) / 1000);
    expect((await documentOf(published)).confirmed_at).toBe(Date.UTC(2026, 9, 20, 8) / 1000);
    expect((await documentOf(updated)).confirmed_at).toBe(Date.UTC(2026, 10, 1, 12) / 1000);
  });

  it('leaves out every profile that is not published', async () => {
    const ids = await Promise.all((['pending', 'hidden', 'removed'] as const).map((status) => insert({ slug: `ada-${status}`, status })));
    expect(await profileDocuments(t.db).where('p.id', '=', sql<number>`any(${ids}::int[])`).execute()).toEqual([]);
  });

  it('writes as lines of JSON exactly the documents it reads, null and empty fields too', async () => {
    const id = await insert({ slug: 'ada-lines', layoff_date: null, skills: [], city: null, name: 'Ada "Λ" Lovelace\n' });
    const [row] = await documentLines(t.db, profileDocuments(t.db).where('p.id', '=', id)).execute();
    expect(row!.line).not.toContain('\n');
    expect(JSON.parse(row!.line)).toEqual(await documentOf(id));
  });
});

describe('DocumentSender', () => {
  const index = createIndexPrefix();
  afterAll(() => index.drop());

  it('sends lines in payloads of at most the budget in UTF-8 bytes, in order, a longer line alone', async () => {
    const uid = `${index.prefix}sender`;
    await settled(index.meili.createIndex(uid, { primaryKey: 'id' }));
    const lines = [
      { id: 1, n: 'aaaa' }, { id: 2, n: 'ü' }, { id: 3, n: '汉字汉字' }, { id: 4, n: 'x'.repeat(80) }, { id: 5, n: 'b' },
    ].map((doc) => JSON.stringify(doc));
    // 40 bytes: lines 1 and 2 fit together (19 + 17 bytes with their newlines); line 3 (24 bytes in UTF-8, 16 characters) does not join them.
    const sender = new DocumentSender(index.meili.index(uid), 40);
    for (const line of lines) await sender.add(line);
    await sender.flush();
    const tasks = await Promise.all(sender.enqueued.map((task) => settled(task)));
    expect(tasks.map((task) => task.details?.receivedDocuments)).toEqual([2, 1, 1, 1]);
    expect(tasks.map((task) => task.uid)).toEqual([...tasks.map((task) => task.uid)].sort((a, b) => a - b));
    const { results } = await index.meili.index(uid).getDocuments({ limit: 10 });
    expect(results.map((doc) => JSON.stringify(doc)).sort()).toEqual([...lines].sort());
  });

  it('sends nothing when nothing was added', async () => {
    const sender = new DocumentSender(index.meili.index(`${index.prefix}never`));
    await sender.flush();
    expect(sender.enqueued).toEqual([]);
  });
});
