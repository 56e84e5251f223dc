import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { createList, createOrganizer, importCsv, reportOf } from '../../helpers/organizer.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({}, { worker: false }); });
  afterAll(() => t?.close());
  it('imports', async () => {
    const { token } = await createOrganizer(t);
    const list = await createList(t, token);
    const csv = 'Timestamp,Full name,Email,LinkedIn,Title,Location,Areas of expertise\n1,Ada Lovelace,ada@example.org,linkedin.com/in/ada,Engineer,"Seattle, WA","js, k8s"\n2,,bad,,,,\n3,Bob,bob@example.org,,PM,Remote,\n';
    const s = await importCsv(t, token, list.slug, csv);
    console.log(JSON.stringify(s, null, 1));
    console.log(await reportOf(t, token, s.id));
    const s2 = await importCsv(t, token, list.slug, csv);
    console.log(s2.counts, s2.error);
    expect(s2.counts.created).toBe(0);
  });
});
