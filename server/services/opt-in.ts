import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { CONSENT_VERSION } from '../consent.js';
import type { Db, Executor } from '../db/client.js';
import type { NewProfile } from '../db/schema.js';
import type { Log } from '../logger.js';
import { linkedinTakenMail } from '../mail/linkedin-taken.js';
import { manageLinkMail } from '../mail/manage-link.js';
import type { RenderedMail } from '../mail/layout.js';
import type { Mailer } from '../mail/mailer.js';
import { verifyMail } from '../mail/verify.js';
import { resolveEmployer } from './employers.js';
import { checkEmail, normalizeProfileFields, type FieldErrors, type ProfileFields } from '../normalize/profile-fields.js';
import { slugify } from '../normalize/text.js';
import { suppressedAmong, suppressionHashes } from '../privacy/suppression.js';
import type { CreateProfileBody, OwnProfile, PublicProfile, UpdateProfileBody } from '../schemas/profiles.js';
import { ClientError, fieldErrors } from './client-error.js';
import { profileRows, profileUrl, toPublicProfile, type ProfileRow } from './public-profile.js';
import { removalLink, removeProfile } from './removal.js';
import { TOKEN_PROBLEMS, TOKEN_TTL_MS, checkToken, issueToken, revokeTokens, type TokenCheck } from './tokens.js';

export interface OptInDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
}

type Mail = RenderedMail & { to: string; template: string };

/** What every opt-in answers, whatever happened: no one learns from it whether an address is listed. */
export const OPT_IN_ACCEPTED =
  'Thanks! Check your inbox: we sent you a link to confirm your address. Your profile is published once you click it.';
export const MANAGE_LINK_SENT =
  'If this address has a Lifeline profile, a link to manage it is on its way. Check your inbox (and spam folder).';

export const PROFILE_REMOVED = 'Your profile is removed: your data is erased and it has left search.';

const WRITE_ATTEMPTS = 3;
const UNIQUE_VIOLATION = '23505';

/**
 * The candidate's own door: opt in, confirm, get a manage link, edit, hide, remove. Mail goes
 * out after the transaction committed and without holding up the answer (so its timing does not
 * tell whether an address is known either); a failed mail is logged, never the write undone.
 */
export class OptInService {
  private readonly sending = new Set<Promise<void>>();

  constructor(private readonly deps: OptInDeps) {}

  /** POST /api/profiles. Resolves the same way for a new, a known and a suppressed address. */
  async create(body: CreateProfileBody): Promise<void> {
    if (body.website2) {
      this.deps.log.info('opt-in honeypot filled: ignored');
      return;
    }
    const { value: fields, errors } = normalizeProfileFields(body);
    const email = checkEmail(body.email);
    const problems: FieldErrors = { ...errors };
    if (!email.ok) problems.email = email.reason;
    if (body.consent !== true) problems.consent = 'must be true: tick the box to agree to be listed';
    else if (body.consentVersion !== undefined && body.consentVersion !== CONSENT_VERSION) {
      problems.consent = 'was given to an older text: reload the page and read the consent text again';
    }
    const invalid = fieldErrors(problems);
    if (invalid) throw invalid;
    // Without a problem, every required field is there and the address is valid.
    const complete = fields as ProfileFields;
    const address = (email as { value: string }).value;

    const suppressed = await suppressedAmong(
      this.deps.db,
      suppressionHashes({ email: address, linkedinUrl: complete.linkedinUrl }),
    );
    if (suppressed.size > 0) {
      this.deps.log.info('opt-in for a removed person: ignored');
      return;
    }
    const mail = await this.withRetry(() => this.deps.db.transaction().execute((trx) => this.writeOptIn(trx, address, complete)));
    this.send(mail);
  }

  /** POST /api/profiles/verify: publishes the pending profile the link was sent for. */
  async verify(token: string): Promise<{ url: string; profile: PublicProfile }> {
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const check = await checkToken(trx, token, 'verify', { consume: true });
      if (!check.ok) throw tokenError(check, 'body.token');
      const published = await trx
        .updateTable('profiles')
        .set({
          status: 'published',
          email_verified_at: sql`now()`,
          published_at: sql`now()`,
          last_confirmed_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('id', '=', check.profileId)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst();
      if (published) await trx.insertInto('search_outbox').values({ profile_id: published.id }).execute();
      return profileRows(trx).where('p.id', '=', check.profileId).executeTakeFirstOrThrow();
    });
    this.deps.log.info({ profileId: row.id }, 'profile verified and published');
    return { url: profileUrl(this.deps.publicUrl, row.slug), profile: toPublicProfile(row) };
  }

  /** POST /api/profiles/manage-link: mails a manage link (or, still pending, a new confirmation). */
  async requestManageLink(rawEmail: string): Promise<void> {
    const email = checkEmail(rawEmail);
    if (!email.ok) throw new ClientError(400, `body.email ${email.reason}`);
    const mail = await this.deps.db.transaction().execute(async (trx) => {
      const row = await profileRows(trx)
        .where(sql<string>`lower(p.email)`, '=', email.value.toLowerCase())
        .where('p.status', '!=', 'removed')
        .executeTakeFirst();
      if (!row) return undefined;
      return row.status === 'pending' ? this.verifyMailFor(trx, row) : this.manageMailFor(trx, row, false);
    });
    if (mail) this.send(mail);
    else this.deps.log.info('manage link asked for an address without a profile');
  }

