import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAILS_PER_ADDRESS } from '../../server/services/limits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { mailedToken } from '../helpers/opt-in.js';
import { signUpForm } from '../helpers/recruiter.js';

/**
 * An impostor signs up with a recruiter's work address, typing the owner's own name and company,
 * and their own password; they do it as often as the address may be mailed in an hour, so the
 * owner's own sign-up sends nothing. The owner, expecting a link, opens the one that came: its
 * page shows their own name and company, and they confirm it. The password that becomes the
 * account's is the impostor's, who signs in as a verified recruiter of the owner's company.
 *
 * KNOWN HOLE, not fixed in this review (the fix changes the flow: the password should be chosen
 * on the verify page, by whoever holds the link, not carried in it). `it.fails` keeps the attack
 * in the suite: it passes while the attack works; remove `.fails` with the fix.
 */
describe('taking over a recruiter account through a look-alike sign-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it.fails("the owner who confirms the link that came cannot hand the account to the impostor's password", async () => {
    const owner = signUpForm('bigcorp.example');
    const impostor = { ...owner, password: 'the impostor password' };
    for (let i = 0; i < MAILS_PER_ADDRESS.max; i++) await t.app.inject({ method: 'POST', url: '/api/recruiters', payload: impostor });
    expect((await t.app.inject({ method: 'POST', url: '/api/recruiters', payload: owner })).statusCode).toBe(202);

    const token = await mailedToken(t.app, owner.email, '/recruiter/verify');
    const preview = await t.app.inject({ method: 'POST', url: '/api/recruiters/verify/preview', payload: { token } });
    expect(preview.json()).toMatchObject({ name: owner.name, company: owner.company });
    expect((await t.app.inject({ method: 'POST', url: '/api/recruiters/verify', payload: { token } })).json()).toEqual({ state: 'verified' });

    const stolen = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: owner.email, password: impostor.password } });
    expect(stolen.statusCode).toBe(401);
  });
});
