import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeLinkedinUrl } from '../../common/normalize/linkedin.js';
import type { TestApp } from '../helpers/app.js';
import { joinForm, mailTo, publishedProfile, sessionFor } from '../helpers/opt-in.js';
import { appWithOrganizer, createList, createOrganizer, importCsv, reportOf } from '../helpers/organizer.js';

type State = 'unknown' | 'listed' | 'listed by a list' | 'pending' | 'hidden' | 'removed';
const STATES: State[] = ['unknown', 'listed', 'listed by a list', 'pending', 'hidden', 'removed'];

/** What every person of these tests is called on Lifeline (the Join form's default name). */
const STORED_NAME = 'Ada Lovelace';

/**
 * The attacker is an organizer like any other: they may create lists and import CSVs, and a dry
 * run mails no one. They hold an address, or a LinkedIn URL, and want to know whether it is on
 * Lifeline, in what state, under what name, and what else goes with it. Whatever the stored
 * people are, everything the import shows them (its status with counts and preview, its report)
 * must be the same as for people Lifeline has never heard of: it may depend on their file and on
 * their own list, never on anyone else's profile.
 */
describe('a rogue organizer probing Lifeline with imports', () => {
  let t: TestApp;
  let ownerToken: string;
  let attacker: string;

  beforeAll(async () => {
    ({ t, token: ownerToken } = await appWithOrganizer());
    attacker = (await createOrganizer(t)).token;
  });
  afterAll(() => t?.close());

  const newHandle = () => `https://www.linkedin.com/in/nobody-${randomBytes(4).toString('hex')}`;

  /** A person in `state`, with the address and the LinkedIn URL that name them. */
  async function person(state: State): Promise<{ email: string; linkedin: string }> {
    const form = joinForm();
    const linkedin = normalizeLinkedinUrl(form.linkedinUrl)!;
    if (state === 'unknown') return { email: form.email, linkedin };
    if (state === 'listed by a list') {
      const list = await createList(t, ownerToken);
      await importCsv(t, ownerToken, list.slug, `Name,Email,LinkedIn\n${STORED_NAME},${form.email},${linkedin}\n`);
      return { email: form.email, linkedin };
    }
    if (state === 'pending') {
      await t.app.inject({ method: 'POST', url: '/api/profiles', payload: form });
      await t.app.optIn.mailSettled();
      return { email: form.email, linkedin };
    }
    await publishedProfile(t.app, form);
    if (state === 'listed') return { email: form.email, linkedin };
    const session = { authorization: `Bearer ${await sessionFor(t.app, form.email)}` };
    const res = state === 'hidden'
      ? await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: session, payload: { status: 'hidden' } })
      : await t.app.inject({ method: 'DELETE', url: '/api/me/profile', headers: session });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return { email: form.email, linkedin };
  }

  /**
   * All the attacker reads of an import: its status (but for what differs by construction: its
   * id, list, times and whether it was a dry run) and its report, with the file's own keys and
   * names replaced by placeholders, so that two files naming different people compare equal.
   */
  async function answer(slug: string, csv: string, dryRun: boolean, placeholders: Record<string, string>) {
    const { id, list: _list, createdAt: _c, finishedAt: _f, dryRun: _d, ...status } =
      (await importCsv(t, attacker, slug, csv, { dryRun })) as unknown as Record<string, unknown>;
    let text = JSON.stringify({ status, report: await reportOf(t, attacker, id as number) });
    for (const [value, placeholder] of Object.entries(placeholders)) text = text.replaceAll(value, placeholder);
    return JSON.parse(text) as unknown;
  }

  /** Whether the profile of `email` is on the list `slug`. */
  async function isOnList(email: string, slug: string) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from profile_lists pl
      join profiles p on p.id = pl.profile_id join layoff_lists l on l.id = pl.list_id
      where lower(p.email) = ${email.toLowerCase()} and l.slug = ${slug}`.execute(t.app.db);
    return rows[0]!.n > 0;
  }

  /** Each state's answer next to what an unknown person gets, so that a failure shows them side by side. */
  async function probeAll(
    probe: (state: State, who: { email: string; linkedin: string }) => Promise<unknown>,
    states: State[] = STATES,
  ) {
    const answers: Record<string, unknown> = {};
    for (const state of states) answers[state] = await probe(state, await person(state));
    return { answers, expected: Object.fromEntries(states.map((s) => [s, answers.unknown])) };
  }

  it.each([
    ['a dry run', true],
    ['a real import', false],
  ])('%s of one row naming an address gets the same answer whoever the address is, under their name or another', async (_label, dryRun) => {
    for (const name of [STORED_NAME, 'Someone Else']) {
      const listed: Record<string, boolean> = {};
      const { answers, expected } = await probeAll(async (state, { email }) => {
        // A list of its own for each probe: what a list already holds may count, nothing else.
        const list = await createList(t, attacker);
        const seen = await answer(list.slug, `Name,Email\n${name},${email}\n`, dryRun, { [email]: '<email>' });
        listed[state] = await isOnList(email, list.slug);
        return seen;
      });
      expect(answers).toEqual(expected);
      // What was written is another matter: only people who can be listed are.
      const canBe = (s: State) => !dryRun && ['unknown', 'listed', 'listed by a list'].includes(s);
      expect(listed).toEqual(Object.fromEntries(STATES.map((s) => [s, canBe(s)])));
    }
  });

  it('a dry run of one row naming a LinkedIn URL gets the same answer whoever the URL is', async () => {
    const { answers, expected } = await probeAll(
      async (_state, { linkedin }) =>
        answer((await createList(t, attacker)).slug, `Name,LinkedIn\nSomeone,${linkedin}\n`, true, { [linkedin]: '<url>' }),
      // A pending profile holds no LinkedIn URL until it is confirmed.
      STATES.filter((s) => s !== 'pending'),
    );
    expect(answers).toEqual(expected);
  });

  it('a dry run answers the same for a row with the stored name and for one with another', async () => {
    const { email } = await person('listed');
    const list = await createList(t, attacker);
    const asNamed = (name: string) => answer(list.slug, `Name,Email\n${name},${email}\n`, true, { [email]: '<email>', [name]: '<name>' });
    expect(await asNamed(STORED_NAME)).toEqual(await asNamed('Someone Else'));
  });

  it('a dry run does not tie an address to a stored LinkedIn URL (no "Same person as line 4" for a stored match)', async () => {
    const lia = await person('listed');
    const other = await person('listed');
    const csv = (a: string, b: string, c: string) => `Name,Email,LinkedIn\nA,${a},\nB,,${b}\nC,,${c}\n`;
    const list = await createList(t, attacker);
    const stored = await answer(list.slug, csv(lia.email, other.linkedin, lia.linkedin), true, {
      [lia.email]: '<a>', [other.linkedin]: '<b>', [lia.linkedin]: '<c>',
    });
    const strangers = [joinForm().email, newHandle(), newHandle()] as const;
    const unknown = await answer(list.slug, csv(...strangers), true, {
      [strangers[0]]: '<a>', [strangers[1]]: '<b>', [strangers[2]]: '<c>',
    });
    expect(JSON.stringify(stored)).not.toMatch(/Same person as line/);
    expect(stored).toEqual(unknown);
  });

  it('once a person is on their list by LinkedIn URL, a dry run cannot test guesses of their address', async () => {
    const victim = await person('listed');
    const list = await createList(t, attacker);
    // A real import puts them on the list (they get a notice); the address stays theirs alone.
    await importCsv(t, attacker, list.slug, `Name,LinkedIn\nVictim,${victim.linkedin}\n`);
    const guess = (email: string) => answer(list.slug, `Name,Email\nVictim,${email}\n`, true, { [email]: '<email>' });
    expect(await guess(victim.email)).toEqual(await guess(joinForm().email));
  });

  it("a row of their own list's person tells the same whether its LinkedIn URL is someone else's or no one's", async () => {
    const list = await createList(t, attacker);
    const own = `own-${randomBytes(4).toString('hex')}@example.org`;
    await importCsv(t, attacker, list.slug, `Name,Email\nOwn Person,${own}\n`);
    const taken = (await person('listed')).linkedin;
    const free = newHandle();
    const withUrl = (url: string) => answer(list.slug, `Name,Email,LinkedIn\nOwn Person,${own},${url}\n`, true, { [url]: '<url>' });
    expect(await withUrl(taken)).toEqual(await withUrl(free));
  });

  it('an import does not put a pending (unconfirmed) profile on its list, and owes it no notice', async () => {
    const pending = await person('pending');
    const list = await createList(t, attacker);
    await importCsv(t, attacker, list.slug, `Name,Email\nPending Person,${pending.email}\n`);
    const row = await t.app.db
      .selectFrom('profiles')
      .select(['id', 'status'])
      .where(sql`lower(email)`, '=', pending.email.toLowerCase())
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(await t.app.db.selectFrom('profile_lists').select('list_id').where('profile_id', '=', row.id).execute()).toEqual([]);
    expect(await t.app.db.selectFrom('import_notices').select('list_id').where('profile_id', '=', row.id).execute()).toEqual([]);
    const before = (await mailTo(t.app, pending.email)).length;
    await t.app.imports.sendNotices();
    expect(await mailTo(t.app, pending.email)).toHaveLength(before);
  });
});
