import { afterAll, describe, expect, it } from 'vitest';
import { ensureProfilesIndex, profileIndexSettings, toDocument, type IndexableProfile } from '../../search/profiles-index.js';
import { createIndexPrefix } from '../helpers/stores.js';

const row: IndexableProfile = {
  id: 7,
  slug: 'ada-lovelace-7',
  name: 'Ada Lovelace',
  headline: 'Engineer',
  role: 'Staff Engineer',
  seniority: 'staff',
  skills: ['TypeScript', 'PostgreSQL'],
  country: 'GB',
  region: 'England',
  city: 'London',
  remote: 'hybrid',
  relocation: false,
  work_authorization: 'authorized',
  employment_types: ['full_time'],
  layoff_date: '2026-10-01',
  available_from: null,
  years_experience: 12,
  linkedin_url: 'https://www.linkedin.com/in/ada',
  updated_at: new Date('2026-11-01T12:00:00Z'),
  last_confirmed_at: null,
  published_at: new Date('2026-10-20T08:00:00Z'),
  former_employer_slug: 'meta',
  former_employer_name: 'Meta',
  list_slugs: ['meta-2026'],
  visibility: 'public',
};

describe('toDocument', () => {
  it('keeps public fields only, with filterable dates as Unix seconds', () => {
    const doc = toDocument({ ...row, email: 'ada@example.org', consent_source: 'form' } as IndexableProfile);
    expect(doc).not.toHaveProperty('email');
    expect(doc).not.toHaveProperty('consent_source');
    expect(JSON.stringify(doc)).not.toContain('ada@example.org');
    expect(doc).toMatchObject({ id: 7, former_employer: 'meta', former_employer_name: 'Meta', lists: ['meta-2026'], visibility: 'public' });
    expect(doc.layoff_at).toBe(Date.UTC(2026, 9, 1) / 1000);
    expect(doc.updated_at).toBe(Date.UTC(2026, 10, 1, 12) / 1000);
    // Never confirmed again: confirmed when published.
    expect(doc.confirmed_at).toBe(Date.UTC(2026, 9, 20, 8) / 1000);
    expect(toDocument({ ...row, last_confirmed_at: new Date('2026-11-05T00:00:00Z') }).confirmed_at).toBe(Date.UTC(2026, 10, 5) / 1000);
  });

  it('carries confirmed_at in Unix seconds: the confirmation, else the publication, else the last update', () => {
    expect(toDocument(row).confirmed_at).toBe(Date.UTC(2026, 9, 20, 8) / 1000);
    expect(toDocument({ ...row, last_confirmed_at: new Date('2026-11-30T00:00:00Z') }).confirmed_at).toBe(Date.UTC(2026, 10, 30) / 1000);
    expect(toDocument({ ...row, published_at: null }).confirmed_at).toBe(Date.UTC(2026, 10, 1, 12) / 1000);
  });
});

describe('ensureProfilesIndex', () => {
  const index = createIndexPrefix();
  afterAll(() => index.drop());

  it('creates the index with the settings of the code, and touches nothing the second time', async () => {
    const uid = `${index.prefix}profiles`;
    await ensureProfilesIndex(index.meili, uid);
    const settings = await index.meili.index(uid).getSettings();
    expect(settings.filterableAttributes).toEqual(profileIndexSettings().filterableAttributes);
    expect(settings.synonyms?.k8s).toContain('kubernetes');

    const before = await index.meili.tasks.getTasks({ indexUids: [uid] });
    await ensureProfilesIndex(index.meili, uid);
    const after = await index.meili.tasks.getTasks({ indexUids: [uid] });
    expect(after.total).toBe(before.total);
  });
});
