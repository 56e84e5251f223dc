import { randomBytes } from 'node:crypto';
import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import { CONSENT_VERSION } from '../../common/consent.js';
import type { Db, Executor } from '../../db/client.js';
import type { NewProfile } from '../../db/schema.js';
import type { Log } from '../logger.js';
import { manageLinkMail } from '../mail/manage-link.js';
import type { Mailer } from '../mail/mailer.js';
import { verifyMail } from '../mail/verify.js';
import { resolveEmployer } from './employers.js';
import { checkEmail, normalizeProfileFields, type FieldErrors, type ProfileFields } from '../../common/normalize/profile-fields.js';
import { slugify } from '../../common/normalize/text.js';
import { emailHash, linkedinHash, suppressedAmong } from '../privacy/suppression.js';
import type { CreateProfileBody, OwnProfile, PublicProfile, UpdateProfileBody } from '../schemas/profiles.js';
import { profileRows, type ProfileRow } from '../../db/profiles.js';
import { profileUrl, toPublicProfile } from './public-profile.js';
import { AnsweredWork, type Mail } from './answered-work.js';
import { checkRemovalToken, removalLink, removeProfile } from './removal.js';
import { TOKEN_TTL_MS, checkToken, issueToken, tokenError } from './tokens.js';
import { enqueue } from '../../db/outbox.js';
import { keepListed } from './freshness.js';

interface OptInDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
}

/**
 * The answers of one Join form, carried by the verify link mailed for it: the profile takes them
 * when that link is clicked, so a later form for the same pending address (by its owner, or by
 * anyone who typed it) replaces nothing the owner has not confirmed.
 */
type Claim = ProfileFields & { consentAt: string };

/** What every opt-in answers, whatever happened: no one learns from it whether an address is listed. */
export const OPT_IN_ACCEPTED =
  'Thanks! Check your inbox: we sent you a link to confirm your address. Your profile is published once you click it.';
export const MANAGE_LINK_SENT =
  'If this address has a Lifeline profile, a link to manage it is on its way. Check your inbox (and spam folder).';

const ALREADY_CONFIRMED = 'This profile is already confirmed: its link changes nothing now. To edit it, ask for a manage link.';

export const PROFILE_REMOVED = 'Your profile is removed: your data is erased and it has left search.';

const WRITE_ATTEMPTS = 3;
const UNIQUE_VIOLATION = '23505';

/**
 * The candidate's own door: opt in, confirm, get a manage link, edit, hide, remove. A request that
 * must not reveal whether an address or a LinkedIn URL is known (opt-in, manage link) is checked,
 * answered, and only then worked on (AnsweredWork): what it finds takes the same time to answer
 * whatever it is. Mail goes out after the transaction committed; a failed mail is logged, never
 * the write undone.
 */
export class OptInService {
  private readonly work: AnsweredWork;

  constructor(private readonly deps: OptInDeps) {
    this.work = new AnsweredWork(deps);
  }

