import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';

/**
 * Limits per target (mails to one address, messages to one candidate), kept in Postgres so that
 * they hold across every process on the database, unlike the per-client limits of
 * plugins/external/rate-limit.ts, which each process counts in its own memory.
 *
 * Each (scope, key) has one row holding the times of its hits inside the window: a sliding log,
 * so "at most 5 an hour" means at most 5 in any hour, not 10 across the turn of a fixed window.
 * The row never holds more than `max` times. One upsert takes a hit or refuses: Postgres locks
 * the row for the statement, so concurrent takes on one key queue behind each other and each sees
 * the hits before it. Keys are stored as sha256 hashes, so no address sits in the table.
 */

/** What is limited: at most `max` hits per `windowMs` for each key of `scope`. */
export interface LimitRule {
  /** Names what is counted, e.g. 'manage-link'; rules with different scopes never share a count. */
  scope: string;
  max: number;
  windowMs: number;
}

type LimitResult = { ok: true } | { ok: false; retryAfterMs: number };

const HOUR_MS = 60 * 60 * 1000;

/**
 * Mails that anyone can cause to one address (the Join form's confirmation or "already listed"
 * mail, a manage link), whoever asks: one count for all of them, so no door is left open.
 */
export const MAILS_PER_ADDRESS: LimitRule = { scope: 'mail-to-address', max: 5, windowMs: HOUR_MS };

/** Messages one recruiter may have relayed a day, to everyone together. */
export const MESSAGES_PER_RECRUITER: LimitRule = { scope: 'contact-recruiter', max: 20, windowMs: 24 * HOUR_MS };

/** Messages relayed to one candidate (POST /api/profiles/:slug/contact), however many senders write. */
export const MESSAGES_PER_CANDIDATE: LimitRule = { scope: 'contact', max: 3, windowMs: 24 * HOUR_MS };

/** The hash a key is stored as: what it is (an address, an id) never reaches the table. */
export const limitKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Counts one hit for `key` under `rule` at `now` (default: this process's clock), unless `max`
 * hits already fell in the window before it: then nothing is counted, and `retryAfterMs` says
 * when the oldest of them leaves the window. A refused take does not count, so a flood never
 * pushes the next allowed moment further away.
 */
export async function takeLimit(db: Executor, take: LimitRule & { key: string; now?: Date }): Promise<LimitResult> {
  const { scope, key, max, windowMs, now = new Date() } = take;
  if (!scope || !Number.isInteger(max) || max < 1 || !Number.isInteger(windowMs) || windowMs < 1) {
    throw new RangeError(`takeLimit needs a scope, and a max and windowMs that are whole numbers of at least 1 (got ${scope}, ${max}, ${windowMs})`);
  }
  const keyHash = limitKeyHash(key);
  const since = new Date(now.getTime() - windowMs);
  const expiresAt = new Date(now.getTime() + windowMs);
  // No row back: the update's condition failed (the window is full) and nothing was written.
  const { rows } = await sql<{ taken: boolean }>`
    insert into limit_hits as l (scope, key_hash, hits, expires_at)
    values (${scope}, ${keyHash}, array[${now}::timestamptz], ${expiresAt})
    on conflict (scope, key_hash) do update
      set hits = array(select h from unnest(l.hits) as h where h > ${since}) || ${now}::timestamptz,
          expires_at = greatest(l.expires_at, ${expiresAt})
      where (select count(*) from unnest(l.hits) as h where h > ${since}) < ${max}
    returning true as taken`.execute(db);
  if (rows.length > 0) return { ok: true };

  const row = await db
    .selectFrom('limit_hits')
    .select('hits')
    .where('scope', '=', scope)
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
  const recent = (row?.hits ?? [])
    .map((hit) => hit.getTime())
    .filter((time) => time > since.getTime())
    .sort((a, b) => a - b);
  // The hit whose leaving the window brings the count under max. Gone already (hits left the
  // window between the two statements): the caller may try again at once.
  const freeing = recent[recent.length - max];
  return { ok: false, retryAfterMs: freeing === undefined ? 0 : freeing + windowMs - now.getTime() };
}

/**
 * Deletes the rows of per-target limits that count no more: hits that all left their window, and
 * sign-in failures past their keeping time (services/sign-in.ts). For the minute sweep; safe to
 * run anywhere, twice.
 */
export async function sweepLimits(db: Executor, now: Date): Promise<number> {
  const hits = await db.deleteFrom('limit_hits').where('expires_at', '<=', now).executeTakeFirst();
  const signIns = await db.deleteFrom('sign_in_throttle').where('expires_at', '<=', now).executeTakeFirst();
  return Number(hits.numDeletedRows) + Number(signIns.numDeletedRows);
}
