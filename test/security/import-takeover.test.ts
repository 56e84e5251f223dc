import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { mailTo, sessionFor } from '../helpers/opt-in.js';
import { appWithOrganizer, createList, createOrganizer, importCsv, reportOf } from '../helpers/organizer.js';

/**
 * The attacker is an organizer like any other: they may create lists and import CSVs. A listed
 * person's LinkedIn URL is shown to every verified recruiter, and an email is easy to guess. An
 * import that names such a person must not rewrite their profile, and above all must not put the
 * attacker's address on it: the manage link mailed to that address would hand the profile over.
 */
describe('an organizer who imports people listed by someone else', () => {
  let t: TestApp;
  let ownerToken: string;
  let attackerToken: string;

  beforeAll(async () => {
    ({ t, token: ownerToken } = await appWithOrganizer());
    attackerToken = (await createOrganizer(t)).token;
  });
  afterAll(() => t?.close());

  const profile = (where: { email?: string; linkedin?: string }) =>
    t.app.db
      .selectFrom('profiles')
      .selectAll()
      .$if(where.email !== undefined, (q) => q.where(sql`lower(email)`, '=', where.email!.toLowerCase()))
      .$if(where.linkedin !== undefined, (q) => q.where('linkedin_url', '=', where.linkedin!))
      .executeTakeFirstOrThrow();
  const listsOf = async (profileId: number) =>
    (
      await t.app.db
        .selectFrom('profile_lists as pl')
        .innerJoin('layoff_lists as l', 'l.id', 'pl.list_id')
        .select('l.slug')
        .where('pl.profile_id', '=', profileId)
        .orderBy('l.slug')
        .execute()
    ).map((r) => r.slug);
  const publicProfile = async (slug: string) => (await t.app.inject({ method: 'GET', url: `/api/profiles/${slug}` })).json();
  const askManageLink = (email: string) => t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email } });

  it("a list's own re-import updates the people it listed, and never sets or replaces their email", async () => {
    const own = await createList(t, ownerToken);
    await importCsv(t, ownerToken, own.slug, [
      'Name,Email,LinkedIn,Title,City',
      'Rhea Import,rhea@own.example.org,linkedin.com/in/rhea-import,Engineer,Berlin',
      'Noel Mail,,linkedin.com/in/noel-mail,Designer,Paris',
    ].join('\n'));

    // The same list, corrected by its organizer: new titles and cities, and addresses for both.
    const again = await importCsv(t, ownerToken, own.slug, [
      'Name,Email,LinkedIn,Title,City',
      'Rhea Import,rhea.new@own.example.org,https://www.linkedin.com/in/rhea-import/,Staff Engineer,Munich',
      'Noel Mail,noel@own.example.org,linkedin.com/in/noel-mail,Lead Designer,Lyon',
    ].join('\n'));

    expect(again.counts).toEqual({ total: 2, created: 0, updated: 2, unchanged: 0, skipped: 0, failed: 0 });
    const rhea = await profile({ linkedin: 'https://www.linkedin.com/in/rhea-import' });
    expect(rhea).toMatchObject({ role: 'Staff Engineer', city: 'Munich', email: 'rhea@own.example.org' });
    const noel = await profile({ linkedin: 'https://www.linkedin.com/in/noel-mail' });
    expect(noel).toMatchObject({ role: 'Lead Designer', city: 'Lyon', email: null });
    const taken = await t.app.db
      .selectFrom('profiles')
      .select('id')
      .where(sql`lower(email)`, 'in', ['rhea.new@own.example.org', 'noel@own.example.org'])
      .execute();
    expect(taken).toEqual([]);
  });

  it("an organizer who names another list's person by LinkedIn URL and by email adds a membership and changes nothing else", async () => {
    const owners = await createList(t, ownerToken);
    await importCsv(t, ownerToken, owners.slug, [
      'Name,Email,LinkedIn,Title,City,Skills',
      'Vera Victim,vera@victim.example.org,linkedin.com/in/vera-victim,Engineer,Berlin,Go',
      'Luis Linked,luis@victim.example.org,linkedin.com/in/luis-linked,Designer,Madrid,Figma',
    ].join('\n'));
    const vera = await profile({ email: 'vera@victim.example.org' });
    const luis = await profile({ email: 'luis@victim.example.org' });

    // The attacker's own list names Vera by her email and Luis by his LinkedIn URL, with the
    // attacker's address, other names and a new place.
    const attackers = await createList(t, attackerToken);
    const csv = [
      'Name,Email,LinkedIn,Title,City,Skills',
      'Vera Hacked,VERA@victim.example.org,,Crypto Shill,Nowhere,Scams',
      'Luis Hacked,attacker@evil.example,https://www.linkedin.com/in/luis-linked,Crypto Shill,Nowhere,Scams',
    ].join('\n');

    const dry = await importCsv(t, attackerToken, attackers.slug, csv, { dryRun: true });
    const real = await importCsv(t, attackerToken, attackers.slug, csv);

    // Both are on the attacker's list now, and nothing else of them changed.
    expect(await profile({ email: 'vera@victim.example.org' })).toEqual(vera);
    expect(await profile({ email: 'luis@victim.example.org' })).toEqual(luis);
    expect(await listsOf(vera.id)).toEqual([attackers.slug, owners.slug].sort());
    expect(await listsOf(luis.id)).toEqual([attackers.slug, owners.slug].sort());
    expect(await publicProfile(vera.slug)).toMatchObject({ name: 'Vera Victim', role: 'Engineer', city: 'Berlin', skills: ['Go'] });
    expect(await publicProfile(luis.slug)).toMatchObject({ name: 'Luis Linked', role: 'Designer', city: 'Madrid', skills: ['Figma'] });
    // The attacker's address reaches nothing: no notice, no manage link.
    await t.app.imports.sendNotices();
    expect((await askManageLink('attacker@evil.example')).statusCode).toBe(202);
    expect(await mailTo(t.app, 'attacker@evil.example')).toEqual([]);

    // The attacker is told nothing of who they are: two people their file adds, as strangers
    // would be (see import-oracle), the preview showing the file's own values, the report empty.
    const expected = { total: 2, created: 2, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
    expect(dry.counts).toEqual(expected);
    expect(dry.preview).toEqual([
      expect.objectContaining({ line: 2, outcome: 'ok', values: expect.objectContaining({ name: 'Vera Hacked', role: 'Crypto Shill' }) }),
      expect.objectContaining({ line: 3, outcome: 'ok', values: expect.objectContaining({ name: 'Luis Hacked', email: 'attacker@evil.example' }) }),
    ]);
    expect(real.counts).toEqual(expected);
    expect(await reportOf(t, attackerToken, real.id)).toBe('\uFEFFline,outcome,reason,Name,Email,LinkedIn,Title,City,Skills\r\n');
  });

  it('a person who used a manage link is no longer changed by the list that created their profile', async () => {
    const own = await createList(t, ownerToken);
    const row = 'Sam Self,sam@self.example.org,linkedin.com/in/sam-self';
    await importCsv(t, ownerToken, own.slug, `Name,Email,LinkedIn,Title,City\n${row},Engineer,Berlin\n`);
    // Sam proves the address: asks for a manage link, uses it, and edits the headline.
    const session = await sessionFor(t.app, 'sam@self.example.org');
    const edited = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { authorization: `Bearer ${session}` },
      payload: { headline: 'Platform engineer, open to work' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const sam = await profile({ email: 'sam@self.example.org' });

    const again = await importCsv(t, ownerToken, own.slug, `Name,Email,LinkedIn,Title,City,Headline\n${row},Janitor,Paris,Overwritten\n`);

    expect(await profile({ email: 'sam@self.example.org' })).toEqual(sam);
    expect(await publicProfile(sam.slug)).toMatchObject({ headline: 'Platform engineer, open to work', role: 'Engineer', city: 'Berlin' });
    // Still one of the list's own people: unchanged, since the list no longer changes them.
    expect(again.counts).toEqual({ total: 1, created: 0, updated: 0, unchanged: 1, skipped: 0, failed: 0 });
    expect(await reportOf(t, ownerToken, again.id)).not.toContain('Sam Self');
  });

  it('an email planted on a profile that had none is refused, and the manage link asked for it mails nothing', async () => {
    // Listed from LinkedIn alone: the profile has no address yet.
    const owners = await createList(t, ownerToken);
    await importCsv(t, ownerToken, owners.slug, 'Name,LinkedIn,Title\nNadia Nomail,linkedin.com/in/nadia-nomail,Analyst\n');
    const nadia = await profile({ linkedin: 'https://www.linkedin.com/in/nadia-nomail' });
    expect(nadia.email).toBeNull();

    const attackers = await createList(t, attackerToken);
    const planted = await importCsv(t, attackerToken, attackers.slug, 'Name,Email,LinkedIn\nNadia Nomail,thief@evil.example,linkedin.com/in/nadia-nomail\n');

    expect(await profile({ linkedin: 'https://www.linkedin.com/in/nadia-nomail' })).toEqual(nadia);
    const withThief = await t.app.db.selectFrom('profiles').select('id').where(sql`lower(email)`, '=', 'thief@evil.example').execute();
    expect(withThief).toEqual([]);
    await t.app.imports.sendNotices();
    expect((await askManageLink('thief@evil.example')).statusCode).toBe(202);
    expect(await mailTo(t.app, 'thief@evil.example')).toEqual([]);
    // Counted as any person the file adds: it does not say that the URL was someone's.
    expect(planted.counts).toEqual({ total: 1, created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
  });
});
