import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import type { AlertCadence, OutgoingMail } from '../../db/schema.js';
import { countryName } from '../../common/labels.js';
import { epochSeconds } from '../../search/profiles-index.js';
import type { ProfileSearchService } from '../../search/query.js';
import { parseSearchQueryString } from '../../search/query-string.js';
import type { SearchHit } from '../../search/schemas.js';
import type { Log } from '../logger.js';
import type { Mailer } from '../mail/mailer.js';
import { savedSearchAlertMail } from '../mail/saved-search-alert.js';
import { unsubscribeLinks } from './alert-links.js';
import { CADENCE_MS } from './saved-searches.js';

interface AlertDeps {
  db: Executor;
  profileSearch: ProfileSearchService;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
}

/** Saved searches claimed per transaction (and per Meilisearch multi-search). */
const BATCH = 50;
/** The most people one alert lists; the rest are behind its "see all" link. */
export const ALERT_LISTED = 20;
/** Hits fetched per search: room for people already sent, who are skipped. */
const FETCHED = 50;
/**
 * How far behind `now` the next high-water mark is set: a person confirmed just before the sweep
 * may reach the index a little later. The overlap finds people already listed again; the sent set
 * skips them.
 */
const INDEX_LAG_MS = 10 * 60 * 1000;
/** A recruiter this new gets no alerts yet (an account made to harvest the directory by mail). */
const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000;

interface Claimed {
  id: number;
  name: string;
  query: string;
  alert: AlertCadence;
  high_water_at: Date;
  email: string;
  user_name: string | null;
}

/**
 * One pass of saved-search alerts at `now` (the scheduled job): every search whose alert is due is
 * replayed with the people confirmed since its high-water mark, in batches claimed with
 * `FOR UPDATE SKIP LOCKED`. In the claiming transaction, each search with someone new gets its mail
 * written to the outbox (alert_mails) and its sent set grown, and every search gets its next due
 * time and high-water mark: a crash loses nothing and mails nothing twice, and two processes never
 * claim the same search. The outbox is then sent. Accounts not verified, or made less than a day
 * before, are rescheduled without a mail.
 */
export async function sweepSavedSearchAlerts(deps: AlertDeps, now: Date): Promise<Record<string, number>> {
  const counts = { due: 0, mailed: 0, nothingNew: 0, invalid: 0, held: 0, sent: 0 };
  counts.held = await holdIneligible(deps.db, now);
  for (;;) {
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('saved_searches as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id', 's.name', 's.query', 's.alert', 's.high_water_at', 'u.email', 'u.name as user_name'])
        .where('s.alert_due_at', '<=', now)
        .where('u.recruiter_state', '=', 'verified')
        .where('u.created_at', '<=', new Date(now.getTime() - NEW_ACCOUNT_MS))
        .orderBy('s.alert_due_at')
        .limit(BATCH)
        .forUpdate('s')
        .skipLocked()
        .execute();
      if (rows.length > 0) await alertBatch(deps, trx, rows, now, counts);
      return rows.length;
    });
    counts.due += claimed;
    if (claimed < BATCH) break;
  }
  counts.sent = await sendAlertMails(deps);
  return counts;
}

/** Due searches of recruiters who may not get alerts now: their next turn, without a mail. */
async function holdIneligible(db: Executor, now: Date): Promise<number> {
  const { numUpdatedRows } = await db
    .updateTable('saved_searches as s')
    .from('users as u')
    .set({ alert_due_at: sql`${now}::timestamptz + case s.alert when 'daily' then interval '1 day' else interval '7 days' end` })
    .whereRef('u.id', '=', 's.user_id')
    .where('s.alert_due_at', '<=', now)
    .where((eb) => eb.or([eb('u.recruiter_state', '!=', 'verified'), eb('u.created_at', '>', new Date(now.getTime() - NEW_ACCOUNT_MS))]))
    .executeTakeFirst();
  return Number(numUpdatedRows);
}

