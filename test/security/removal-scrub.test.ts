import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireImportReports } from '../../server/services/imports/report.js';
import type { TestApp } from '../helpers/app.js';
import { mailTo, mailedToken } from '../helpers/opt-in.js';
import { appWithOrganizer, createList, importCsv, importStatus, reportOf } from '../helpers/organizer.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The privacy failure: a person removes themselves, their profile is erased, and yet copies of
 * them stay where others can read them: the mail sent to them (the dev mailbox), the rows of
 * import reports that the organizer downloads, and the import previews. What was removed must
 * not linger, and reports and previews, which hold people's cells, must not be kept for ever.
 */
describe('what a removed person leaves behind', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  /** Every stored trace of `needle` (case-insensitive) in the mailbox, the reports and the previews. */
  const traces = async (needle: string) => {
    const like = `%${needle}%`;
    const { rows } = await sql<{ mail: number; reports: number; previews: number }>`
      select
        (select count(*)::int from dev_mail where to_address ilike ${like} or text ilike ${like}) as mail,
        (select count(*)::int from import_rejections where data::text ilike ${like}) as reports,
        (select count(*)::int from imports where preview::text ilike ${like}) as previews`.execute(t.app.db);
    return rows[0]!;
  };
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });

  it('removal with the link of the import notice erases their mail, report rows and preview rows, and nothing of anyone else', async () => {
    const list = await createList(t, token, { title: 'Scrub Layoffs' });
    const sheet = [
      'Name,Email,LinkedIn,Title',
      'Rosa Removed,Rosa.Removed@example.org,https://www.LinkedIn.com/in/Rosa-Removed/,Engineer',
      'Ben Bystander,ben@bystander.example.org,linkedin.com/in/ben-bystander,Designer',
    ].join('\n');
    const dry = await importCsv(t, token, list.slug, sheet, { dryRun: true });
    await importCsv(t, token, list.slug, sheet);
    // Rows that name them and are turned away, each kept in a report: the whole sheet again,
    // without consent attested; rows without a name, naming them in other spellings.
    const unattested = await importCsv(t, token, (await createList(t, token)).slug, sheet, { attestConsent: false });
    const nameless = await importCsv(t, token, list.slug, [
      'Name,Email,LinkedIn',
      ',ROSA.REMOVED@EXAMPLE.ORG,',
      ',,linkedin.com/in/rosa-removed?trk=public_profile',
      ',ben@bystander.example.org,',
    ].join('\n'));
    await t.app.imports.sendNotices();
    for (const who of ['rosa', 'ben']) {
      expect(await traces(who)).toEqual({ mail: 1, reports: who === 'rosa' ? 3 : 2, previews: 2 });
    }

    // Rosa clicks the removal link of her notice.
    const removal = await mailedToken(t.app, 'rosa.removed@example.org', '/remove');
    const removed = await post('/api/profiles/remove', { token: removal });
    expect(removed.statusCode, removed.body).toBe(200);

    // Soft: a failure names each place that still holds her, not only the first.
    const left = await traces('rosa');
    expect.soft(left.mail, 'mail to or about her').toBe(0);
    expect.soft(left.reports, 'import report rows naming her').toBe(0);
    expect.soft(left.previews, 'import previews holding her').toBe(0);
    expect.soft(await mailTo(t.app, 'rosa.removed@example.org')).toEqual([]);
    for (const id of [unattested.id, nameless.id]) expect.soft((await reportOf(t, token, id)).toLowerCase()).not.toContain('rosa');

    // Ben is untouched: his notice, his report rows, his preview row.
    expect(await traces('ben')).toEqual({ mail: 1, reports: 2, previews: 2 });
    expect(await reportOf(t, token, nameless.id)).toContain('4,failed,No name: every person needs a name,,ben@bystander.example.org,');
    expect((await importStatus(t, token, dry.id)).preview).toEqual([
      expect.objectContaining({ line: 3, outcome: 'ok', values: expect.objectContaining({ name: 'Ben Bystander' }) }),
    ]);
  });

  it('erases import reports and previews 30 days after their import, and the report link then says so', async () => {
    const list = await createList(t, token);
    const sheet = 'Name,Email\nOld Row,old-row@example.org\nNo Address,\n';
    const old = await importCsv(t, token, list.slug, sheet, { dryRun: true });
    const recent = await importCsv(t, token, list.slug, sheet, { dryRun: true });
    const kept = async (id: number) => ({
      reports: Number((await t.app.db.selectFrom('import_rejections').select(sql<number>`count(*)::int`.as('n')).where('import_id', '=', id).executeTakeFirstOrThrow()).n),
      preview: (await importStatus(t, token, id)).preview?.length ?? 0,
    });
    expect(await kept(old.id)).toEqual({ reports: 1, preview: 2 });
    // The first one finished 31 days ago.
    await t.app.db.updateTable('imports').set({ finished_at: new Date(Date.now() - 31 * DAY_MS) }).where('id', '=', old.id).execute();

    expect(await expireImportReports(t.app.db, new Date())).toBe(1);
    expect(await kept(old.id)).toEqual({ reports: 0, preview: 0 });
    const gone = await t.app.inject({ method: 'GET', url: `/api/imports/${old.id}/report.csv`, headers: { authorization: `Bearer ${token}` } });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().message).toMatch(/^This report expired: .* kept for 30 days after it finished\. Run the file again as a dry run/);
    expect(await kept(recent.id)).toEqual({ reports: 1, preview: 2 });
    expect(await reportOf(t, token, recent.id)).toContain('No Address');

    // A second pass has nothing left to do; a pass 31 days on expires the rest.
    expect(await expireImportReports(t.app.db, new Date())).toBe(0);
    await expireImportReports(t.app.db, new Date(Date.now() + 31 * DAY_MS));
    expect(await kept(recent.id)).toEqual({ reports: 0, preview: 0 });
  });
});
