import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/client.js';
import type { Log } from '../logger.js';
import { linkSigned, signLink } from './app-secrets.js';
import { isPersonalDomain } from './recruiter-domains.js';

/**
 * The one-click links of every relayed message, for the candidate: block this recruiter, block
 * everyone from this company (its work email domain), report abuse. A link is signed, not
 * stored: `<action>.<profile id>.<recruiter id>.<HMAC>`, so it works for as long as both exist.
 * It lands on a page that acts only when the candidate clicks there (a POST): mail scanners fetch
 * links, and a GET must change nothing.
 *
 * A reply quotes the mail, links included, to the recruiter: each link only acts on that
 * recruiter and that candidate, so holding them lets the recruiter block or report themselves,
 * nothing more.
 */

export const MESSAGE_ACTIONS = ['block-recruiter', 'block-company', 'report'] as const;
export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

/** Reports from this many different candidates since an account's last review suspend it until an admin looks. */
export const REPORTS_TO_SUSPEND = 3;

const KEY = 'message-action-links';
const SIGNED = /^(block-recruiter|block-company|report)\.(\d{1,10})\.(\d{1,10})\.([A-Za-z0-9_-]{43})$/;

const signed = (action: MessageAction, profileId: number, recruiterId: number) => `message-action:${action}:${profileId}:${recruiterId}`;

/** The page a link lands on: `PUBLIC_URL/message-action?token=…`. */
export async function messageActionLink(db: Executor, publicUrl: string, action: MessageAction, profileId: number, recruiterId: number): Promise<string> {
  const signature = await signLink(db, KEY, signed(action, profileId, recruiterId));
  return `${publicUrl}/message-action?token=${action}.${profileId}.${recruiterId}.${signature}`;
}

async function checkLink(db: Executor, token: string): Promise<{ action: MessageAction; profileId: number; recruiterId: number } | undefined> {
  const m = SIGNED.exec(token);
  if (!m) return undefined;
  const [action, profileId, recruiterId] = [m[1] as MessageAction, Number(m[2]), Number(m[3])];
  return (await linkSigned(db, KEY, signed(action, profileId, recruiterId), m[4]!)) ? { action, profileId, recruiterId } : undefined;
}

/**
 * Whether a candidate blocked this recruiter, or everyone of its work email domain. A recruiter
 * blocked on a company domain owns mailboxes there, or can get one: an account proven on the same
 * domain after the block is blocked too (a personal domain needs an admin's review to come back).
 */
export async function isBlocked(db: Executor, profileId: number, recruiter: { id: number; emailDomain: string | null }): Promise<boolean> {
  const company = recruiter.emailDomain && !isPersonalDomain(recruiter.emailDomain) ? recruiter.emailDomain : undefined;
  const row = await db
    .selectFrom('recruiter_blocks as b')
    .leftJoin('users as blocked', 'blocked.id', 'b.recruiter_id')
    .select('b.id')
    .where('b.profile_id', '=', profileId)
    .where((eb) =>
      eb.or([
        eb('b.recruiter_id', '=', recruiter.id),
        ...(recruiter.emailDomain ? [eb('b.email_domain', '=', recruiter.emailDomain)] : []),
        ...(company
          ? [eb.and([eb('blocked.email_domain', '=', company), eb('b.created_at', '<', eb.selectFrom('users').select(sql<Date>`coalesce(email_verified_at, created_at)`.as('since')).where('id', '=', recruiter.id))])]
          : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

const DONE: Record<MessageAction, string> = {
  'block-recruiter': 'Done: this recruiter can no longer write to you through Lifeline.',
  'block-company': 'Done: no one from this company can write to you through Lifeline any more.',
  report: 'Thank you: the Lifeline team will look at this recruiter, who can no longer write to you.',
};

/** POST /api/message-actions: does what the link says. Clicking twice is fine. */
export class MessageActionService {
  constructor(private readonly deps: { db: Db; log: Log }) {}

  async apply(token: string): Promise<{ action: MessageAction; message: string }> {
    const link = await checkLink(this.deps.db, token);
    if (!link) throw httpErrors.badRequest('body.token: This link is not valid. Check that you copied the whole link from the email.');
    const { action, profileId, recruiterId } = link;
    await this.deps.db.transaction().execute(async (trx) => {
      const recruiter = await trx
        .selectFrom('users')
        .select(['id', 'email_domain', 'recruiter_state'])
        .where('id', '=', recruiterId)
        .where('role', '=', 'recruiter')
        // Reports on one recruiter count one after another: two at once both see the other.
        .forUpdate()
        .executeTakeFirst();
      const profile = await trx.selectFrom('profiles').select('status').where('id', '=', profileId).executeTakeFirst();
      if (!recruiter || !profile || profile.status === 'removed') {
        throw httpErrors.gone('This link no longer works: the profile or the account it is about is gone.');
      }
      if (action === 'block-company') {
        if (!recruiter.email_domain || isPersonalDomain(recruiter.email_domain)) {
          throw httpErrors.badRequest('This recruiter writes from a personal address, not a company domain: block the recruiter instead.');
        }
        await trx
          .insertInto('recruiter_blocks')
          .values({ profile_id: profileId, email_domain: recruiter.email_domain })
          .onConflict((oc) => oc.columns(['profile_id', 'email_domain']).where('email_domain', 'is not', null).doNothing())
          .execute();
        return;
      }
      await trx
        .insertInto('recruiter_blocks')
        .values({ profile_id: profileId, recruiter_id: recruiterId })
        .onConflict((oc) => oc.columns(['profile_id', 'recruiter_id']).where('recruiter_id', 'is not', null).doNothing())
        .execute();
      if (action === 'report') await this.report(trx, profileId, recruiterId);
    });
    this.deps.log.info({ action, profileId, recruiterId }, 'a candidate acted on a relayed message');
    return { action, message: DONE[action] };
  }

  /** Records the report; the third from different candidates since the last review suspends the account. */
  private async report(trx: Executor, profileId: number, recruiterId: number): Promise<void> {
    await trx
      .insertInto('abuse_reports')
      .values({ profile_id: profileId, recruiter_id: recruiterId })
      .onConflict((oc) => oc.columns(['profile_id', 'recruiter_id']).doNothing())
      .execute();
    const suspended = await trx
      .updateTable('users as u')
      .set({ recruiter_state: 'suspended' })
      .where('u.id', '=', recruiterId)
      .where('u.recruiter_state', '=', 'verified')
      .where(
        (eb) =>
          eb
            .selectFrom('abuse_reports as r')
            .select(sql<number>`count(distinct r.profile_id)::int`.as('n'))
            .whereRef('r.recruiter_id', '=', 'u.id')
            .whereRef('r.created_at', '>', sql`coalesce(u.reviewed_at, '-infinity')`),
        '>=',
        REPORTS_TO_SUSPEND,
      )
      .executeTakeFirst();
    if (Number(suspended.numUpdatedRows) > 0) this.deps.log.warn({ recruiterId }, 'recruiter suspended by abuse reports, pending review');
  }
}
