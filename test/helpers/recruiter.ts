import { randomBytes } from 'node:crypto';
import type { RecruiterState } from '../../db/schema.js';
import { createUser, issueApiToken } from '../../server/services/users.js';
import type { TestApp } from './app.js';
import { mailedToken } from './opt-in.js';

let counter = 0;

/**
 * A recruiter account in the given state (verified by default), made straight in the database,
 * with an API token: for tests of what recruiters may do, not of how they sign up.
 */
export async function createRecruiter(
  t: TestApp,
  state: RecruiterState = 'verified',
  fields: { email?: string; name?: string; company?: string; password?: string } = {},
) {
  const n = ++counter;
  const email = fields.email ?? `recruiter${n}-${Date.now()}@hiring-co${n}.example`;
  const user = await createUser(t.app.db, {
    email,
    role: 'recruiter',
    name: fields.name ?? `Rita Recruiter ${n}`,
    company: fields.company ?? `Hiring Co ${n}`,
    password: fields.password,
    recruiterState: state,
  });
  const token = await issueApiToken(t.app.db, user.id);
  return { user, token, auth: { authorization: `Bearer ${token}` } };
}

/** A complete, valid recruiter sign-up with an address of its own on `domain`. */
export function signUpForm(domain = 'acme-hiring.example', overrides: Record<string, unknown> = {}) {
  return {
    name: 'Rita Recruiter',
    email: `rita.${randomBytes(4).toString('hex')}@${domain}`,
    company: 'Acme',
    password: 'a long enough password',
    ...overrides,
  };
}

/** Signs up, clicks the mailed link and signs in: a recruiter's session cookie and CSRF token, and the state the link gave. */
export async function signedUpRecruiter(t: TestApp, domain?: string) {
  const form = signUpForm(domain);
  const res = await t.app.inject({ method: 'POST', url: '/api/recruiters', payload: form });
  if (res.statusCode !== 202) throw new Error(`sign-up failed: ${res.body}`);
  const token = await mailedToken(t.app, form.email, '/recruiter/verify');
  const verified = await t.app.inject({ method: 'POST', url: '/api/recruiters/verify', payload: { token, password: form.password } });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
  const session = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: form.email, password: form.password } });
  if (session.statusCode !== 200) throw new Error(`sign-in failed: ${session.body}`);
  const cookie = String(session.headers['set-cookie']).split(';')[0]!;
  return { form, state: (verified.json() as { state: string }).state, headers: { cookie, 'x-csrf-token': (session.json() as { csrfToken: string }).csrfToken } };
}
