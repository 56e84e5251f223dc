import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/client.js';
import { enqueue } from '../../db/outbox.js';
import type { Log } from '../logger.js';
import { hiddenAsStaleMail, stillLookingMail } from '../mail/freshness.js';
import type { RenderedMail } from '../mail/layout.js';
import type { Mailer } from '../mail/mailer.js';
import { removalLink, removeProfile } from './removal.js';
import { TOKEN_PROBLEMS, checkToken, issueToken } from './tokens.js';

interface FreshnessDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
  confirmAfterDays: number;
  hideAfterDays: number;
}

/** What a one-click answer did, in words for the person who clicked. */
export interface FreshnessOutcome {
  status: 'listed' | 'hired';
  message: string;
}

const LISTED = 'Thanks! Your profile is listed: recruiters see that you confirmed it today.';
const HIRED =
  'Your profile has left search, and your lists count you among the people who found work. Looking again one day? The "Keep me listed" link brings it back.';

const BATCH = 200;
/**
 * Batches of one kind per pass. A list of 100k imported at once comes due at once; its mails go
 * out 2,000 a pass (8 to 17 s with the dev mailbox among 100k profiles, on a shared 2-core
 * machine; a pass with nothing due takes 40 to 90 ms), so the other scheduled jobs still run.
 */
const BATCHES_PER_PASS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A hired profile is kept this long, so that its owner can come back in one click; then it is erased. */
const HIRED_KEPT = '12 months';

/** When profile `p` was last confirmed: its confirmation, else its publication (as the search document says). */
const CONFIRMED = sql<Date>`coalesce(p.last_confirmed_at, p.published_at, p.updated_at)`;

type Mail = RenderedMail & { to: string };

/**
 * Keeps the directory fresh (DESIGN.md, "Freshness"): a profile confirmed `confirmAfterDays` ago
 * gets one "Still looking?" mail; unanswered `hideAfterDays` later, it is hidden as stale. People
 * without an email follow their lists instead: hidden once no import of their lists has included
 * them for both periods together. "I found a job" hides a profile as hired and counts it on its
 * lists and its employer; a year later the profile is erased and the counts stay.
 *
 * The links of its mails are 'confirm' tokens that are not used up: "keep me listed" may be clicked
 * again (from the reminder, then from the hidden notice), and "I found a job" after it, or the
 * other way round. They stand for one profile and can do only these two things to it, both undone
 * by the other; they show nothing of the profile and open no session.
 */
export class FreshnessService {
  constructor(private readonly deps: FreshnessDeps) {}

  /** POST /api/profiles/confirm: "keep me listed", from a mail. */
  async confirmByToken(token: string): Promise<FreshnessOutcome> {
    await this.deps.db.transaction().execute(async (trx) => keepListed(trx, await tokenProfile(trx, token), { byLink: true }));
    return { status: 'listed', message: LISTED };
  }

  /** POST /api/profiles/hired: "I found a job", from a mail. */
  async hiredByToken(token: string): Promise<FreshnessOutcome> {
    await this.deps.db.transaction().execute(async (trx) => markHired(trx, await tokenProfile(trx, token), { byLink: true }));
    return { status: 'hired', message: HIRED };
  }

  /** The manage page's "Keep me listed" / "I am looking again". */
  async confirmOwn(profileId: number): Promise<void> {
    await this.deps.db.transaction().execute((trx) => keepListed(trx, profileId));
  }

  /** The manage page's "I found a job". */
  async hiredOwn(profileId: number): Promise<void> {
    await this.deps.db.transaction().execute((trx) => markHired(trx, profileId));
  }

  /** One pass at `now`: reminders, hiding, and erasing hired profiles after a year, in batches. */
  async sweep(now: Date): Promise<Record<string, number>> {
    const counts = { reminded: 0, hidden: 0, hiddenWithoutEmail: 0, erased: 0 };
    counts.reminded = await this.inBatches(() => this.remindBatch(now));
    counts.hidden = await this.inBatches(() => this.hideBatch(now));
    counts.hiddenWithoutEmail = await this.inBatches(() => this.hideWithoutEmailBatch(now));
    counts.erased = await this.inBatches(() => this.eraseHiredBatch(now));
    return counts;
  }

