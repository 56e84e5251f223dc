import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../helpers/app.js';
import { appWithOrganizer, createList, importCsv } from '../../../helpers/organizer.js';

/** A seniority guessed from a title is stored as a guess, and never replaces one that was said. */
describe('seniority inferred from titles', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  const seniorityOf = async (email: string) =>
    (await sql<{ seniority: string | null; seniority_inferred: boolean; role: string }>`
      select seniority, seniority_inferred, role from profiles where lower(email) = ${email}`.execute(t.app.db)).rows[0];

  it('stores the guess marked as one, lets a seniority column replace it, and keeps what was said against a later guess', async () => {
    const { slug } = await createList(t, token);
    const first = await importCsv(t, token, slug, 'Name,Email,Title\nRosa Diaz,rosa@example.org,Senior Data Engineer\nJake Peralta,jake@example.org,Detective\n');
    expect(first.counts).toMatchObject({ created: 2, failed: 0 });
    expect(await seniorityOf('rosa@example.org')).toEqual({ seniority: 'senior', seniority_inferred: true, role: 'Senior Data Engineer' });
    // A title that tells no rank gives none.
    expect(await seniorityOf('jake@example.org')).toMatchObject({ seniority: null, seniority_inferred: false });

    // The list now has a seniority column: what it says replaces the guess.
    const said = await importCsv(t, token, slug, 'Name,Email,Title,Seniority\nRosa Diaz,rosa@example.org,Senior Data Engineer,Staff\n');
    expect(said.counts).toMatchObject({ updated: 1 });
    expect(await seniorityOf('rosa@example.org')).toMatchObject({ seniority: 'staff', seniority_inferred: false });

    // Without the column again, the same title changes nothing; a new title changes the role, not the seniority that was said.
    const same = await importCsv(t, token, slug, 'Name,Email,Title\nRosa Diaz,rosa@example.org,Senior Data Engineer\n');
    expect(same.counts).toMatchObject({ updated: 0, unchanged: 1 });
    const retitled = await importCsv(t, token, slug, 'Name,Email,Title\nRosa Diaz,rosa@example.org,Principal Data Engineer\n');
    expect(retitled.counts).toMatchObject({ updated: 1 });
    expect(await seniorityOf('rosa@example.org')).toEqual({ seniority: 'staff', seniority_inferred: false, role: 'Principal Data Engineer' });
  });

  it('replaces an earlier guess with a newer one', async () => {
    const { slug } = await createList(t, token);
    await importCsv(t, token, slug, 'Name,Email,Title\nAmy Santiago,amy@example.org,Junior Analyst\n');
    expect(await seniorityOf('amy@example.org')).toMatchObject({ seniority: 'junior', seniority_inferred: true });
    await importCsv(t, token, slug, 'Name,Email,Title\nAmy Santiago,amy@example.org,Head of Analytics\n');
    expect(await seniorityOf('amy@example.org')).toMatchObject({ seniority: 'director', seniority_inferred: true });
  });
});
