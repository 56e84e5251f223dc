import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { mailedToken, publishedProfile, sessionFor } from '../helpers/opt-in.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Someone who once read a candidate's mail (a shared computer, a forwarded mail) kept the
 * "keep me listed" link of a "Still looking?" reminder: it works for 90 days and is not used up.
 * The candidate, wanting out of sight, hides the profile from their manage page. The abuser
 * clicks the old link to put them back in search.
 */
describe('an old "keep me listed" link against a profile its owner hid', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it('does not list it again: only the owner, from the manage page, can', async () => {
    const { form, slug } = await publishedProfile(t.app);
    await t.app.scheduler.runOnce(new Date(Date.now() + 61 * DAY));
    const kept = await mailedToken(t.app, form.email, '/confirm');

    const auth = { authorization: `Bearer ${await sessionFor(t.app, form.email)}` };
    const hide = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: auth, payload: { status: 'hidden' } });
    expect(hide.json()).toMatchObject({ status: 'hidden', hiddenReason: 'owner' });

    const relist = await t.app.inject({ method: 'POST', url: '/api/profiles/confirm', payload: { token: kept } });
    expect(relist.statusCode).toBe(409);
    expect(relist.json().message).toMatch(/manage/);
    // Nor through "I found a job" first, which "keep me listed" would then undo.
    const hired = await t.app.inject({ method: 'POST', url: '/api/profiles/hired', payload: { token: kept } });
    expect(hired.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles/confirm', payload: { token: kept } })).statusCode).toBe(409);
    const row = await t.app.db.selectFrom('profiles').select(['status', 'hidden_reason']).where('slug', '=', slug).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'hidden', hidden_reason: 'owner' });

    // The owner's own button still works.
    const back = await t.app.inject({ method: 'POST', url: '/api/me/profile/confirm', headers: auth });
    expect(back.json()).toMatchObject({ status: 'published' });
  });
});
