import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../../common/normalize/text.js';
import type { TestApp } from '../../helpers/app.js';
import { BLNS } from '../../helpers/blns.js';
import { appWithOrganizer, createList, importCsv, reportOf } from '../../helpers/organizer.js';

/** RFC 4180 quoting, and nothing else: the cell must reach the parser exactly as written. */
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('every naughty string as a cell', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  it('stores cleanText(cell) exactly, or fails the row with a reason; never a 5xx', async () => {
    const list = await createList(t, token);
    const lines = BLNS.map((s, i) => [quote(s), `naughty${i}@example.org`, quote(s)].join(','));
    const status = await importCsv(t, token, list.slug, ['Name,Email,Title', ...lines].join('\n'));
    expect(status.status).toBe('done');
    expect(status.counts.total).toBe(BLNS.length);

    const rows = await t.app.db.selectFrom('profiles').select(['email', 'name', 'role']).where('email', 'like', 'naughty%').execute();
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const report = await reportOf(t, token, status.id);
    let stored = 0;
    BLNS.forEach((raw, i) => {
      // What the file holds: UTF-8 cannot carry a lone surrogate, and line ends arrive as LF.
      const cell = Buffer.from(raw, 'utf8').toString('utf8').replace(/\r\n?/g, '\n');
      const name = cleanText(cell, { max: 120 });
      const profile = byEmail.get(`naughty${i}@example.org`);
      if (name.ok && name.value !== '') {
        expect(profile, `string ${i}: ${JSON.stringify(raw)}`).toBeDefined();
        expect(profile!.name).toBe(name.value);
        expect(profile!.role).toBe(name.value);
        stored++;
      } else {
        expect(profile, `string ${i} should fail`).toBeUndefined();
      }
    });
    expect(stored + status.counts.failed).toBe(BLNS.length);
    expect(stored).toBeGreaterThan(BLNS.length / 2);
    expect(report.split('\r\n').filter((l) => /^\d+,failed,\S/.test(l)).length).toBeGreaterThan(0);
    const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from import_rejections where import_id = ${status.id} and reason = ''`.execute(t.app.db);
    expect(count[0]!.n).toBe(0);
  });
});