async function alertBatch(deps: AlertDeps, trx: Executor, rows: Claimed[], now: Date, counts: Record<string, number>): Promise<void> {
  const queries = rows.map((r) => {
    try {
      return parseSearchQueryString(r.query);
    } catch {
      return undefined;
    }
  });
  const runnable = rows.flatMap((r, i) => (queries[i] ? [{ row: r, query: queries[i] }] : []));
  const results = await deps.profileSearch.newMatches(
    runnable.map(({ row, query }) => ({ query, since: epochSeconds(row.high_water_at) })),
    FETCHED,
  );
  const found = new Map(runnable.map(({ row, query }, i) => [row.id, { query, result: results[i] }]));

  // Profile ids of every hit, published now (the index may lag a removal), and who was sent already.
  const slugs = [...new Set(results.flatMap((r) => r?.hits.map((h) => h.slug) ?? []))];
  const profiles = slugs.length
    ? await trx.selectFrom('profiles').select(['id', 'slug']).where('slug', 'in', slugs).where('status', '=', 'published').execute()
    : [];
  const idOf = new Map(profiles.map((p) => [p.slug, p.id]));
  const sent = profiles.length
    ? await trx
        .selectFrom('saved_search_sent')
        .select(['saved_search_id', 'profile_id'])
        .where('saved_search_id', 'in', rows.map((r) => r.id))
        .where('profile_id', 'in', profiles.map((p) => p.id))
        .execute()
    : [];
  const wasSent = new Set(sent.map((s) => `${s.saved_search_id}:${s.profile_id}`));

  const newMark = new Date(now.getTime() - INDEX_LAG_MS);
  for (const row of rows) {
    const { query, result } = found.get(row.id) ?? {};
    const fresh = (result?.hits ?? []).filter((h) => idOf.has(h.slug) && !wasSent.has(`${row.id}:${idOf.get(h.slug)}`));
    const listed = fresh.slice(0, ALERT_LISTED);
    if (!query || !result) counts.invalid!++;
    else if (listed.length === 0) counts.nothingNew!++;
    else {
      counts.mailed!++;
      await trx
        .insertInto('saved_search_sent')
        .values(listed.map((h) => ({ saved_search_id: row.id, profile_id: idOf.get(h.slug)!, sent_at: now })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      // Everyone fetched minus those skipped as sent: the new people in all, as "see all" will show them.
      const total = Math.max(listed.length, result.total - (result.hits.length - fresh.length));
      const mail = await alertMail(deps, row, listed, total);
      await trx
        .insertInto('alert_mails')
        .values({ saved_search_id: row.id, mail: JSON.stringify(mail), profile_ids: listed.map((h) => idOf.get(h.slug)!) })
        .execute();
    }
    const cadence = row.alert === 'off' ? 'weekly' : row.alert;
    await trx
      .updateTable('saved_searches')
      .set({
        alert_due_at: new Date(now.getTime() + CADENCE_MS[cadence]),
        high_water_at: sql`greatest(high_water_at, ${newMark}::timestamptz)`,
        ...(listed.length > 0 ? { last_alerted_at: now } : {}),
      })
      .where('id', '=', row.id)
      .execute();
  }
}

/** "Staff Engineer · Berlin, Germany · formerly Meta" */
function detailOf(h: SearchHit): string {
  const place = [h.city, h.country ? countryName(h.country) : null].filter(Boolean).join(', ');
  return [h.headline ?? h.role, place, h.formerEmployer ? `formerly ${h.formerEmployer.name}` : null].filter(Boolean).join(' · ');
}

async function alertMail(deps: AlertDeps, row: Claimed, listed: SearchHit[], total: number): Promise<OutgoingMail> {
  const { publicUrl } = deps;
  // The app's pool, not the batch's transaction: its key is then read once per process.
  const links = await unsubscribeLinks(deps.db, row.id, publicUrl);
  const params = new URLSearchParams(row.query);
  params.delete('page');
  params.set('since', String(epochSeconds(row.high_water_at)));
  params.set('saved', String(row.id));
  const rendered = savedSearchAlertMail({
    recruiterName: row.user_name,
    searchName: row.name,
    cadence: row.alert === 'daily' ? 'daily' : 'weekly',
    since: row.high_water_at,
    total,
    people: listed.map((h) => ({ name: h.name, detail: detailOf(h), url: `${publicUrl}/p/${h.slug}` })),
    seeAllUrl: `${publicUrl}/?${params.toString().replace(/%2C/gi, ',')}`,
    workspaceUrl: `${publicUrl}/workspace`,
    unsubscribeUrl: links.page,
  });
  return {
    to: row.email,
    ...rendered,
    headers: { 'List-Unsubscribe': `<${links.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/**
 * Sends the alert outbox: each mail is deleted in the transaction that locked it, once sent. A mail
 * that cannot leave stays for the next pass (the rest wait with it: SMTP is down for all).
 */
export async function sendAlertMails(deps: Pick<AlertDeps, 'db' | 'mailer' | 'log'>): Promise<number> {
  let sent = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const mails = await trx.selectFrom('alert_mails').select(['id', 'mail']).orderBy('id').limit(BATCH).forUpdate().skipLocked().execute();
      for (const { id, mail } of mails) {
        try {
          await deps.mailer.send(mail);
        } catch (err) {
          deps.log.warn({ err }, 'an alert mail could not be sent; it is sent on a later pass');
          return { count: 0, more: false };
        }
        await trx.deleteFrom('alert_mails').where('id', '=', id).execute();
        sent++;
      }
      return { count: mails.length, more: mails.length === BATCH };
    });
    if (!done.more) break;
  }
  return sent;
}
