import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveEmployer, resolveEmployers } from '../../../server/services/employers.js';
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
    const [oeuvre, uvre] = await Promise.all([resolveEmployer(t.db, 'Œuvre'), resolveEmployer(t.db, 'uvre')]);
    expect(oeuvre!.id).not.toBe(uvre!.id);
    expect(new Set([oeuvre!.slug, uvre!.slug])).toEqual(new Set(['uvre', 'uvre-2']));
    expect(await resolveEmployer(t.db, 'Œuvre')).toEqual(oeuvre);
  });

  it('gives names without Latin letters slugs of their own', async () => {
    const [mercari, rakuten] = await Promise.all([resolveEmployer(t.db, 'メルカリ'), resolveEmployer(t.db, '楽天株式')]);
    expect(mercari!.id).not.toBe(rakuten!.id);
    expect(mercari!.slug).toMatch(/^employer-[0-9a-f]{10}$/);
    expect(rakuten!.slug).toMatch(/^employer-[0-9a-f]{10}$/);
    expect(mercari!.slug).not.toBe(rakuten!.slug);
    expect(await resolveEmployer(t.db, 'メルカリ')).toEqual(mercari);
  });

  it('resolves a whole list of companies at once, more than a statement takes parameters', async () => {
    const names = [
      ...Array.from({ length: 70_000 }, (_, i) => `Startup ${i} Labs`),
      ...Array.from({ length: 500 }, (_, i) => `科技${String.fromCodePoint(0x4e00 + i)}`),
      'Bulk Œuvre', 'Bulk uvre', 'Meta Platforms, Inc.',
    ];
    const resolved = await resolveEmployers(t.db, names);
    expect(resolved.size).toBe(names.length);
    expect(new Set([...resolved.values()].map((e) => e.id)).size).toBe(names.length);
    expect(resolved.get('Startup 69999 Labs')).toMatchObject({ slug: 'startup-69999-labs', name: 'Startup 69999 Labs' });
    expect(new Set([resolved.get('Bulk Œuvre')!.slug, resolved.get('Bulk uvre')!.slug])).toEqual(new Set(['bulk-uvre', 'bulk-uvre-2']));
    expect(resolved.get('Meta Platforms, Inc.')).toMatchObject({ slug: 'meta' });
    // Found again by their aliases, nothing created twice.
    const again = await resolveEmployers(t.db, ['startup 12 labs', '科技丁', 'Bulk uvre']);
    expect(again.get('startup 12 labs')).toEqual(resolved.get('Startup 12 Labs'));
    expect(again.get('科技丁')).toEqual(resolved.get('科技丁'));
    expect(again.get('Bulk uvre')).toEqual(resolved.get('Bulk uvre'));
  });

  it('ignores names with nothing to go by', async () => {
    expect(await resolveEmployer(t.db, ' ,.- ')).toBeUndefined();
  });
});
