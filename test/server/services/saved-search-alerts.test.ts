import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueue } from '../../../db/outbox.js';
import { createPeerApp, createTestApp, type TestApp } from '../../helpers/app.js';
import { insertProfiles, outboxDrained } from '../../helpers/profiles.js';
import { createRecruiter } from '../../helpers/recruiter.js';
import { removeProfile } from '../../../server/services/removal.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('saved-search alerts (the scheduled sweep)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const mailTo = (email: string) =>
    t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', email).orderBy('id').execute();

  /** A verified recruiter and a daily saved search `query`, saved now: returns when it was saved. */
  async function savedSearch(query: string, state: Parameters<typeof createRecruiter>[1] = 'verified') {
    const recruiter = await createRecruiter(t, 'verified');
    const res = await t.app.inject({ method: 'POST', url: '/api/saved-searches', headers: recruiter.auth, payload: { name: 'Go people', query, alert: 'daily' } });
    expect(res.statusCode, res.body).toBe(201);
    if (state !== 'verified') await t.app.db.updateTable('users').set({ recruiter_state: state }).where('id', '=', recruiter.user.id).execute();
    return { recruiter, search: res.json() as { id: number; createdAt: string }, savedAt: new Date(res.json().createdAt) };
  }

  async function reconfirm(slug: string, when: Date) {
    await t.app.db.transaction().execute(async (trx) => {
      const { id } = await trx.updateTable('profiles').set({ last_confirmed_at: when, updated_at: sql`now()` }).where('slug', '=', slug).returning('id').executeTakeFirstOrThrow();
      await enqueue(trx, id);
    });
    await outboxDrained(t.app.db);
  }

  it('mails a new match once, not twice, not a non-match nor someone from before the search was saved; then not after unsubscribe', async () => {
    const { recruiter, search, savedAt } = await savedSearch('skills=Elixir&country=DE');
    await insertProfiles(t.app.db, [
      { slug: 'elixir-before', name: 'Before Saved', skills: ['Elixir'], country: 'DE', published_at: at(savedAt, -DAY) },
      { slug: 'elixir-new', name: 'Émilie Ñúñez', headline: 'Elixir & OTP', skills: ['Elixir'], country: 'DE', city: 'Berlin', published_at: at(savedAt, HOUR) },
      { slug: 'cobol-new', name: 'Not A Match', skills: ['COBOL'], country: 'DE', published_at: at(savedAt, HOUR) },
    ]);

    // Not due yet: a daily alert comes a day after saving.
    expect((await t.app.scheduler.runOnce(at(savedAt, 2 * HOUR)))['saved-search-alerts']).toMatchObject({ due: 0, sent: 0 });
    expect(await mailTo(recruiter.user.email)).toHaveLength(0);

    const first = at(savedAt, DAY + 60_000);
    expect((await t.app.scheduler.runOnce(first))['saved-search-alerts']).toMatchObject({ due: 1, mailed: 1, sent: 1 });
    const [mail, ...others] = await mailTo(recruiter.user.email);
    expect(others).toHaveLength(0);
    expect(mail!.subject).toBe('1 new person matches your saved search');
    expect(mail!.text).toContain('Émilie Ñúñez');
    expect(mail!.text).toContain('http://lifeline.test/p/elixir-new');
    expect(mail!.text).not.toContain('elixir-before');
    expect(mail!.text).not.toContain('cobol-new');
    expect(mail!.html).toContain('Elixir &amp; OTP');
    expect(mail!.text).toContain(`http://lifeline.test/?skills=Elixir&country=DE&since=${Math.floor(savedAt.getTime() / 1000)}&saved=${search.id}`);
    expect(mail!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const oneClick = /^<(http:\/\/lifeline\.test\/api\/saved-searches\/unsubscribe\?token=[^>]+)>$/.exec(mail!.headers!['List-Unsubscribe']!)?.[1];
    expect(oneClick).toBeDefined();
    expect(mail!.text).toContain('http://lifeline.test/unsubscribe?token=');

    // The same pass again (another process, a retry): nothing more.
    await t.app.scheduler.runOnce(first);
    // Next day: she confirms she is still looking (new again by date), and someone else joins.
    await reconfirm('elixir-new', at(first, HOUR));
    await insertProfiles(t.app.db, [{ slug: 'elixir-second', name: 'Second Match', skills: ['Elixir'], country: 'DE', published_at: at(first, HOUR) }]);
    const second = at(first, DAY + 60_000);
    expect((await t.app.scheduler.runOnce(second))['saved-search-alerts']).toMatchObject({ due: 1, mailed: 1 });
    const mails = await mailTo(recruiter.user.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain('/p/elixir-second');
    expect(mails[1]!.text).not.toContain('/p/elixir-new');

    // Nothing new the day after: no mail at all.
    expect((await t.app.scheduler.runOnce(at(second, DAY + 60_000)))['saved-search-alerts']).toMatchObject({ due: 1, mailed: 0, nothingNew: 1 });
    expect(await mailTo(recruiter.user.email)).toHaveLength(2);

    // Opened in a browser, the address shows the page and changes nothing; one click in the mail
    // client (RFC 8058) is a form POST, with no session.
    const url = new URL(oneClick!);
    const opened = await t.app.inject({ url: `${url.pathname}${url.search}` });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/unsubscribe${url.search}`);
    expect((await t.app.db.selectFrom('saved_searches').select('alert').where('id', '=', search.id).executeTakeFirstOrThrow()).alert).toBe('daily');
    const unsubscribe = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.statusCode, unsubscribe.body).toBe(200);
    expect(unsubscribe.json()).toEqual({ name: 'Go people', alert: 'off' });
    await insertProfiles(t.app.db, [{ slug: 'elixir-third', name: 'Third Match', skills: ['Elixir'], country: 'DE', published_at: at(second, 2 * DAY) }]);
    await t.app.scheduler.runOnce(at(second, 10 * DAY));
    expect(await mailTo(recruiter.user.email)).toHaveLength(2);
  });

  it('two sweeps at once (two processes) mail once', async () => {
    const { recruiter, savedAt } = await savedSearch('skills=Haskell');
    await insertProfiles(t.app.db, [{ slug: 'haskell-new', name: 'Haskell Person', skills: ['Haskell'], published_at: at(savedAt, HOUR) }]);
    const peer = await createPeerApp(t);
    try {
      const now = at(savedAt, DAY + 60_000);
      await Promise.all([t.app.scheduler.runOnce(now), peer.app.scheduler.runOnce(now), t.app.scheduler.runOnce(now)]);
    } finally {
      await peer.close();
    }
    const mails = await mailTo(recruiter.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('/p/haskell-new');
  });

  it('lists at most 20, says how many there are in all, and links to all of them', async () => {
    const { recruiter, savedAt } = await savedSearch('skills=Erlang');
    await insertProfiles(
      t.app.db,
      Array.from({ length: 23 }, (_, i) => ({ slug: `erlang-${i}`, name: `Erlang Person ${i}`, skills: ['Erlang'], published_at: at(savedAt, HOUR) })),
    );
    await t.app.scheduler.runOnce(at(savedAt, DAY + 60_000));
    const [mail] = await mailTo(recruiter.user.email);
    expect(mail!.subject).toBe('23 new people match your saved search');
    expect(mail!.text.match(/\/p\/erlang-/g)).toHaveLength(20);
    expect(mail!.text).toContain('See all 23 new matches');
    // The three left out are not lost: "see all" shows them, and they were not marked as sent.
    expect(await t.app.db.selectFrom('saved_search_sent').select('profile_id').where('saved_search_id', '=', (await t.app.db.selectFrom('saved_searches').select('id').where('user_id', '=', recruiter.user.id).executeTakeFirstOrThrow()).id).execute()).toHaveLength(20);
  });

  it('keeps an alert in its outbox while mail cannot leave, sends it later, and never names someone removed meanwhile', async () => {
    const { recruiter, savedAt } = await savedSearch('skills=Prolog');
    await insertProfiles(t.app.db, [{ slug: 'prolog-stays', name: 'Stays Listed', skills: ['Prolog'], published_at: at(savedAt, HOUR) }]);
    const smtpDown = vi.spyOn(t.app.mailer, 'send').mockRejectedValue(new Error('SMTP is down'));
    try {
      expect((await t.app.scheduler.runOnce(at(savedAt, DAY + 60_000)))['saved-search-alerts']).toMatchObject({ mailed: 1, sent: 0 });
    } finally {
      smtpDown.mockRestore();
    }
    expect(await mailTo(recruiter.user.email)).toHaveLength(0);
    // The next pass sends it: nothing was lost.
    expect((await t.app.scheduler.runOnce(at(savedAt, DAY + 2 * 60_000)))['saved-search-alerts']).toMatchObject({ due: 0, sent: 1 });
    expect(await mailTo(recruiter.user.email)).toHaveLength(1);

    // Again with SMTP down, then the person listed removes their profile before the mail leaves.
    const other = await savedSearch('skills=Smalltalk');
    const gone = await insertProfiles(t.app.db, [{ slug: 'smalltalk-leaves', name: 'Leaves Soon', skills: ['Smalltalk'], published_at: at(other.savedAt, HOUR) }]);
    const down = vi.spyOn(t.app.mailer, 'send').mockRejectedValue(new Error('SMTP is down'));
    try {
      await t.app.scheduler.runOnce(at(other.savedAt, DAY + 60_000));
    } finally {
      down.mockRestore();
    }
    await t.app.db.transaction().execute((trx) => removeProfile(trx, gone.get('smalltalk-leaves')!));
    await t.app.scheduler.runOnce(at(other.savedAt, DAY + 2 * 60_000));
    expect(await mailTo(other.recruiter.user.email)).toHaveLength(0);
  });

  it.each(['suspended', 'in_review'] as const)('sends nothing to a recruiter who is %s', async (state) => {
    const { recruiter, savedAt } = await savedSearch('skills=Fortran', state);
    await insertProfiles(t.app.db, [{ slug: `fortran-${state}`, name: 'Fortran Person', skills: ['Fortran'], published_at: at(savedAt, HOUR) }]);
    const report = await t.app.scheduler.runOnce(at(savedAt, DAY + 60_000));
    expect(report['saved-search-alerts']).toMatchObject({ held: 1 });
    expect(await mailTo(recruiter.user.email)).toHaveLength(0);
  });

  it('sends nothing to an account made less than a day ago', async () => {
    const { recruiter, savedAt } = await savedSearch('skills=Ada');
    await insertProfiles(t.app.db, [{ slug: 'ada-lang', name: 'Ada Person', skills: ['Ada'], published_at: at(savedAt, HOUR) }]);
    await t.app.db.updateTable('users').set({ created_at: at(savedAt, DAY) }).where('id', '=', recruiter.user.id).execute();
    await t.app.scheduler.runOnce(at(savedAt, DAY + 60_000));
    expect(await mailTo(recruiter.user.email)).toHaveLength(0);
  });
});