  /**
   * Runs `batch` until it finds less than a full batch, at most BATCHES_PER_PASS times; each
   * claims its rows and commits before its mail goes out.
   */
  private async inBatches(batch: () => Promise<{ count: number; mails: Mail[] }>): Promise<number> {
    let total = 0;
    for (let n = 0; n < BATCHES_PER_PASS; n++) {
      const { count, mails } = await batch();
      total += count;
      await this.send(mails);
      if (count < BATCH) break;
    }
    return total;
  }

  /**
   * The profiles due a reminder, claimed by setting `reminded_at` in the statement that picks
   * them (SKIP LOCKED: two sweeps take different rows), so nobody is reminded twice in a cycle.
   */
  private remindBatch(now: Date) {
    return this.deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number; name: string; email: string; confirmed: Date }>`
        update profiles p set reminded_at = ${now}
        from (select id from profiles p
              where status = 'published' and email is not null and reminded_at is null
                and ${CONFIRMED} <= ${now}::timestamptz - make_interval(days => ${this.deps.confirmAfterDays})
              order by ${CONFIRMED}, id limit ${BATCH} for update skip locked) due
        where p.id = due.id
        returning p.id, p.name, p.email, ${CONFIRMED} as confirmed`.execute(trx);
      const mails: Mail[] = [];
      for (const row of rows) {
        const confirmedDaysAgo = Math.floor((now.getTime() - new Date(row.confirmed).getTime()) / DAY_MS);
        const links = await this.links(trx, row.id);
        mails.push({ to: row.email, ...stillLookingMail({ name: row.name, ...links, confirmedDaysAgo, hideAfterDays: this.deps.hideAfterDays }) });
      }
      return { count: rows.length, mails };
    });
  }

  /** Reminded `hideAfterDays` ago and not confirmed since (a confirmation clears `reminded_at`): hidden as stale. */
  private hideBatch(now: Date) {
    return this.deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number; name: string; email: string }>`
        update profiles p set status = 'hidden', hidden_reason = 'stale', updated_at = now()
        from (select id from profiles
              where status = 'published' and email is not null
                and reminded_at <= ${now}::timestamptz - make_interval(days => ${this.deps.hideAfterDays})
              order by reminded_at, id limit ${BATCH} for update skip locked) due
        where p.id = due.id
        returning p.id, p.name, p.email`.execute(trx);
      await enqueue(trx, rows.map((r) => r.id));
      const mails: Mail[] = [];
      for (const row of rows) mails.push({ to: row.email, ...hiddenAsStaleMail({ name: row.name, ...(await this.links(trx, row.id)) }) });
      return { count: rows.length, mails };
    });
  }

  /**
   * People without an email cannot be asked: they stay listed while their lists do. Hidden once
   * neither their confirmation (the import that published them) nor the last import of any of
   * their lists that included them is more recent than both periods together. Only those confirmed
   * that long ago have their lists looked at.
   */
  private hideWithoutEmailBatch(now: Date) {
    const days = this.deps.confirmAfterDays + this.deps.hideAfterDays;
    return this.deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number }>`
        update profiles p set status = 'hidden', hidden_reason = 'stale', updated_at = now()
        from (select id from profiles p
              where status = 'published' and email is null
                and ${CONFIRMED} <= ${now}::timestamptz - make_interval(days => ${days})
                and not exists (select 1 from profile_lists pl
                                where pl.profile_id = p.id and pl.seen_at > ${now}::timestamptz - make_interval(days => ${days}))
              order by ${CONFIRMED}, id limit ${BATCH} for update skip locked) due
        where p.id = due.id
        returning p.id`.execute(trx);
      await enqueue(trx, rows.map((r) => r.id));
      return { count: rows.length, mails: [] };
    });
  }

  /** Hired a year ago and not back since: erased like a removal. The hires stay counted (see `hires`). */
  private eraseHiredBatch(now: Date) {
    return this.deps.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('profiles')
        .select('id')
        .where('status', '=', 'hidden')
        .where('hidden_reason', '=', 'hired')
        .where('hired_at', '<=', sql<Date>`${now}::timestamptz - ${HIRED_KEPT}::interval`)
        .orderBy('hired_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const { id } of rows) await removeProfile(trx, id);
      return { count: rows.length, mails: [] };
    });
  }

  private async links(trx: Executor, profileId: number) {
    const token = await issueToken(trx, profileId, 'confirm');
    return {
      confirmUrl: `${this.deps.publicUrl}/confirm?token=${token}`,
      hiredUrl: `${this.deps.publicUrl}/hired?token=${token}`,
      removalUrl: await removalLink(trx, profileId, this.deps.publicUrl),
    };
  }

  private async send(mails: Mail[]): Promise<void> {
    for (const { to, ...mail } of mails) {
      // A MailSendError says why, never to whom; the claim stays, so nobody gets the mail twice.
      await this.deps.mailer.send({ to, ...mail }).catch((err: unknown) => this.deps.log.error({ err }, 'a freshness mail could not be sent'));
    }
  }
}

