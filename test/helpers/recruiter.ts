import type { RecruiterState } from '../../db/schema.js';
import { createUser, issueApiToken } from '../../server/services/users.js';
import type { TestApp } from './app.js';

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
