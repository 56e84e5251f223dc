import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECRUITER_SIGN_UP_ACCEPTED } from '../../../server/services/recruiters.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { mailTo, mailedToken } from '../../helpers/opt-in.js';
import { createOrganizer } from '../../helpers/organizer.js';
import { createRecruiter, signUpForm, signedUpRecruiter } from '../../helpers/recruiter.js';

describe('recruiter sign-up and verification', () => {
  let t: TestApp;
  const signUp = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/recruiters', payload });
  /** The link's token with the password of signUpForm()'s sign-up, as its owner types it on the verify page. */
  const verify = (token: string, password = signUpForm().password) =>
    t.app.inject({ method: 'POST', url: '/api/recruiters/verify', payload: { token, password } });
  const signIn = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  const user = (email: string) => t.app.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it('mails a link for a company address; clicking it verifies the account, which then signs in as a verified recruiter', async () => {
    const form = signUpForm('acme-hiring.example');
    const res = await signUp(form);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ message: RECRUITER_SIGN_UP_ACCEPTED });
    const [mail] = await mailTo(t.app, form.email);
    expect(mail!.subject).toBe('Confirm your Lifeline recruiter account');
    expect(mail!.text).not.toContain('Acme');
    // Nothing the form said is applied before the click.
    expect(await user(form.email)).toMatchObject({ recruiter_state: 'unverified', password_hash: null, company: null });

    const token = await mailedToken(t.app, form.email, '/recruiter/verify');
    const verified = await verify(token);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toEqual({ state: 'verified' });
    expect(await user(form.email)).toMatchObject({ recruiter_state: 'verified', company: 'Acme', name: 'Rita Recruiter', email_domain: 'acme-hiring.example' });

    const session = await signIn(form.email, form.password);
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ role: 'recruiter', company: 'Acme', recruiterState: 'verified' });
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    const me = await t.app.inject({ method: 'GET', url: '/api/me/user', headers: { cookie } });
    expect(me.json().user).toMatchObject({ email: form.email, role: 'recruiter', recruiterState: 'verified' });

    // The link works once.
    expect((await verify(token)).statusCode).toBe(410);
  });

  it.each([
    ['a free-mail domain', 'gmail.com'],
    ['a disposable domain', 'mailinator.com'],
  ])('puts an account on %s in review', async (_what, domain) => {
    const { state } = await signedUpRecruiter(t, domain);
    expect(state).toBe('in_review');
  });

  it('finishes the account only with the password of its sign-up: a wrong one changes nothing and leaves the link usable', async () => {
    const form = signUpForm('acme-hiring.example');
    await signUp(form);
    const token = await mailedToken(t.app, form.email, '/recruiter/verify');
    const wrong = await verify(token, 'not the password of this sign-up');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/^body\.password does not match/);
    expect((await user(form.email))?.recruiter_state).toBe('unverified');
    const missing = await t.app.inject({ method: 'POST', url: '/api/recruiters/verify', payload: { token } });
    expect(missing.statusCode).toBe(400);
    expect((await verify(token, form.password)).json()).toEqual({ state: 'verified' });
  });

  it('answers a known address the same, mails its owner instead, and changes nothing of the account', async () => {
    const { form } = await signedUpRecruiter(t);
    const before = await user(form.email);
    const again = await signUp({ ...form, company: 'Evil Corp', password: 'attacker password 1' });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ message: RECRUITER_SIGN_UP_ACCEPTED });
    const [mail] = await mailTo(t.app, form.email);
    expect(mail!.subject).toBe('You already have a Lifeline account');
    expect(mail!.links.some((l) => l.includes('/recruiter/verify'))).toBe(false);
    expect(await user(form.email)).toEqual(before);
  });

  it('gives the account the answers of the link that is clicked first; a later link of it changes nothing', async () => {
    const form = signUpForm();
    await signUp(form);
    const first = await mailedToken(t.app, form.email, '/recruiter/verify');
    await signUp({ ...form, company: 'Squatter Inc', password: 'another password 2' });
    const second = await mailedToken(t.app, form.email, '/recruiter/verify');
    expect(second).not.toBe(first);
    expect((await verify(first)).json()).toEqual({ state: 'verified' });
    expect((await verify(second)).json()).toEqual({ state: 'verified' });
    expect((await user(form.email))!.company).toBe('Acme');
    expect((await signIn(form.email, 'another password 2')).statusCode).toBe(401);
  });

  it('answers a link that does not work with what to do', async () => {
    const unknown = await verify('not-a-real-token');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('This link is not valid');
  });

  it.each([
    [{ email: 'not-an-address' }, 'body.email must be an email address'],
    [{ name: '   ' }, 'body.name is required'],
    [{ company: '' }, 'body.company must NOT have fewer than 1 characters'],
    [{ company: ' ' }, 'body.company is required'],
    [{ password: 'short' }, 'body.password must be at least 10 characters'],
    [{ name: 'Rita\r\nBcc: x@example.org' }, 'body.name must be one line'],
    [{ role: 'admin' }, 'body.role is not a known field'],
  ])('refuses bad input with a 400 that names the field (%#)', async (change, message) => {
    const res = await signUp({ ...signUpForm(), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
  });

  it('says "a Lifeline account", for every role, when a sign-in does not match', async () => {
    const res = await signIn('nobody@example.org', 'whatever it is');
    expect(res.json().message).toBe('That email and password do not match a Lifeline account. Check both and try again.');
  });
});

describe('admin review of recruiter accounts', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
    admin = (await createOrganizer(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  const list = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/admin/recruiters', headers });
  const decide = (id: number, decision: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/api/admin/recruiters/${id}/${decision}`, headers });

  it('lists accounts in review with their domain and company; approving verifies, suspending suspends', async () => {
    const { form } = await signedUpRecruiter(t, 'outlook.com');
    const res = await list(admin);
    expect(res.statusCode).toBe(200);
    const entry = res.json().recruiters.find((r: { email: string }) => r.email === form.email);
    expect(entry).toMatchObject({ emailDomain: 'outlook.com', company: 'Acme', name: 'Rita Recruiter', state: 'in_review', reports: 0, createdAt: expect.any(String) });

    const approved = await decide(entry.id, 'approve', admin);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('verified');
    expect((await mailTo(t.app, form.email))[0]!.subject).toBe('Your Lifeline recruiter account is approved');
    const suspended = await decide(entry.id, 'suspend', admin);
    expect(suspended.json().state).toBe('suspended');
    expect((await mailTo(t.app, form.email))[0]!.subject).toBe('Your Lifeline recruiter account is suspended');
  });

  it('cannot approve an account whose address was never proven', async () => {
    const { user } = await createRecruiter(t, 'unverified');
    const res = await decide(user.id, 'approve', admin);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('whose address is confirmed');
  });

  it('is for admins only: 401 signed out, 403 for an organizer or a recruiter', async () => {
    const organizer = (await createOrganizer(t, 'organizer')).auth;
    const recruiter = (await createRecruiter(t)).auth;
    expect((await list({})).statusCode).toBe(401);
    expect((await list(organizer)).statusCode).toBe(403);
    expect((await list(recruiter)).statusCode).toBe(403);
    expect((await decide(1, 'approve', organizer)).statusCode).toBe(403);
    expect((await decide(1, 'reject', admin)).statusCode).toBe(400);
  });
});
