import { httpErrors } from '@fastify/sensible';
import type { Executor } from '../../db/client.js';
import type { Log } from '../logger.js';
import { contactMail } from '../mail/contact.js';
import type { Mailer } from '../mail/mailer.js';
import { cleanText } from '../../common/normalize/text.js';
import { MESSAGES_PER_CANDIDATE, MESSAGES_PER_RECRUITER, takeLimit } from './limits.js';
import type { AuthUser } from './auth-user.js';
import { isBlocked, messageActionLink, type MessageAction } from './message-actions.js';
import { isPersonalDomain } from './recruiter-domains.js';
import { CONTACT_MESSAGE_MAX, type ContactBody } from '../schemas/contact.js';

interface ContactDeps {
  db: Executor;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
}

/** A message is a first contact: a link or two (the job, the company) and not a page of them. */
const CONTACT_LINKS_MAX = 2;
/** What a mail client turns into a link: a scheme or www. anywhere, or a bare domain with a path. */
const LINK = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*/gi;

/**
 * Relays a verified recruiter's message to a published candidate by mail, with the recruiter's
 * address as Reply-To: the candidate's address is never shown, and only reaches the recruiter if
 * they reply. Each request is kept in contact_requests; `sent_at` stays empty when the mail could
 * not leave.
 *
 * A message to a candidate who blocked the recruiter (or their company's domain) is dropped in
 * silence: the recruiter gets the same 202 as for a message that left, so a blocked stalker learns
 * nothing (not that they were blocked, not whether the person still reads mail). It still counts
 * against the recruiter's own daily quota, so the answers do not differ there either; it does not
 * count against the candidate's (a blocked sender must not use up what others may send), so a
 * blocked sender never meets that 429: a small difference, only visible on a day the candidate
 * was written to 3 times, and worth less than letting a stalker crowd everyone else out.
 */
export class ContactService {
  constructor(private readonly deps: ContactDeps) {}

  /** POST /api/profiles/:slug/contact, by a verified recruiter (requireRecruiter). */
  async send(sender: AuthUser, slug: string, body: ContactBody): Promise<void> {
    const text = checkMessage(body);
    const profile = await this.deps.db
      .selectFrom('profiles')
      .select(['id', 'name', 'email'])
      .where('slug', '=', slug)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (!profile) throw httpErrors.notFound(`No published profile "${slug}".`);
    // A bot filled the hidden field: it is told the message left, and nothing is stored or sent.
    if (body.website) return;
    if (!profile.email) throw httpErrors.conflict('This person has not left an address to be contacted at. Try their LinkedIn profile instead.');
    const recruiter = await this.deps.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'company', 'email_domain as emailDomain'])
      .where('id', '=', sender.id)
      .executeTakeFirstOrThrow();
    const own = await takeLimit(this.deps.db, { ...MESSAGES_PER_RECRUITER, key: `recruiter:${recruiter.id}` });
    if (!own.ok) {
      throw tooMany(own.retryAfterMs, `You have sent ${MESSAGES_PER_RECRUITER.max} messages through Lifeline in the last 24 hours, the most a recruiter can send.`);
    }
    if (await isBlocked(this.deps.db, profile.id, recruiter)) {
      this.deps.log.info({ recruiterId: recruiter.id, profileId: profile.id }, 'a message to a candidate who blocked its sender: dropped');
      return;
    }
    const quota = await takeLimit(this.deps.db, { ...MESSAGES_PER_CANDIDATE, key: `profile:${profile.id}` });
    if (!quota.ok) {
      throw tooMany(
        quota.retryAfterMs,
        `This person has already been sent ${MESSAGES_PER_CANDIDATE.max} messages through Lifeline in the last 24 hours, the most we pass on.`,
      );
    }

    const from = { name: recruiter.name ?? recruiter.email, company: recruiter.company ?? '', domain: recruiter.emailDomain ?? '' };
    const { id } = await this.deps.db
      .insertInto('contact_requests')
      .values({ profile_id: profile.id, recruiter_id: recruiter.id, from_name: from.name, from_email: recruiter.email, company: from.company, message: text })
      .returning('id')
      .executeTakeFirstOrThrow();
    const link = (action: MessageAction) => messageActionLink(this.deps.db, this.deps.publicUrl, action, profile.id, recruiter.id);
    const personalDomain = isPersonalDomain(from.domain);
    const mail = contactMail({
      name: profile.name,
      from: { ...from, personalDomain },
      message: text,
      profileUrl: `${this.deps.publicUrl}/p/${slug}`,
      manageUrl: `${this.deps.publicUrl}/manage`,
      links: {
        blockRecruiter: await link('block-recruiter'),
        blockCompany: personalDomain ? null : await link('block-company'),
        report: await link('report'),
      },
    });
    try {
      await this.deps.mailer.send({ to: profile.email, replyTo: recruiter.email, ...mail });
    } catch (err) {
      // A MailSendError: says why, never to whom.
      this.deps.log.warn({ err }, 'a contact message could not be sent');
      throw httpErrors.createError(503, 'Your message could not be sent right now. Please try again in a few minutes.', { expose: true });
    }
    await this.deps.db.updateTable('contact_requests').set({ sent_at: new Date() }).where('id', '=', id).execute();
  }
}

/** A 429 that says when to try again, in words and in Retry-After. */
function tooMany(retryAfterMs: number, why: string) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  // Rounded up to the minute, so that trying again then works.
  const at = new Date(Math.ceil((Date.now() + seconds * 1000) / 60_000) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  return httpErrors.createError(429, `${why} Try again after ${at} UTC (in ${waitText(seconds)}).`, {
    headers: { 'retry-after': String(seconds) },
  });
}

/** "40 minutes", "5 hours": rounded up. */
function waitText(seconds: number): string {
  const [count, unit] = seconds < 3600 ? [Math.ceil(seconds / 60), 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The message as it will be stored and mailed, or a 400 naming the field. */
function checkMessage(body: ContactBody): string {
  const message = cleanText(body.message, { max: CONTACT_MESSAGE_MAX, multiline: true });
  if (!message.ok) throw httpErrors.badRequest(`body.message ${message.reason}`);
  if (message.value.length < 20) throw httpErrors.badRequest('body.message must be at least 20 characters: say who you are and what role you have in mind');
  if ((message.value.match(LINK) ?? []).length > CONTACT_LINKS_MAX) {
    throw httpErrors.badRequest(`body.message may hold at most ${CONTACT_LINKS_MAX} links: keep the one to the role, and say the rest in words`);
  }
  return message.value;
}
