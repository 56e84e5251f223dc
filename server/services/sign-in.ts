import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import type { SignInThrottleTable } from '../../db/schema.js';
import { limitKeyHash } from './limits.js';
import { AUTH_USER_COLUMNS, type AuthUser } from './auth-user.js';

/**
 * Sign-in with password guessing slowed down, per account, across every process on the database.
 *
 * Failures are counted per (account, client IP address) and per account, for any email, known
 * account or not, so that the answers never tell which accounts exist. After a few failures a
 * client waits before its next attempt on that account is even checked, and the wait doubles
 * with each failure, up to a cap; the wait is answered at once (429 with Retry-After), no
 * connection is held. A client's attempt is counted before its password is checked, and the
 * count taken only while the client is not waiting, so a burst of parallel guesses gets no more
 * checks than guesses one after another. A success clears the client's failures.
 *
 * A guess spread over many addresses meets the account's own count: a higher threshold and a
 * short cap. A client that signed in to the account recently is not held up by that count, only
 * by its own: whoever keeps an account's delay going does not lock its owner out.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** No wait after the first `freeFailures`; then `firstDelayMs`, doubling with each failure up to `maxDelayMs`. */
interface Backoff {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** One client on one account: 14 guesses in the first 17 minutes, then 4 an hour. */
const SIGN_IN_PER_CLIENT: Backoff = { freeFailures: 3, firstDelayMs: SECOND_MS, maxDelayMs: 15 * MINUTE_MS };
/** Every client together on one account: many addresses cannot hold the account shut for more than 2 minutes at a time. */
const SIGN_IN_PER_ACCOUNT: Backoff = { freeFailures: 20, firstDelayMs: SECOND_MS, maxDelayMs: 2 * MINUTE_MS };
/** Failures are forgotten this long after the last one. */
export const SIGN_IN_FAILURES_KEPT_MS = DAY_MS;
/** A client that signed in to an account within this time does not wait for the account's count. */
const SIGN_IN_KNOWN_CLIENT_MS = 30 * DAY_MS;

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's IP address, as Fastify sees it (`request.ip`). */
  ip: string;
  now?: Date;
}

type SignInResult =
  | { ok: true; user: AuthUser }
  | { ok: false; problem: 'wrong' }
  | { ok: false; problem: 'wait'; retryAfterMs: number };

type Scope = SignInThrottleTable['scope'];

export async function signIn(db: Executor, attempt: SignInAttempt): Promise<SignInResult> {
  const now = attempt.now ?? new Date();
  const account = attempt.email.toLowerCase();
  const keys = { account: limitKeyHash(account), client: limitKeyHash(`${account}\n${clientNetwork(attempt.ip)}`) };

  const waitMs = await waitBeforeCheck(db, keys, now);
  if (waitMs > 0) return { ok: false, problem: 'wait', retryAfterMs: waitMs };
  // Counted as failed before the password is checked (a success below clears it). Counting fails
  // when another attempt of this client's was counted since the look above: it waits after all.
  if (!(await countFailure(db, 'client', keys.client, SIGN_IN_PER_CLIENT, now))) {
    return { ok: false, problem: 'wait', retryAfterMs: Math.max(await waitBeforeCheck(db, keys, now), 1) };
  }
  const user = await checkPassword(db, attempt.email, attempt.password);
  if (!user) {
    await countFailure(db, 'account', keys.account, SIGN_IN_PER_ACCOUNT, now);
    return { ok: false, problem: 'wrong' };
  }
  await db
    .updateTable('sign_in_throttle')
    .set({ failures: 0, blocked_until: now, signed_in_at: now, expires_at: new Date(now.getTime() + SIGN_IN_KNOWN_CLIENT_MS) })
    .where('scope', '=', 'client')
    .where('key_hash', '=', keys.client)
    .execute();
  return { ok: true, user };
}

/** Verifying against this when the email is unknown keeps sign-in timing the same either way. */
let dummyHash: Promise<string> | undefined;

/** The user whose password this is, or undefined; the same work is done for an unknown email. */
async function checkPassword(db: Executor, email: string, password: string): Promise<AuthUser | undefined> {
  // No account's email holds a NUL, and Postgres could not compare one: the password check still runs.
  const row = email.includes('\0')
    ? undefined
    : await db
        .selectFrom('users as u')
        .select([...AUTH_USER_COLUMNS, 'u.password_hash'])
        .where(sql`lower(u.email)`, '=', sql`lower(${email})`)
        .executeTakeFirst();
  dummyHash ??= hash(randomBytes(32).toString('base64url'));
  const ok = await verify(row?.password_hash ?? (await dummyHash), password).catch(() => false);
  if (!row?.password_hash || !ok) return undefined;
  const { password_hash: _, ...user } = row;
  return user;
}

/**
 * What counts as one client: an IPv4 address, or an IPv6 /64. One subscriber holds a whole /64
 * and may pick any address in it (privacy extensions change it every day), so counting single
 * IPv6 addresses would give a guesser endless fresh starts and forget the owner's usual client.
 */
export function clientNetwork(ip: string): string {
  const address = ip.split('%')[0]!;
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/** How long this client must wait before an attempt on this account is checked; 0 for now. */
async function waitBeforeCheck(db: Executor, keys: { account: string; client: string }, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['scope', 'key_hash', 'blocked_until', 'signed_in_at'])
    .where('key_hash', 'in', [keys.account, keys.client])
    .execute();
  const client = rows.find((r) => r.scope === 'client' && r.key_hash === keys.client);
  const account = rows.find((r) => r.scope === 'account' && r.key_hash === keys.account);
  const known = client?.signed_in_at && client.signed_in_at.getTime() > now.getTime() - SIGN_IN_KNOWN_CLIENT_MS;
  const until = Math.max(client?.blocked_until.getTime() ?? 0, known ? 0 : (account?.blocked_until.getTime() ?? 0));
  return Math.max(0, until - now.getTime());
}

/**
 * Counts a failure for the key and sets the wait it earns, in one statement, unless the key is
 * still waiting (then nothing changes and it answers false). Failures past their keeping time
 * count as none, whether or not the sweep has deleted them yet.
 */
async function countFailure(db: Executor, scope: Scope, keyHash: string, backoff: Backoff, now: Date): Promise<boolean> {
  const earlier = sql<number>`(case when s.expires_at > ${now} then s.failures else 0 end)`;
  const waitAfter = (failures: unknown) => sql`(case when ${failures} <= ${backoff.freeFailures} then 0
    else least(${backoff.firstDelayMs} * power(2, least(${failures} - ${backoff.freeFailures} - 1, 40)), ${backoff.maxDelayMs}) end)
    * interval '1 millisecond'`;
  const keptUntil = new Date(now.getTime() + SIGN_IN_FAILURES_KEPT_MS);
  const { rows } = await sql`
    insert into sign_in_throttle as s (scope, key_hash, failures, blocked_until, expires_at)
    values (${scope}, ${keyHash}, 1, ${now}::timestamptz + ${waitAfter(sql`1`)}, ${keptUntil})
    on conflict (scope, key_hash) do update
      set failures = ${earlier} + 1,
          blocked_until = ${now}::timestamptz + ${waitAfter(sql`(${earlier} + 1)`)},
          expires_at = greatest(s.expires_at, ${keptUntil})
      where s.blocked_until <= ${now}
    returning true as counted`.execute(db);
  return rows.length > 0;
}
