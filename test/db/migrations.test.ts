import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate.js';
import { migrationProvider, migrations } from '../../migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/stores.js';

const TABLES = [
  'abuse_reports', 'alert_mails', 'api_tokens', 'app_secrets', 'contact_requests', 'dev_mail', 'employer_aliases', 'employers', 'hires',
  'import_notices', 'import_rejections', 'imports', 'layoff_lists', 'limit_hits', 'list_sources', 'profile_lists', 'profile_tokens',
  'profiles', 'recruiter_blocks', 'saved_search_sent', 'saved_searches', 'search_outbox', 'search_reindex_changes', 'search_reindexes',
  'sessions', 'shortlist_profiles', 'shortlists', 'sign_in_throttle', 'suppressions', 'user_tokens', 'users',
];

async function tables(t: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(t.db);
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    // Empty, not a copy of the run's migrated template: these tests migrate it themselves.
    t = await createTestDatabase({ empty: true });
  });
  afterAll(() => t.drop());

  it('create the whole data model from an empty database', async () => {
    expect(await tables(t)).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual(Object.keys(migrations));
    expect(await tables(t)).toEqual(TABLES);
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('go all the way down and up again', async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const { error } = await migrator.migrateDown();
      expect(error).toBeUndefined();
    }
    expect(await tables(t)).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual(Object.keys(migrations));
    expect(await tables(t)).toEqual(TABLES);
  });

  it('keep one profile per email, whatever its case', async () => {
    await t.db.insertInto('profiles').values({ slug: 'ada', name: 'Ada', email: 'Ada@Example.org' }).execute();
    await expect(
      t.db.insertInto('profiles').values({ slug: 'ada-2', name: 'Ada', email: 'ada@example.ORG' }).execute(),
    ).rejects.toThrow(/profiles_email_key/);
  });

  it('refuse values outside the model', async () => {
    await expect(
      t.db.insertInto('profiles').values({ slug: 'x', name: 'X', status: 'famous' as never }).execute(),
    ).rejects.toThrow(/check/);
  });
});
