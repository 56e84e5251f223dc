import { httpErrors } from '@fastify/sensible';
import type { Executor } from '../../db/client.js';
import type { Log } from '../logger.js';
import { contactMail } from '../mail/contact.js';
import type { Mailer } from '../mail/mailer.js';
import { cleanText, normalizeEmail } from '../../common/normalize/text.js';
import { MESSAGES_PER_CANDIDATE, takeLimit } from './limits.js';
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
 * Relays a recruiter's message to a published candidate by mail, with the recruiter's address as
 * Reply-To: the candidate's address is never shown, and only reaches the recruiter if they reply.
 * Each request is kept in contact_requests; `sent_at` stays empty when the mail could not leave.
 */
export class ContactService {
  constructor(private readonly deps: ContactDeps) {}

  /** POST /api/profiles/:slug/contact. */
  async send(slug: string, body: ContactBody): Promise<void> {
    const { from, text } = checkInput(body);
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
    const quota = await takeLimit(this.deps.db, { ...MESSAGES_PER_CANDIDATE, key: `profile:${profile.id}` });
    if (!quota.ok) {
      throw httpErrors.createError(
        429,
        `This person has already been sent ${MESSAGES_PER_CANDIDATE.max} messages through Lifeline today, the most we pass on in a day. Try again tomorrow.`,
        { headers: { 'retry-after': String(Math.ceil(quota.retryAfterMs / 1000)) } },
      );
    }

    const { id } = await this.deps.db
      .insertInto('contact_requests')
      .values({ profile_id: profile.id, from_name: from.name, from_email: from.email, company: from.company, message: text })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mail = contactMail({
      name: profile.name,
      from,
      message: text,
      profileUrl: `${this.deps.publicUrl}/p/${slug}`,
      manageUrl: `${this.deps.publicUrl}/manage`,
    });
    try {
      await this.deps.mailer.send({ to: profile.email, replyTo: from.email, ...mail });
    } catch (err) {
      // A MailSendError: says why, never to whom.
      this.deps.log.warn({ err }, 'a contact message could not be sent');
      throw httpErrors.createError(503, 'Your message could not be sent right now. Please try again in a few minutes.', { expose: true });
    }
    await this.deps.db.updateTable('contact_requests').set({ sent_at: new Date() }).where('id', '=', id).execute();
  }
}

/**
 * The body's text as it will be stored and mailed: one-line fields stay one line (no header
 * injection). A 400 naming the field otherwise.
 */
function checkInput(body: ContactBody): { from: { name: string; email: string; company: string | null }; text: string } {
  const name = cleanText(body.name, { max: 100 });
  if (!name.ok || !name.value) throw httpErrors.badRequest(`body.name ${name.ok ? 'is required' : name.reason}`);
  const email = normalizeEmail(body.email);
  if (!email) throw httpErrors.badRequest('body.email must be an address like you@company.com');
  const company = cleanText(body.company ?? '', { max: 120 });
  if (!company.ok) throw httpErrors.badRequest(`body.company ${company.reason}`);
  const message = cleanText(body.message, { max: CONTACT_MESSAGE_MAX, multiline: true });
  if (!message.ok) throw httpErrors.badRequest(`body.message ${message.reason}`);
  if (message.value.length < 20) throw httpErrors.badRequest('body.message must be at least 20 characters: say who you are and what role you have in mind');
  if ((message.value.match(LINK) ?? []).length > CONTACT_LINKS_MAX) {
    throw httpErrors.badRequest(`body.message may hold at most ${CONTACT_LINKS_MAX} links: keep the one to the role, and say the rest in words`);
  }
  return { from: { name: name.value, email, company: company.value || null }, text: message.value };
}
