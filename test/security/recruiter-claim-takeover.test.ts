import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAILS_PER_ADDRESS } from '../../server/services/limits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { mailTo } from '../helpers/opt-in.js';
import { signUpForm } from '../helpers/recruiter.js';

/**
 * An impostor signs up with a recruiter's work address, typing the owner's own name and company,
 * and their own password; they do it as often as the address may be mailed in an hour, so the
 * owner's own sign-up sends nothing. The owner, expecting a link, opens the one that came: its
 * page shows their own name and company, and they confirm it. The password that becomes the
 * account's is the impostor's, who signs in as a verified recruiter of the owner's company.
 *
 * The verify page asks for the password chosen on the sign-up form: the owner does not know the
 * impostor's, so the impostor's link cannot be finished; the link stays usable by no one else.
 */
describe('taking over a recruiter account through a look-alike sign-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it("the owner who confirms the link that came cannot hand the account to the impostor's password", async () => {
    const owner = signUpForm('bigcorp.example');
    const impostor = { ...owner, password: 'the impostor password' };
    for (let i = 0; i < MAILS_PER_ADDRESS.max; i++) await t.app.inject({ method: 'POST', url: '/api/recruiters', payload: impostor });
    expect((await t.app.inject({ method: 'POST', url: '/api/recruiters', payload: owner })).statusCode).toBe(202);

    // The owner opens every link that came (the impostor's, and theirs if the quota let it out), and
    // confirms each with their own password: only a link of their own sign-up can be finished.
    // Oldest first: the impostor's links came before the owner's own.
    const links = (await mailTo(t.app, owner.email)).reverse().flatMap((m) => m.links.filter((l) => new URL(l).pathname === '/recruiter/verify'));
    expect(links.length).toBeGreaterThan(0);
    let impostorLinks = 0;
    for (const link of links) {
      const token = new URL(link).searchParams.get('token')!;
      const preview = await t.app.inject({ method: 'POST', url: '/api/recruiters/verify/preview', payload: { token } });
      if (preview.statusCode !== 200) continue; // used up by an earlier confirmation
      expect(preview.json()).toMatchObject({ name: owner.name, company: owner.company });
      const confirm = await t.app.inject({ method: 'POST', url: '/api/recruiters/verify', payload: { token, password: owner.password } });
      if (confirm.statusCode === 400) {
        impostorLinks++;
        expect(confirm.json().message).toContain('does not match the password chosen on the sign-up form');
      } else {
        expect(confirm.json()).toEqual({ state: 'verified' });
      }
    }
    expect(impostorLinks).toBeGreaterThan(0);

    const stolen = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: owner.email, password: impostor.password } });
    expect(stolen.statusCode).toBe(401);
  });
});
