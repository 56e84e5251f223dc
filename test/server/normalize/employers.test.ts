import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveEmployer, resolveEmployers } from '../../../server/normalize/employers.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/stores.js';

describe('resolveEmployers', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('maps known aliases to one canonical employer', async () => {
    const resolved = await resolveEmployers(t.db, ['Facebook', 'Meta Platforms, Inc.', 'meta', 'Instagram']);
    const ids = new Set([...resolved.values()].map((e) => e.id));
    expect(ids.size).toBe(1);
    expect(resolved.get('Facebook')).toMatchObject({ slug: 'meta', name: 'Meta' });
  });

  it('creates an unknown employer once and finds it again by any spelling of its name', async () => {
    const first = await resolveEmployer(t.db, 'Acme Widgets, LLC');
    const again = await resolveEmployer(t.db, 'acme widgets');
    expect(first).toMatchObject({ slug: 'acme-widgets-llc', name: 'Acme Widgets, LLC' });
    expect(again).toEqual(first);
  });

  it('stays consistent under concurrent callers', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => resolveEmployer(t.db, 'Parallel Labs')));
    expect(new Set(results.map((r) => r?.id)).size).toBe(1);
  });

  it('keeps different companies apart when their names make the same slug', async () => {
    const [mercari, rakuten] = await Promise.all([resolveEmployer(t.db, 'メルカリ'), resolveEmployer(t.db, '楽天株式')]);
    expect(mercari!.id).not.toBe(rakuten!.id);
    expect(new Set([mercari!.slug, rakuten!.slug])).toEqual(new Set(['employer-4', 'employer-4-2']));
    expect(await resolveEmployer(t.db, 'メルカリ')).toEqual(mercari);
  });

  it('ignores names with nothing to go by', async () => {
    expect(await resolveEmployer(t.db, ' ,.- ')).toBeUndefined();
  });
});