  /**
   * POST /api/profiles. Resolves, once the form is valid, before anything is looked up: the same
   * way and in the same time for a new, a known, a pending and a removed address, and whoever
   * holds the LinkedIn URL on the form.
   */
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
    refuseFieldErrors(problems);
    // Without a problem, every required field is there and the address is valid.
    const claim: Claim = { ...(fields as ProfileFields), consentAt: new Date().toISOString() };
    const address = (email as { value: string }).value;
    this.work.later('opt-in', address, async () => {
      if ((await suppressedAmong(this.deps.db, [emailHash(address)])).size > 0) {
        this.deps.log.info('opt-in for a removed address: ignored');
        return undefined;
      }
      return this.withRetry(() => this.deps.db.transaction().execute((trx) => this.writeOptIn(trx, address, claim)));
    });
  }

  /**
   * POST /api/profiles/verify/preview: what a verify link would publish, for its page to show
   * before the owner confirms (the form's answers may be a stranger's: anyone can type an address).
   */
  async previewClaim(token: string): Promise<{ profile: PublicProfile }> {
    const check = await checkToken(this.deps.db, token, 'verify', { consume: false });
    if (!check.ok) throw tokenError(check);
    const row = await profileRows(this.deps.db).where('p.id', '=', check.profileId).executeTakeFirstOrThrow();
    if (row.status !== 'pending') throw httpErrors.conflict(ALREADY_CONFIRMED);
    // As the public would see it once published (with the email only if the form chose to show it).
    const claim = check.fields as Claim | null;
    if (!claim) return { profile: toPublicProfile({ ...row, status: 'published' }) };
    const { consentAt, formerEmployer, linkedinUrl, ...fields } = claim;
    const shown = toPublicProfile({ ...row, ...toColumns(fields, undefined), linkedin_url: linkedinUrl, status: 'published' } as ProfileRow);
    return { profile: { ...shown, formerEmployer: { slug: '', name: formerEmployer } } };
  }

  /**
   * POST /api/profiles/verify: publishes the pending profile the link was sent for, with the
   * answers of the form it was sent for (checkToken records the proven address). A link to a
   * profile already published changes nothing: a second form's answers (maybe a stranger's) never
   * reach a published profile. A LinkedIn URL joins the profile only if no other profile holds it
   * and its owner did not remove it: a URL typed on a form proves nothing.
   */
  async verify(token: string): Promise<{ url: string; profile: PublicProfile }> {
    const row = await this.withRetry(() =>
      this.deps.db.transaction().execute(async (trx) => {
        const check = await checkToken(trx, token, 'verify', { consume: true });
        if (!check.ok) throw tokenError(check);
        const current = await trx
          .selectFrom('profiles')
          .select('status')
          .where('id', '=', check.profileId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (current.status === 'pending') {
          const claimed = check.fields ? await this.claimedColumns(trx, check.profileId, check.fields as Claim) : {};
          await trx
            .updateTable('profiles')
            .set({
              ...claimed,
              status: 'published',
              published_at: sql`now()`,
              last_confirmed_at: sql`now()`,
              updated_at: sql`now()`,
            })
            .where('id', '=', check.profileId)
            .execute();
          await enqueue(trx, check.profileId);
        }
        return profileRows(trx).where('p.id', '=', check.profileId).executeTakeFirstOrThrow();
      }),
    );
    this.deps.log.info({ profileId: row.id }, 'profile verified and published');
    return { url: profileUrl(this.deps.publicUrl, row.slug), profile: toPublicProfile(row) };
  }

  /**
   * POST /api/profiles/manage-link: mails a manage link (or, still pending, a new confirmation).
   * Like the opt-in, it resolves before looking the address up.
   */
  async requestManageLink(rawEmail: string): Promise<void> {
    const email = checkEmail(rawEmail);
    if (!email.ok) throw httpErrors.badRequest(`body.email ${email.reason}`);
    this.work.later('manage-link', email.value, () =>
      this.deps.db.transaction().execute(async (trx) => {
        const row = await profileRows(trx)
          .where(sql<string>`lower(p.email)`, '=', sql<string>`lower(${email.value})`)
          .where('p.status', '!=', 'removed')
          .executeTakeFirst();
        if (!row) {
          this.deps.log.info('manage link asked for an address without a profile');
          return undefined;
        }
        return row.status === 'pending' ? this.verifyMailFor(trx, row, await latestClaim(trx, row.id)) : this.manageMailFor(trx, row, false);
      }),
    );
  }

  /** POST /api/me/session: a short session for the profile whose manage link (single use) was just used. */
  async openSession(profileId: number): Promise<{ token: string; expiresAt: string; profile: OwnProfile }> {
    return this.deps.db.transaction().execute(async (trx) => {
      const token = await issueToken(trx, profileId, 'session');
      const expiresAt = new Date(Date.now() + TOKEN_TTL_MS.session).toISOString();
      return { token, expiresAt, profile: await this.own(trx, profileId) };
    });
  }

  async getOwn(profileId: number): Promise<OwnProfile> {
    return this.own(this.deps.db, profileId);
  }

  /** PATCH /api/me/profile: edits fields, hides or shows again. */
  async updateOwn(profileId: number, body: UpdateProfileBody): Promise<OwnProfile> {
    const { status, ...input } = body;
    const { value: fields, errors } = normalizeProfileFields(input, { partial: true });
    refuseFieldErrors(errors);
    return this.withRetry(() =>
      this.deps.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('profiles')
          .select(['status', 'hidden_reason'])
          .where('id', '=', profileId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (status && current.status === 'pending') {
          throw httpErrors.conflict('body.status cannot change before the profile is confirmed: click the link in the confirmation email first');
        }
        if (fields.linkedinUrl && !(await linkedinFree(trx, fields.linkedinUrl, profileId))) {
          throw httpErrors.conflict('body.linkedinUrl is already part of another Lifeline profile');
        }
        const employerId = fields.formerEmployer ? (await resolveEmployer(trx, fields.formerEmployer))?.id : undefined;
        // An edit by the owner confirms the profile: a new freshness cycle starts.
        await trx
          .updateTable('profiles')
          .set({
            ...toColumns(fields, employerId),
            ...(status === 'hidden' && current.status !== 'hidden' ? { status, hidden_reason: 'owner' as const } : {}),
            last_confirmed_at: sql`now()`,
            reminded_at: null,
            updated_at: sql`now()`,
          })
          .where('id', '=', profileId)
          .execute();
        // Shown again: listed as "keep me listed" lists it, whatever hid it (a hire is taken back).
        if (status === 'published' && current.status !== 'published') await keepListed(trx, profileId);
        else await enqueue(trx, profileId);
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
      const check = await checkRemovalToken(trx, token);
      if (!check.ok) throw tokenError(check);
      await removeProfile(trx, check.profileId);
      return check.profileId;
    });
    this.deps.log.info({ profileId }, 'profile removed with a removal link');
  }

  /** Resolves when every request answered so far was worked on and its mail sent or failed (for shutdown and tests). */
  mailSettled(): Promise<void> {
    return this.work.settled();
  }

  /**
   * A known address gets a manage link. A pending one gets a new verify link for these answers
   * and keeps what it holds, and its earlier links keep working. A new one becomes a pending
   * profile: no LinkedIn URL, no employer until it is confirmed.
   */
  private async writeOptIn(trx: Executor, email: string, claim: Claim): Promise<Mail> {
    const existing = await profileRows(trx)
      .where(sql<string>`lower(p.email)`, '=', sql<string>`lower(${email})`)
      .forUpdate('p')
      .executeTakeFirst();
    if (existing && existing.status !== 'pending') return this.manageMailFor(trx, existing, true);
    const row = existing ?? (await this.insertPending(trx, email, claim));
    this.deps.log.info({ profileId: row.id, again: existing !== undefined }, 'opt-in awaiting confirmation');
    return this.verifyMailFor(trx, row, claim);
  }

  private async insertPending(trx: Executor, email: string, claim: Claim): Promise<ProfileRow> {
    const { id } = await trx
      .insertInto('profiles')
      .values({
        ...toColumns({ ...claim, linkedinUrl: undefined }, undefined),
        name: claim.name,
        slug: newSlug(claim.name),
        email,
        consent_at: claim.consentAt,
        consent_source: 'form',
        consent_version: CONSENT_VERSION,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return profileRows(trx).where('p.id', '=', id).executeTakeFirstOrThrow();
  }

  /** The columns a confirmed claim sets: its answers, its employer, and its LinkedIn URL if it may have it. */
  private async claimedColumns(trx: Executor, profileId: number, claim: Claim): Promise<Partial<NewProfile>> {
    const { consentAt, linkedinUrl, ...fields } = claim;
    const employer = await resolveEmployer(trx, fields.formerEmployer);
    const free = linkedinUrl !== null && (await linkedinFree(trx, linkedinUrl, profileId));
    return {
      ...toColumns(fields, employer?.id),
      linkedin_url: free ? linkedinUrl : null,
      consent_at: consentAt,
      consent_source: 'form',
      consent_version: CONSENT_VERSION,
    };
  }

  private async verifyMailFor(trx: Executor, row: ProfileRow, claim: Claim | undefined): Promise<Mail> {
    const token = await issueToken(trx, row.id, 'verify', claim);
    return {
      to: row.email!,
      ...verifyMail({
        verifyUrl: `${this.deps.publicUrl}/verify?token=${token}`,
        removalUrl: await removalLink(trx, row.id, this.deps.publicUrl),
      }),
    };
  }

  private async manageMailFor(trx: Executor, row: ProfileRow, alreadyListed: boolean): Promise<Mail> {
    const token = await issueToken(trx, row.id, 'manage');
    return {
      to: row.email!,
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
    if (!row || row.status === 'removed') throw httpErrors.notFound('This profile was removed.');
    return {
      status: row.status,
      email: row.email,
      showEmail: row.show_email,
      hiddenReason: row.status === 'hidden' ? (row.hidden_reason ?? 'owner') : null,
      hiredAt: row.status === 'hidden' && row.hired_at ? new Date(row.hired_at).toISOString() : null,
      visibility: row.visibility,
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
  // The person said it: no longer a guess from their title.
  if (fields.seniority !== undefined) set('seniority_inferred', false);
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
  set('visibility', fields.visibility);
  set('former_employer_id', employerId);
  return columns;
}

/** "ada-lovelace-3f9a1c": readable, and not guessable from the name alone. */
function newSlug(name: string): string {
  return `${slugify(name, 50) || 'profile'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Whether a profile may take this LinkedIn URL: no other profile holds it, and no one who removed
 * themselves held it (the same answer for both, so it tells nothing more than it must).
 */
async function linkedinFree(db: Executor, linkedinUrl: string, profileId: number): Promise<boolean> {
  const held = await db.selectFrom('profiles').select('id').where('linkedin_url', '=', linkedinUrl).where('id', '!=', profileId).executeTakeFirst();
  return !held && (await suppressedAmong(db, [linkedinHash(linkedinUrl)])).size === 0;
}

/** The answers of the newest verify link of a pending profile, for a link sent again. */
async function latestClaim(db: Executor, profileId: number): Promise<Claim | undefined> {
  const row = await db
    .selectFrom('profile_tokens')
    .select('fields')
    .where('profile_id', '=', profileId)
    .where('purpose', '=', 'verify')
    .where('fields', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return (row?.fields ?? undefined) as Claim | undefined;
}

/** "body.name must be at most 120 characters; body.country must be a country…", as one 400. */
function refuseFieldErrors(errors: FieldErrors): void {
  const messages = Object.entries(errors).map(([field, reason]) => `body.${field} ${reason}`);
  if (messages.length > 0) throw httpErrors.badRequest(messages.join('; '));
}