  /** POST /api/me/session: trades a mailed manage link (single use) for a short session. */
  async openSession(authorization: string | undefined): Promise<{ token: string; expiresAt: string; profile: OwnProfile }> {
    const manageToken = bearer(authorization);
    return this.deps.db.transaction().execute(async (trx) => {
      const check = await checkToken(trx, manageToken, 'manage', { consume: true });
      if (!check.ok) throw tokenError(check, 'authorization', 401);
      const token = await issueToken(trx, check.profileId, 'session');
      const expiresAt = new Date(Date.now() + TOKEN_TTL_MS.session).toISOString();
      return { token, expiresAt, profile: await this.own(trx, check.profileId) };
    });
  }

  /**
   * The profile a Bearer token stands for: a session, or a manage link used directly (which
   * then counts as used).
   */
  async authenticate(authorization: string | undefined): Promise<number> {
    const token = bearer(authorization);
    const session = await checkToken(this.deps.db, token, 'session', { consume: false });
    if (session.ok) return session.profileId;
    const manage = await checkToken(this.deps.db, token, 'manage', { consume: true });
    if (manage.ok) return manage.profileId;
    throw tokenError(session.reason === 'unknown' ? manage : session, 'authorization', 401);
  }

  async getOwn(profileId: number): Promise<OwnProfile> {
    return this.own(this.deps.db, profileId);
  }

  /** PATCH /api/me/profile: edits fields, hides or shows again. */
  async updateOwn(profileId: number, body: UpdateProfileBody): Promise<OwnProfile> {
    const { status, ...input } = body;
    const { value: fields, errors } = normalizeProfileFields(input, { partial: true });
    const invalid = fieldErrors(errors);
    if (invalid) throw invalid;
    return this.withRetry(() =>
      this.deps.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('profiles')
          .select(['status'])
          .where('id', '=', profileId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (status && current.status === 'pending') {
          throw new ClientError(409, 'body.status cannot change before the profile is confirmed: click the link in the confirmation email first');
        }
        if (fields.linkedinUrl && (await linkedinOwner(trx, fields.linkedinUrl, profileId)) !== undefined) {
          throw new ClientError(409, 'body.linkedinUrl is already part of another Lifeline profile');
        }
        const employerId = fields.formerEmployer ? (await resolveEmployer(trx, fields.formerEmployer))?.id : undefined;
        await trx
          .updateTable('profiles')
          .set({
            ...toColumns(fields, employerId),
            ...(status ? { status } : {}),
            last_confirmed_at: sql`now()`,
            updated_at: sql`now()`,
          })
          .where('id', '=', profileId)
          .execute();
        await trx.insertInto('search_outbox').values({ profile_id: profileId }).execute();
        return this.own(trx, profileId);
      }),
    );
  }

  /** DELETE /api/me/profile. */
  async removeOwn(profileId: number): Promise<void> {
    await this.deps.db.transaction().execute((trx) => removeProfile(trx, profileId));
    this.deps.log.info({ profileId }, 'profile removed by its owner');
  }

  /** POST /api/profiles/remove: the one-click link of every mail. Clicking it twice is fine. */
  async removeByToken(token: string): Promise<void> {
    const profileId = await this.deps.db.transaction().execute(async (trx) => {
      const check = await checkToken(trx, token, 'remove', { consume: false });
      if (!check.ok) throw tokenError(check, 'body.token');
      await removeProfile(trx, check.profileId);
      return check.profileId;
    });
    this.deps.log.info({ profileId }, 'profile removed with a removal link');
  }

  /** Resolves when every mail handed out so far was sent or failed (for shutdown and tests). */
  async mailSettled(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  private async writeOptIn(trx: Executor, email: string, fields: ProfileFields): Promise<Mail> {
    const existing = await profileRows(trx)
      .where(sql<string>`lower(p.email)`, '=', email.toLowerCase())
      .forUpdate('p')
      .executeTakeFirst();
    if (existing && existing.status !== 'pending') return this.manageMailFor(trx, existing, true);
    if (fields.linkedinUrl && (await linkedinOwner(trx, fields.linkedinUrl, existing?.id)) !== undefined) {
      return { to: email, template: 'linkedin-taken', ...linkedinTakenMail({ name: fields.name, linkedinUrl: fields.linkedinUrl }) };
    }
    const employer = await resolveEmployer(trx, fields.formerEmployer);
    const consent = { consent_at: sql<Date>`now()`, consent_source: 'form', consent_version: CONSENT_VERSION };
    let id: number;
    if (existing) {
      // A second Join form before confirming: the newest answers win, and only the newest link works.
      id = existing.id;
      await trx
        .updateTable('profiles')
        .set({ ...toColumns(fields, employer?.id), ...consent, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
      await revokeTokens(trx, id, ['verify']);
    } else {
      const created = await trx
        .insertInto('profiles')
        .values({ ...toColumns(fields, employer?.id), name: fields.name, slug: newSlug(fields.name), email, ...consent })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = created.id;
    }
    this.deps.log.info({ profileId: id, again: existing !== undefined }, 'opt-in awaiting confirmation');
    const row = await profileRows(trx).where('p.id', '=', id).executeTakeFirstOrThrow();
    return this.verifyMailFor(trx, row);
  }

  private async verifyMailFor(trx: Executor, row: ProfileRow): Promise<Mail> {
    const token = await issueToken(trx, row.id, 'verify');
    return {
      to: row.email!,
      template: 'verify',
      ...verifyMail({
        name: row.name,
        headline: row.headline ?? '',
        verifyUrl: `${this.deps.publicUrl}/verify?token=${token}`,
        removalUrl: await removalLink(trx, row.id, this.deps.publicUrl),
      }),
    };
  }

  private async manageMailFor(trx: Executor, row: ProfileRow, alreadyListed: boolean): Promise<Mail> {
    const token = await issueToken(trx, row.id, 'manage');
    return {
      to: row.email!,
      template: alreadyListed ? 'already-listed' : 'manage-link',
      ...manageLinkMail({
        name: row.name,
        alreadyListed,
        manageUrl: `${this.deps.publicUrl}/manage?token=${token}`,
        removalUrl: await removalLink(trx, row.id, this.deps.publicUrl),
      }),
    };
  }

  private async own(db: Executor, profileId: number): Promise<OwnProfile> {
    const row = await profileRows(db).where('p.id', '=', profileId).executeTakeFirst();
    if (!row || row.status === 'removed') throw new ClientError(404, 'This profile was removed.');
    return {
      status: row.status,
      email: row.email,
      showEmail: row.show_email,
      url: profileUrl(this.deps.publicUrl, row.slug),
      profile: toPublicProfile(row),
    };
  }

  /** Two writers racing on the same address, LinkedIn URL or slug: the loser runs again and sees the winner. */
  private async withRetry<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (err) {
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= WRITE_ATTEMPTS) throw err;
      }
    }
  }

  private send(mail: Mail): void {
    const { to, template, subject, text, html } = mail;
    const sending = this.deps.mailer
      .send({ to, subject, text, html })
      // A MailSendError: says why, never to whom.
      .catch((err: unknown) => this.deps.log.error({ err, template }, 'sending a mail failed'))
      .finally(() => this.sending.delete(sending));
    this.sending.add(sending);
  }
}

