import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { joinForm, mailTo, mailedToken, publishedProfile, sessionFor } from '../helpers/opt-in.js';

/**
 * A stalker wants to know whether one person is on Lifeline, and in what state. They know the
 * person's LinkedIn URL (and maybe their address), and they own an inbox of their own. Whatever
 * the person's state, every answer and every mail the stalker can read must be the same.
 */
describe('a stalker probing the opt-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const join = async (form: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/profiles', payload: form });
    await t.app.optIn.mailSettled();
    return res;
  };

  /** The victim, in each state a profile can be in, holding `linkedinUrl`. */
  async function victim(state: 'listed' | 'hidden' | 'pending' | 'removed' | 'absent') {
    const form = joinForm();
    if (state === 'absent') return form;
    if (state === 'pending') {
      await join(form);
      return form;
    }
    await publishedProfile(t.app, form);
    const session = { authorization: `Bearer ${await sessionFor(t.app, form.email)}` };
    if (state === 'hidden') {
      await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: session, payload: { status: 'hidden' } });
    }
    if (state === 'removed') await t.app.inject({ method: 'DELETE', url: '/api/me/profile', headers: session });
    return form;
  }

  it('gets the same answer and the same mail with the LinkedIn URL of a person listed, hidden, pending, removed or absent', async () => {
    const seen = [];
    for (const state of ['listed', 'hidden', 'pending', 'removed', 'absent'] as const) {
      const target = await victim(state);
      const before = (await mailTo(t.app, target.email)).length;
      const stalker = joinForm({ linkedinUrl: target.linkedinUrl });
      const res = await join(stalker);
      const mails = await mailTo(t.app, stalker.email);
      seen.push({
        status: res.statusCode,
        body: res.body,
        mails: mails.map((m) => ({ subject: m.subject, links: m.links.map((l) => new URL(l).pathname).sort() })),
      });
      // The victim hears nothing of it.
      expect(await mailTo(t.app, target.email)).toHaveLength(before);
    }
    expect(seen[0]).toEqual({
      status: 202,
      body: seen[0]!.body,
      mails: [{ subject: 'Confirm your Lifeline profile', links: ['/remove', '/verify'] }],
    });
    for (const answer of seen) expect(answer).toEqual(seen[0]);
  });

  it('cannot take a LinkedIn URL from the person who holds it by confirming their own address', async () => {
    const target = await victim('listed');
    const stalker = joinForm({ linkedinUrl: target.linkedinUrl });
    await join(stalker);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/profiles/verify',
      payload: { token: await mailedToken(t.app, stalker.email, '/verify') },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().profile.linkedinUrl).toBeNull();
    const victimRow = await t.app.db.selectFrom('profiles').select(['linkedin_url']).where('email', '=', target.email).executeTakeFirstOrThrow();
    expect(victimRow.linkedin_url).toMatch(/linkedin\.com\/in\/ada-/);
  });

  it('cannot squat a LinkedIn URL with a pending profile: the person who confirms first gets it', async () => {
    const owner = joinForm();
    const squatter = joinForm({ linkedinUrl: owner.linkedinUrl });
    await join(squatter);
    // The squatter never confirms; the owner joins after and confirms.
    await join(owner);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/profiles/verify',
      payload: { token: await mailedToken(t.app, owner.email, '/verify') },
    });
    expect(verified.json().profile.linkedinUrl).toMatch(/linkedin\.com\/in\/ada-/);
  });

  it('cannot overwrite a pending profile, nor void its link, by sending the Join form with its address', async () => {
    const owner = joinForm({ headline: 'Payments engineer' });
    await join(owner);
    const ownersLink = await mailedToken(t.app, owner.email, '/verify');
    const before = await t.app.db.selectFrom('profiles').selectAll().where('email', '=', owner.email).executeTakeFirstOrThrow();

    const res = await join({ ...joinForm({ headline: 'Send me your bank details' }), email: owner.email });
    expect(res.statusCode).toBe(202);

    const after = await t.app.db.selectFrom('profiles').selectAll().where('email', '=', owner.email).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const verified = await t.app.inject({ method: 'POST', url: '/api/profiles/verify', payload: { token: ownersLink } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().profile.headline).toBe('Payments engineer');
  });

  it('is answered before anything is looked up: with the profiles table locked, the opt-in and the manage link still answer', async () => {
    const target = await victim('listed');
    const db = t.app.db;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction().execute(async (trx) => {
      await sql`lock table profiles in access exclusive mode`.execute(trx);
      locked();
      await released;
    });
    await isLocked;
    try {
      // Were the lookup done before answering, these would wait for the lock (and the test time out).
      const joined = await t.app.inject({ method: 'POST', url: '/api/profiles', payload: joinForm({ linkedinUrl: target.linkedinUrl }) });
      const asked = await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: target.email } });
      expect([joined.statusCode, asked.statusCode]).toEqual([202, 202]);
    } finally {
      release();
      await holder;
    }
    await t.app.optIn.mailSettled();
    expect((await mailTo(t.app, target.email))[0]!.subject).toBe('Your link to manage your Lifeline profile');
  }, 10_000);

  it('gets the same manage-link answer for a listed, pending, removed and unknown address', async () => {
    const bodies = new Set<string>();
    for (const state of ['listed', 'pending', 'removed', 'absent'] as const) {
      const target = await victim(state);
      const res = await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: target.email } });
      expect(res.statusCode).toBe(202);
      bodies.add(res.body);
    }
    expect(bodies.size).toBe(1);
  });
});
