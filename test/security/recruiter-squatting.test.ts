import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { mailedToken } from '../helpers/opt-in.js';
import { createOrganizer } from '../helpers/organizer.js';
import { createRecruiter, signUpForm } from '../helpers/recruiter.js';

/**
 * An impostor signs up with someone else's work address (to send messages as "a verified
 * recruiter at their company"), hoping the owner clicks the mailed link without reading; a
 * recruiter in review tries to approve themselves.
 */
describe('taking over a recruiter account or its review', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it("an impostor's sign-up with someone's address opens nothing: the link's page first shows the owner who signed up, and the impostor cannot sign in meanwhile", async () => {
    const victim = signUpForm('bigcorp.example');
    const impostor = { ...victim, name: 'Ivan Impostor', company: 'Totally Bigcorp', password: 'impostor password' };
    expect((await t.app.inject({ method: 'POST', url: '/api/recruiters', payload: impostor })).statusCode).toBe(202);
    const token = await mailedToken(t.app, victim.email, '/recruiter/verify');

    const preview = await t.app.inject({ method: 'POST', url: '/api/recruiters/verify/preview', payload: { token } });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ name: 'Ivan Impostor', company: 'Totally Bigcorp', emailDomain: 'bigcorp.example' });
    expect(preview.body).not.toContain('impostor password');
    // Looking changes nothing: the link still works, the account is not verified, no password works.
    expect((await t.app.db.selectFrom('users').select(['recruiter_state', 'password_hash']).where('email', '=', victim.email).executeTakeFirstOrThrow())).toEqual({
      recruiter_state: 'unverified',
      password_hash: null,
    });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: victim.email, password: impostor.password } });
    expect(signIn.statusCode).toBe(401);

    // The owner signs up for real: their own link carries their own answers.
    await t.app.inject({ method: 'POST', url: '/api/recruiters', payload: victim });
    const own = await mailedToken(t.app, victim.email, '/recruiter/verify');
    expect((await t.app.inject({ method: 'POST', url: '/api/recruiters/verify/preview', payload: { token: own } })).json().name).toBe(victim.name);
    expect((await t.app.inject({ method: 'POST', url: '/api/recruiters/verify', payload: { token: own, password: victim.password } })).json()).toEqual({ state: 'verified' });
    // The impostor's link, clicked later, changes nothing of the account.
    await t.app.inject({ method: 'POST', url: '/api/recruiters/verify', payload: { token, password: impostor.password } });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: victim.email, password: impostor.password } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: victim.email, password: victim.password } })).statusCode).toBe(200);
  });

  it('a recruiter in review cannot approve themselves, nor can an organizer; an admin session needs its CSRF token', async () => {
    const waiting = await createRecruiter(t, 'in_review');
    const organizer = await createOrganizer(t, 'organizer');
    const approve = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `/api/admin/recruiters/${waiting.user.id}/approve`, headers });
    expect((await approve({})).statusCode).toBe(401);
    expect((await approve(waiting.auth)).statusCode).toBe(403);
    expect((await approve(organizer.auth)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/recruiters', headers: waiting.auth })).statusCode).toBe(403);

    const password = 'admin password 123';
    const admin = await createOrganizer(t, 'admin', password);
    const session = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: admin.user.email, password } });
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    expect((await approve({ cookie })).statusCode).toBe(403);
    expect((await t.app.db.selectFrom('users').select('recruiter_state').where('id', '=', waiting.user.id).executeTakeFirstOrThrow()).recruiter_state).toBe('in_review');
    expect((await approve({ cookie, 'x-csrf-token': session.json().csrfToken })).statusCode).toBe(200);
  });
});