/** The profile a confirm link stands for: 400 when unknown, 410 when expired. */
async function tokenProfile(db: Executor, token: string): Promise<number> {
  const check = await checkToken(db, token, 'confirm', { consume: false });
  if (check.ok) return check.profileId;
  const message = `body.token: ${TOKEN_PROBLEMS[check.reason]}`;
  throw check.reason === 'unknown' ? httpErrors.badRequest(message) : httpErrors.gone(message);
}

/**
 * Locks a profile its owner answers for; a removed one is gone, a pending one has nothing to
 * confirm. A mailed link (`byLink`) does not answer for a profile its owner hid: it outlives the
 * mail's reading (90 days, not used up), and whoever once read that mail must not put someone who
 * hid back in search (nor mark them hired, which the link's "keep me listed" would then undo).
 * Only the owner's session (the manage page) does.
 */
async function ownedProfile(trx: Executor, profileId: number, { byLink = false } = {}) {
  const row = await trx
    .selectFrom('profiles')
    .select(['status', 'hidden_reason'])
    .where('id', '=', profileId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.status === 'removed') throw httpErrors.gone('This profile was removed: there is nothing left to list. You can join again with the form.');
  if (row.status === 'pending') throw httpErrors.conflict('This profile is not published yet: click the link in the confirmation email first.');
  if (byLink && row.status === 'hidden' && row.hidden_reason === 'owner') {
    throw httpErrors.conflict('You hid this profile yourself, so this link cannot change it: open your manage page (/manage) instead.');
  }
  return row;
}

/**
 * "Keep me listed": the profile is confirmed now and published, whatever hid it (the owner, the
 * sweep, a job), and a new cycle starts. Coming back after "I found a job" takes the hire back:
 * the lists count the people who found work and stayed away.
 */
export async function keepListed(trx: Executor, profileId: number, { byLink = false } = {}): Promise<void> {
  const row = await ownedProfile(trx, profileId, { byLink });
  if (row.status === 'hidden' && row.hidden_reason === 'hired') await trx.deleteFrom('hires').where('profile_id', '=', profileId).execute();
  await trx
    .updateTable('profiles')
    .set({
      status: 'published',
      hidden_reason: null,
      hired_at: null,
      reminded_at: null,
      last_confirmed_at: sql`now()`,
      // The answer came from a link mailed to the address, or a session opened with one.
      email_verified_at: sql`coalesce(email_verified_at, now())`,
      updated_at: sql`now()`,
    })
    .where('id', '=', profileId)
    .execute();
  await enqueue(trx, profileId);
}

/** "I found a job": out of search at once, counted once on each of its lists and its former employer. */
export async function markHired(trx: Executor, profileId: number, { byLink = false } = {}): Promise<void> {
  const row = await ownedProfile(trx, profileId, { byLink });
  if (row.status === 'hidden' && row.hidden_reason === 'hired') return;
  await trx
    .updateTable('profiles')
    .set({
      status: 'hidden',
      hidden_reason: 'hired',
      hired_at: sql`now()`,
      reminded_at: null,
      email_verified_at: sql`coalesce(email_verified_at, now())`,
      updated_at: sql`now()`,
    })
    .where('id', '=', profileId)
    .execute();
  await sql`
    insert into hires (profile_id, list_id, employer_id, hired_at)
    select p.id, pl.list_id, p.former_employer_id, p.hired_at
    from profiles p left join profile_lists pl on pl.profile_id = p.id
    where p.id = ${profileId}`.execute(trx);
  await enqueue(trx, profileId);
}
