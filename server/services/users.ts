import { createHash, randomBytes } from 'node:crypto';
import { httpErrors } from '@fastify/sensible';
import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import type { RecruiterState, UserRole } from '../../db/schema.js';
import { AUTH_USER_COLUMNS, type AuthUser } from './auth-user.js';
import { emailDomain } from './recruiter-domains.js';
import { signIn, type SignInAttempt } from './sign-in.js';


export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

export class UserExistsError extends Error {}

export async function createUser(
  db: Executor,
  input: {
    email: string;
    role: UserRole;
    name?: string | null;
    password?: string | null;
    /** Recruiters only. */
    company?: string | null;
    recruiterState?: RecruiterState;
  },
): Promise<AuthUser> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) throw new UserExistsError(`A user with the email ${input.email} already exists.`);
  return db
    .insertInto('users')
    .values({
      email: input.email,
      role: input.role,
      name: input.name ?? null,
      password_hash: input.password ? await hash(input.password) : null,
      company: input.company ?? null,
      email_domain: input.role === 'recruiter' ? emailDomain(input.email) : null,
      recruiter_state: input.role === 'recruiter' ? (input.recruiterState ?? 'unverified') : null,
    })
    .returning(['id', 'email', 'name', 'role', 'company', 'recruiter_state as recruiterState'])
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(db: Executor, email: string): Promise<AuthUser | undefined> {
  return db
    .selectFrom('users as u')
    .select(AUTH_USER_COLUMNS)
    .where(sql`lower(u.email)`, '=', sql`lower(${email})`)
    .executeTakeFirst();
}

/** A new API token for scripts (`Authorization: Bearer …`); only its hash is stored. */
export async function issueApiToken(db: Executor, userId: number, label: string | null = null): Promise<string> {
  const token = `llt_${secret()}`;
  await db.insertInto('api_tokens').values({ user_id: userId, token_hash: sha256(token), label }).execute();
  return token;
}

export async function userForApiToken(db: Executor, token: string): Promise<AuthUser | undefined> {
  const row = await db
    .updateTable('api_tokens as t')
    .set({ last_used_at: sql`now()` })
    .from('users as u')
    .whereRef('u.id', '=', 't.user_id')
    .where('t.token_hash', '=', sha256(token))
    .returning(AUTH_USER_COLUMNS)
    .executeTakeFirst();
  return row;
}

interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

async function createSession(db: Executor, userId: number): Promise<NewSession> {
  const session = { token: secret(), csrfToken: secret(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) };
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(session.token), user_id: userId, csrf_token: session.csrfToken, expires_at: session.expiresAt })
    .execute();
  return session;
}

export async function userForSession(db: Executor, token: string): Promise<(AuthUser & { csrfToken: string }) | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([...AUTH_USER_COLUMNS, 's.csrf_token as csrfToken'])
    .where('s.token_hash', '=', sha256(token))
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

/** Signing in and out of an account (who a request's user is: plugins/auth.ts). */
export class UserService {
  constructor(private readonly db: Executor) {}

  /**
   * POST /api/auth/sign-in: the user and a new session. 429 with retry-after while this client
   * must wait before its next attempt on the account is even checked; 401 for a wrong pair.
   */
  async signIn(attempt: SignInAttempt): Promise<{ user: AuthUser; session: NewSession }> {
    const result = await signIn(this.db, attempt);
    if (!result.ok && result.problem === 'wait') {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      throw httpErrors.createError(
        429,
        `Too many failed sign-ins to this account: this one was not checked. Try again in ${duration(seconds)}.`,
        { headers: { 'retry-after': String(seconds) } },
      );
    }
    if (!result.ok) throw httpErrors.unauthorized('That email and password do not match a Lifeline account. Check both and try again.');
    return { user: result.user, session: await createSession(this.db, result.user.id) };
  }

  /** POST /api/auth/sign-out: ends the session of this cookie. */
  signOut(sessionToken: string): Promise<void> {
    return deleteSession(this.db, sessionToken);
  }
}

/** "1 second", "40 seconds", "15 minutes": rounded up, so that trying again then works. */
function duration(seconds: number): string {
  const [count, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
