import { afterAll, describe, expect, it } from 'vitest';
import { ensureProfilesIndex, profileIndexSettings } from '../../search/profiles-index.js';
import { createIndexPrefix } from '../helpers/stores.js';

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