/** Profile fields as columns; only those given. */
function toColumns(fields: Partial<ProfileFields>, employerId: number | undefined): Partial<NewProfile> {
  const columns: Partial<NewProfile> = {};
  const set = <K extends keyof NewProfile>(key: K, value: NewProfile[K] | undefined) => {
    if (value !== undefined) columns[key] = value;
  };
  set('name', fields.name);
  set('headline', fields.headline);
  set('role', fields.role);
  set('seniority', fields.seniority);
  set('skills', fields.skills);
  set('years_experience', fields.yearsExperience);
  set('country', fields.country);
  set('region', fields.region);
  set('city', fields.city);
  set('remote', fields.remote);
  set('relocation', fields.relocation);
  set('work_authorization', fields.workAuthorization);
  set('employment_types', fields.employmentTypes);
  set('layoff_date', fields.layoffDate);
  set('available_from', fields.availableFrom);
  set('linkedin_url', fields.linkedinUrl);
  set('website_url', fields.websiteUrl);
  set('bio', fields.bio);
  set('show_email', fields.showEmail);
  set('former_employer_id', employerId);
  return columns;
}

/** "ada-lovelace-3f9a1c": readable, and not guessable from the name alone. */
function newSlug(name: string): string {
  return `${slugify(name, 50) || 'profile'}-${randomBytes(3).toString('hex')}`;
}

async function linkedinOwner(db: Executor, linkedinUrl: string, exceptId: number | undefined): Promise<number | undefined> {
  const row = await db
    .selectFrom('profiles')
    .select('id')
    .where('linkedin_url', '=', linkedinUrl)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  return row?.id;
}

/** "Authorization: Bearer <token>" → the token. */
function bearer(header: string | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9_-]{1,200})\s*$/i.exec(header ?? '');
  if (!match) {
    throw new ClientError(401, 'authorization must be "Bearer <token>", with the token from the link in your email. Ask for a new link if you lost it.');
  }
  return match[1]!;
}

/** A link that does not work: 401 for a Bearer token; in a body, 400 when unknown, 410 when used or expired. */
function tokenError(check: Exclude<TokenCheck, { ok: true }>, field: string, status?: number): ClientError {
  return new ClientError(status ?? (check.reason === 'unknown' ? 400 : 410), `${field}: ${TOKEN_PROBLEMS[check.reason]}`);
}
