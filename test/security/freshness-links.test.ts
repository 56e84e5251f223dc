import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { mailedToken, publishedProfile } from '../helpers/opt-in.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Someone holds the links of one "Still looking?" mail (theirs, or one forwarded to them) and
 * tries to answer for other people with them, to turn them into other kinds of link, or lets a
 * link scanner open them.
 */
describe('attacks on the freshness links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  /** Two published profiles that were both sent a reminder. */
  async function remindedPair() {
    const ada = await publishedProfile(t.app);
    const grace = await publishedProfile(t.app);
    await t.app.scheduler.runOnce(new Date(Date.now() + 61 * DAY));
    return { ada, grace, adaToken: await mailedToken(t.app, ada.form.email, '/confirm') };
  }
  const state = (slug: string) =>
    t.app.db.selectFrom('profiles').select(['status', 'hidden_reason', 'last_confirmed_at', 'reminded_at']).where('slug', '=', slug).executeTakeFirstOrThrow();
  const hires = () => t.app.db.selectFrom('hires').select('profile_id').execute();

  it('one profile\'s link answers for that profile only: "I found a job" with it leaves everyone else listed', async () => {
    const { ada, grace, adaToken } = await remindedPair();
    const graceBefore = await state(grace.slug);
    const res = await t.app.inject({ method: 'POST', url: '/api/profiles/hired', payload: { token: adaToken } });
    expect(res.statusCode).toBe(200);
    expect((await state(ada.slug)).hidden_reason).toBe('hired');
    expect(await state(grace.slug)).toEqual(graceBefore);
  });

  it('a confirm link is not a manage link, a session or a removal link, and no other link is a confirm link', async () => {
    const { ada, grace, adaToken } = await remindedPair();
    const before = await state(ada.slug);
    const hiresBefore = await hires();
    const me = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { authorization: `Bearer ${adaToken}` } });
    expect(me.statusCode).toBe(401);
    const session = await t.app.inject({ method: 'POST', url: '/api/me/session', headers: { authorization: `Bearer ${adaToken}` } });
    expect(session.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles/remove', payload: { token: adaToken } })).statusCode).toBe(400);
    expect(await state(ada.slug)).toEqual(before);

    // Grace's verify link and removal link, and a made-up token, do nothing as confirm links.
    const graceRemoval = await mailedToken(t.app, grace.form.email, '/remove');
    const graceBefore = await state(grace.slug);
    for (const token of [grace.verifyToken, graceRemoval, 'A'.repeat(43), adaToken.slice(0, -1)]) {
      for (const url of ['/api/profiles/confirm', '/api/profiles/hired']) {
        const res = await t.app.inject({ method: 'POST', url, payload: { token } });
        expect(res.statusCode, `${url} ${token}`).toBe(400);
        expect(res.json().message).toContain('not valid');
      }
    }
    expect(await state(grace.slug)).toEqual(graceBefore);
    expect(await hires()).toEqual(hiresBefore);
  });

  it('a link scanner that opens /confirm and /hired (GET) answers nothing', async () => {
    const { ada, adaToken } = await remindedPair();
    const before = await state(ada.slug);
    const hiresBefore = await hires();
    for (const path of ['/confirm', '/hired']) {
      const res = await t.app.inject({ method: 'GET', url: `${path}?token=${adaToken}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      // GET on the API routes is no answer either.
      expect((await t.app.inject({ method: 'GET', url: `/api/profiles${path}?token=${adaToken}` })).statusCode).toBe(404);
    }
    expect(await state(ada.slug)).toEqual(before);
    expect(await hires()).toEqual(hiresBefore);
  });

  it('a link of a removed profile brings nothing back', async () => {
    const { ada, adaToken } = await remindedPair();
    const { id } = await t.app.db.selectFrom('profiles').select('id').where('slug', '=', ada.slug).executeTakeFirstOrThrow();
    const removal = await mailedToken(t.app, ada.form.email, '/remove');
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles/remove', payload: { token: removal } })).statusCode).toBe(200);
    for (const url of ['/api/profiles/confirm', '/api/profiles/hired']) {
      expect((await t.app.inject({ method: 'POST', url, payload: { token: adaToken } })).statusCode).toBe(400);
    }
    expect(await t.app.db.selectFrom('profiles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'removed' });
    expect(await t.app.db.selectFrom('hires').select('profile_id').where('profile_id', '=', id).execute()).toEqual([]);
  });

  it('the manage page\'s buttons answer only the owner\'s session: none, a confirm link or a removal link is a 401', async () => {
    const { ada, adaToken } = await remindedPair();
    const before = await state(ada.slug);
    const removal = await mailedToken(t.app, ada.form.email, '/remove');
    for (const url of ['/api/me/profile/confirm', '/api/me/profile/hired']) {
      for (const headers of [{}, { authorization: `Bearer ${adaToken}` }, { authorization: `Bearer ${removal}` }]) {
        expect((await t.app.inject({ method: 'POST', url, headers })).statusCode, url).toBe(401);
      }
    }
    expect(await state(ada.slug)).toEqual(before);
  });

  it('an oversized or missing token is a 400 that says what to send', async () => {
    for (const payload of [{}, { token: 'x'.repeat(201) }, { token: '' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/profiles/confirm', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('token');
    }
  });
});
