import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPeerApp, createTestApp, type TestApp } from '../../helpers/app.js';
import { runScript, storesEnv } from '../../helpers/cli.js';
import { mailTo, mailedToken, publishedProfile, sessionFor } from '../../helpers/opt-in.js';
import { createOrganizer, createList, importCsv } from '../../helpers/organizer.js';
import { outboxDrained } from '../../helpers/profiles.js';

const DAY = 24 * 60 * 60 * 1000;
const STILL_LOOKING = /^Still looking/;
const HIDDEN = /hidden for now/;

/** A name no other test uses, made of letters so that full-text search finds exactly it. */
const uniqueName = () => `Ada ${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

describe('freshness: "Still looking?", hiding, hired', () => {
  let t: TestApp;
  let peer: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    peer = await createPeerApp(t);
  });
  afterAll(async () => {
    await peer.close();
    await t.close();
  });

  /** A published profile and the moment its clock starts (its confirmation is at or before it). */
  async function freshProfile(overrides: Record<string, unknown> = {}) {
    const name = uniqueName();
    const p = await publishedProfile(t.app, { name, ...overrides });
    return { ...p, name, t0: Date.now() };
  }
  const at = (t0: number, days: number) => new Date(t0 + days * DAY);
  const subjects = async (email: string) => (await mailTo(t.app, email)).map((m) => m.subject);
  const profileOf = (slug: string) =>
    t.app.db.selectFrom('profiles').select(['id', 'status', 'hidden_reason', 'last_confirmed_at']).where('slug', '=', slug).executeTakeFirstOrThrow();
  async function searchFinds(name: string, slug: string): Promise<boolean> {
    await outboxDrained(t.app.db);
    const res = await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(name)}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { hits: { slug: string }[] }).hits.some((h) => h.slug === slug);
  }

  it('mails nothing at 30 days, one reminder at 61 days (never two, even from two sweeps at once), and hides at 75 days of silence', async () => {
    const { form, slug, name, t0 } = await freshProfile();

    await t.app.scheduler.runOnce(at(t0, 30));
    expect((await subjects(form.email)).filter((s) => STILL_LOOKING.test(s))).toHaveLength(0);

    await Promise.all([t.app.scheduler.runOnce(at(t0, 61)), peer.app.scheduler.runOnce(at(t0, 61)), t.app.scheduler.runOnce(at(t0, 61))]);
    await t.app.scheduler.runOnce(at(t0, 62));
    const reminders = (await mailTo(t.app, form.email)).filter((m) => STILL_LOOKING.test(m.subject));
    expect(reminders).toHaveLength(1);
    const paths = reminders[0]!.links.map((l) => new URL(l).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/confirm', '/hired', '/remove']));
    expect(reminders[0]!.text).toContain('last confirmed 61 days ago');
    expect((await profileOf(slug)).status).toBe('published');

    await t.app.scheduler.runOnce(at(t0, 74));
    expect((await profileOf(slug)).status).toBe('published');
    await t.app.scheduler.runOnce(at(t0, 75));
    expect(await profileOf(slug)).toMatchObject({ status: 'hidden', hidden_reason: 'stale' });
    expect((await subjects(form.email)).filter((s) => HIDDEN.test(s))).toHaveLength(1);
    expect(await searchFinds(name, slug)).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: `/api/profiles/${slug}` })).statusCode).toBe(404);
    // Hidden profiles are not reminded, nor hidden twice.
    await t.app.scheduler.runOnce(at(t0, 140));
    expect((await subjects(form.email)).filter((s) => STILL_LOOKING.test(s) || HIDDEN.test(s))).toHaveLength(2);
  });

  it('"keep me listed" from the hidden notice lists a stale profile again, confirmed now, and works twice', async () => {
    const { form, slug, name, t0 } = await freshProfile();
    await t.app.scheduler.runOnce(at(t0, 61));
    await t.app.scheduler.runOnce(at(t0, 75));
    expect((await profileOf(slug)).status).toBe('hidden');
    const token = await mailedToken(t.app, form.email, '/confirm');

    const before = Date.now();
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/profiles/confirm', payload: { token } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'listed' });
    }
    const row = await profileOf(slug);
    expect(row).toMatchObject({ status: 'published', hidden_reason: null });
    expect(new Date(row.last_confirmed_at!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await searchFinds(name, slug)).toBe(true);
    const hit = (await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(name)}` })).json().hits[0];
    expect(new Date(hit.confirmedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('"keep me listed" after a reminder starts a new cycle: no hiding 14 days later', async () => {
    const { form, slug, t0 } = await freshProfile();
    await t.app.scheduler.runOnce(at(t0, 61));
    const token = await mailedToken(t.app, form.email, '/confirm');
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles/confirm', payload: { token } })).statusCode).toBe(200);
    // The click happened "today" (before t0 + 61 days): the next reminder is 60 days after it.
    await t.app.scheduler.runOnce(new Date(Date.now() + 59 * DAY));
    expect((await profileOf(slug)).status).toBe('published');
    expect((await subjects(form.email)).filter((s) => STILL_LOOKING.test(s))).toHaveLength(1);
  });

  it('"I found a job" takes the profile out of search at once and counts it once on its list and its employer; a year later it is erased, and the counts stay', async () => {
    const employer = `Initech ${randomBytes(3).toString('hex')}`;
    const { form, slug, name, t0 } = await freshProfile({ formerEmployer: employer });
    const organizer = await createOrganizer(t);
    const list = await createList(t, organizer.token, { employer });
    const { id } = await profileOf(slug);
    const { id: listId } = await t.app.db.selectFrom('layoff_lists').select('id').where('slug', '=', list.slug).executeTakeFirstOrThrow();
    await t.app.db.insertInto('profile_lists').values({ profile_id: id, list_id: listId }).execute();
    expect(await searchFinds(name, slug)).toBe(true);

    await t.app.scheduler.runOnce(at(t0, 61));
    const token = await mailedToken(t.app, form.email, '/hired');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/profiles/hired', payload: { token } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'hired' });
    }
    expect(await profileOf(slug)).toMatchObject({ status: 'hidden', hidden_reason: 'hired' });
    expect(await searchFinds(name, slug)).toBe(false);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/lists/${list.slug}` })).json();
    expect(listed).toMatchObject({ profiles: 0, hired: 1, stale: 0 });
    expect(listed.hiresByMonth).toEqual([{ month: new Date().toISOString().slice(0, 7), hired: 1 }]);
    const { slug: employerSlug } = await t.app.db.selectFrom('employers').select('slug').where('name', '=', employer).executeTakeFirstOrThrow();
    const talent = await t.app.inject({ method: 'GET', url: `/api/employers/${employerSlug}` });
    expect(talent.json()).toMatchObject({ total: 0, hired: 1 });
    // Hidden as hired, the profile is not reminded nor hidden as stale.
    await t.app.scheduler.runOnce(at(t0, 200));
    expect(await profileOf(slug)).toMatchObject({ status: 'hidden', hidden_reason: 'hired' });

    await t.app.scheduler.runOnce(new Date(Date.now() + 366 * DAY));
    const erased = await t.app.db.selectFrom('profiles').select(['status', 'email']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(erased).toEqual({ status: 'removed', email: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/lists/${list.slug}` })).json()).toMatchObject({ hired: 1 });
    expect((await t.app.inject({ method: 'GET', url: `/api/employers/${employerSlug}` })).json()).toMatchObject({ hired: 1 });
    // Erased like a removal: its links went with it.
    const gone = await t.app.inject({ method: 'POST', url: '/api/profiles/confirm', payload: { token } });
    expect(gone.statusCode).toBe(400);
  });

  it('coming back after "I found a job" lists the profile again and takes the hire back', async () => {
    const { form, slug, name, t0 } = await freshProfile();
    await t.app.scheduler.runOnce(at(t0, 61));
    const token = await mailedToken(t.app, form.email, '/hired');
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles/hired', payload: { token } })).statusCode).toBe(200);
    const { id } = await profileOf(slug);
    expect(await t.app.db.selectFrom('hires').select('profile_id').where('profile_id', '=', id).execute()).toHaveLength(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles/confirm', payload: { token } })).statusCode).toBe(200);
    expect(await profileOf(slug)).toMatchObject({ status: 'published', hidden_reason: null });
    expect(await t.app.db.selectFrom('hires').select('profile_id').where('profile_id', '=', id).execute()).toHaveLength(0);
    expect(await searchFinds(name, slug)).toBe(true);
  });

  it('the manage page shows confirmedAt, and its "I found a job" and "I am looking again" buttons do what the links do', async () => {
    const { form, slug, name } = await freshProfile();
    const auth = { authorization: `Bearer ${await sessionFor(t.app, form.email)}` };
    const own = (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: auth })).json();
    expect(own).toMatchObject({ status: 'published', hiddenReason: null, hiredAt: null });
    expect(Date.parse(own.profile.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);

    const hired = await t.app.inject({ method: 'POST', url: '/api/me/profile/hired', headers: auth });
    expect(hired.statusCode, hired.body).toBe(200);
    expect(hired.json()).toMatchObject({ status: 'hidden', hiddenReason: 'hired' });
    expect(hired.json().hiredAt).toEqual(expect.any(String));
    expect(await searchFinds(name, slug)).toBe(false);

    const back = await t.app.inject({ method: 'POST', url: '/api/me/profile/confirm', headers: auth });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'published', hiddenReason: null, hiredAt: null });
    expect(await searchFinds(name, slug)).toBe(true);

    // Hiding by hand is the owner's, and says so.
    const hidden = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: auth, payload: { status: 'hidden' } });
    expect(hidden.json()).toMatchObject({ status: 'hidden', hiddenReason: 'owner' });
  });

  it('people without an email follow their list: hidden after 74 days unless a re-import of the list included them', async () => {
    const organizer = await createOrganizer(t);
    const list = await createList(t, organizer.token);
    const kept = `https://www.linkedin.com/in/kept-${randomBytes(4).toString('hex')}`;
    const dropped = `https://www.linkedin.com/in/dropped-${randomBytes(4).toString('hex')}`;
    const csv = (rows: string[]) => `Name,LinkedIn,Title\n${rows.join('\n')}\n`;
    await importCsv(t, organizer.token, list.slug, csv([`Kept Person,${kept},Engineer`, `Dropped Person,${dropped},Designer`]));
    const t0 = Date.now();
    const byUrl = (url: string) =>
      t.app.db.selectFrom('profiles').select(['status', 'hidden_reason']).where('linkedin_url', '=', url).executeTakeFirstOrThrow();

    await t.app.scheduler.runOnce(at(t0, 61));
    expect((await byUrl(kept)).status).toBe('published');
    // A re-import "40 days later" that names only one of them: seen_at is when that import ran.
    await importCsv(t, organizer.token, list.slug, csv([`Kept Person,${kept},Engineer`]));
    await t.app.db
      .updateTable('profile_lists')
      .set({ seen_at: at(t0, 40) })
      .where('profile_id', '=', (eb) => eb.selectFrom('profiles').select('id').where('linkedin_url', '=', kept).limit(1))
      .execute();

    await t.app.scheduler.runOnce(at(t0, 73));
    expect((await byUrl(dropped)).status).toBe('published');
    await t.app.scheduler.runOnce(at(t0, 75));
    expect(await byUrl(dropped)).toMatchObject({ status: 'hidden', hidden_reason: 'stale' });
    expect((await byUrl(kept)).status).toBe('published');
    await t.app.scheduler.runOnce(at(t0, 40 + 75));
    expect(await byUrl(kept)).toMatchObject({ status: 'hidden', hidden_reason: 'stale' });
    expect((await t.app.inject({ method: 'GET', url: `/api/lists/${list.slug}` })).json()).toMatchObject({ profiles: 0, stale: 2 });

    // The list names them again: listed again, as the list says.
    await importCsv(t, organizer.token, list.slug, csv([`Kept Person,${kept},Engineer`]));
    expect(await byUrl(kept)).toMatchObject({ status: 'published', hidden_reason: null });
    expect((await byUrl(dropped)).status).toBe('hidden');
  });

  it('npm run sweep -- --now reminds as the scheduler does', async () => {
    const { form, t0 } = await freshProfile();
    const env = storesEnv({ ...inject('stores'), databaseUrl: t.databaseUrl, indexPrefix: t.indexPrefix });
    const run = await runScript('sweep', ['--now', at(t0, 61).toISOString()], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/freshness: reminded [1-9]\d*, hidden \d+, hiddenWithoutEmail \d+, erased \d+/);
    expect((await subjects(form.email)).filter((s) => STILL_LOOKING.test(s))).toHaveLength(1);
  });
});
