import { randomBytes } from 'node:crypto';
import { httpErrors } from '@fastify/sensible';
import { hash, verify as verifyPassword } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/client.js';
import type { RecruiterState } from '../../db/schema.js';
import { checkEmail } from '../../common/normalize/profile-fields.js';
import { cleanText } from '../../common/normalize/text.js';
import type { Log } from '../logger.js';
import type { Mailer } from '../mail/mailer.js';
import { recruiterDecisionMail, recruiterExistsMail, recruiterVerifyMail } from '../mail/recruiter.js';
import type { RecruiterSignUpBody, RecruiterReview } from '../schemas/recruiters.js';
import { AnsweredWork, type Mail } from './answered-work.js';
import { emailDomain, stateForProvenAddress } from './recruiter-domains.js';
import { hashToken, tokenError, TOKEN_TTL_MS } from './tokens.js';

/** What every sign-up answers, whatever happened: no one learns from it whether an address has an account. */
export const RECRUITER_SIGN_UP_ACCEPTED =
  'Thanks! Check your inbox: we sent a link to confirm your work address. Your account works once you click it.';

export const PASSWORD_MIN = 10;

/** The answers of one sign-up form, carried by its verify link: applied only when the link is clicked. */
interface Claim {
  name: string;
  company: string;
  passwordHash: string;
}

interface RecruiterDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
}

/**
 * The recruiter's door: sign up, prove the work address, be reviewed. Like the opt-in, a sign-up
 * is checked and answered before the address is looked up (AnsweredWork): a known address gets a
 * mail saying so, a new or unconfirmed one a verify link, and the answer is the same. The form's
 * answers (name, company, password) ride in the link and reach the account only when it is
 * clicked, so whoever typed someone else's address first sets nothing for them.
 */
export class RecruiterService {
  private readonly work: AnsweredWork;

  constructor(private readonly deps: RecruiterDeps) {
    this.work = new AnsweredWork(deps);
  }

  /** POST /api/recruiters: 400 naming the field, else resolves before anything is looked up. */
  signUp(body: RecruiterSignUpBody): void {
    const { email, name, company } = checkSignUp(body);
    this.work.later('recruiter-sign-up', email, async () => {
      const claim: Claim = { name, company, passwordHash: await hash(body.password) };
      return this.deps.db.transaction().execute((trx) => this.writeSignUp(trx, email, claim));
    });
  }

  /**
   * POST /api/recruiters/verify/preview: who the sign-up behind a link says they are, for its page
   * to show before the owner of the address confirms. Anyone can type any address, and the form's
   * password becomes the account's: someone who did not sign up must see that it was not them.
   */
  async previewClaim(token: string): Promise<{ name: string; company: string; emailDomain: string }> {
    const row = await this.deps.db
      .selectFrom('user_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.fields', 't.used_at', 't.expires_at', 'u.email'])
      .where('t.token_hash', '=', hashToken(token))
      .where('t.purpose', '=', 'verify')
      .executeTakeFirst();
    if (!row) throw tokenError({ reason: 'unknown' });
    if (row.used_at) throw tokenError({ reason: 'used' });
    if (new Date(row.expires_at).getTime() <= Date.now()) throw tokenError({ reason: 'expired' });
    const { name, company } = row.fields as Claim;
    return { name, company, emailDomain: emailDomain(row.email) };
  }

  /**
   * POST /api/recruiters/verify: with the sign-up's own password (a wrong one changes nothing and
   * leaves the link usable), proves the address, applies the sign-up's answers, and makes the
   * account verified (company domain) or in review (personal domain, or a domain with a suspended
   * recruiter). A second link of an account already proven changes nothing (its answers may be a
   * stranger's).
   */
  async verify(token: string, password: string): Promise<{ state: 'verified' | 'in_review' }> {
    return this.deps.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('user_tokens')
        .set({ used_at: sql`now()` })
        .where('token_hash', '=', hashToken(token))
        .where('purpose', '=', 'verify')
        .where('used_at', 'is', null)
        .where('expires_at', '>', sql<Date>`now()`)
        .returning(['user_id', 'fields'])
        .executeTakeFirst();
      if (!used) throw tokenError({ reason: await whyUnusable(trx, token) });
      const user = await trx
        .selectFrom('users')
        .select(['id', 'email', 'recruiter_state'])
        .where('id', '=', used.user_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (user.recruiter_state === 'verified' || user.recruiter_state === 'in_review') return { state: user.recruiter_state };
      if (user.recruiter_state !== 'unverified') {
        throw httpErrors.conflict('This recruiter account is suspended: its link changes nothing. Write to the Lifeline team if you think this is a mistake.');
      }
      const claim = used.fields as Claim;
      // Only whoever chose the sign-up's password may finish it: the owner of an address who opens a
      // stranger's sign-up link (their own may never have come) cannot hand the account over.
      if (!(await verifyPassword(claim.passwordHash, password).catch(() => false))) {
        throw httpErrors.badRequest(
          'body.password does not match the password chosen on the sign-up form of this link. Type the one you chose; if you did not choose one, this sign-up is not yours: ignore the link and sign up again.',
        );
      }
      const state = (await suspendedOnDomain(trx, emailDomain(user.email))) ? 'in_review' : stateForProvenAddress(user.email);
      await trx
        .updateTable('users')
        .set({
          name: claim.name,
          company: claim.company,
          password_hash: claim.passwordHash,
          email_domain: emailDomain(user.email),
          email_verified_at: sql`now()`,
          recruiter_state: state,
        })
        .where('id', '=', user.id)
        .execute();
      this.deps.log.info({ userId: user.id, state }, 'recruiter address proven');
      return { state };
    });
  }

  /** GET /api/admin/recruiters: the accounts waiting for a review, suspended, or reported since their last review; oldest first. */
  inReview(): Promise<RecruiterReview[]> {
    return recruitersToReview(this.deps.db);
  }

  /** POST /api/admin/recruiters/:id/approve | suspend. */
  async setState(userId: number, state: 'verified' | 'suspended'): Promise<RecruiterReview> {
    const changed = await decideRecruiter(this.deps, { id: userId }, state);
    if (!changed) {
      throw httpErrors.notFound(`No recruiter account ${userId}${state === 'verified' ? ' whose address is confirmed (an account is approved only after its owner clicked the mailed link)' : ''}.`);
    }
    return changed;
  }

  /** Resolves when every sign-up answered so far was worked on and its mail sent or failed. */
  mailSettled(): Promise<void> {
    return this.work.settled();
  }

  private async writeSignUp(trx: Executor, email: string, claim: Claim): Promise<Mail> {
    // Two sign-ups for a new address at once: the one whose insert loses waits for the winner's
    // row and locks it, like any later sign-up.
    await trx
      .insertInto('users')
      .values({ email, role: 'recruiter', recruiter_state: 'unverified', email_domain: emailDomain(email) })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const user = await trx
      .selectFrom('users')
      .select(['id', 'recruiter_state'])
      .where(sql<string>`lower(email)`, '=', sql<string>`lower(${email})`)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.recruiter_state !== 'unverified') {
      return { to: email, ...recruiterExistsMail({ signInUrl: `${this.deps.publicUrl}/sign-in` }) };
    }
    const userId = user.id;
    const token = randomBytes(32).toString('base64url');
    await trx
      .insertInto('user_tokens')
      .values({
        user_id: userId,
        token_hash: hashToken(token),
        purpose: 'verify',
        fields: JSON.stringify(claim),
        expires_at: new Date(Date.now() + TOKEN_TTL_MS.verify),
      })
      .execute();
    this.deps.log.info({ userId }, 'recruiter sign-up awaiting confirmation');
    return { to: email, ...recruiterVerifyMail({ verifyUrl: `${this.deps.publicUrl}/recruiter/verify?token=${token}` }) };
  }
}

/**
 * Whether a recruiter of this domain is suspended: whoever owns the domain can open another
 * mailbox on it, so a new address there waits for an admin instead of being verified at once.
 */
async function suspendedOnDomain(db: Executor, domain: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'recruiter')
    .where('email_domain', '=', domain)
    .where('recruiter_state', '=', 'suspended')
    .executeTakeFirst();
  return row !== undefined;
}

async function whyUnusable(db: Executor, token: string): Promise<'unknown' | 'used' | 'expired'> {
  const row = await db.selectFrom('user_tokens').select(['used_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) return 'unknown';
  return row.used_at ? 'used' : 'expired';
}

/** The sign-up form, clean, or a 400 naming each field to fix. */
function checkSignUp(body: RecruiterSignUpBody): { email: string; name: string; company: string } {
  const problems: string[] = [];
  const email = checkEmail(body.email);
  if (!email.ok) problems.push(`body.email ${email.reason}`);
  const name = cleanText(body.name, { max: 100 });
  if (!name.ok || !name.value) problems.push(`body.name ${name.ok ? 'is required' : name.reason}`);
  const company = cleanText(body.company, { max: 120 });
  if (!company.ok || !company.value) problems.push(`body.company ${company.ok ? 'is required: the company you hire for' : company.reason}`);
  if (body.password.length < PASSWORD_MIN) problems.push(`body.password must be at least ${PASSWORD_MIN} characters`);
  if (problems.length > 0) throw httpErrors.badRequest(problems.join('; '));
  return { email: (email as { value: string }).value, name: (name as { value: string }).value, company: (company as { value: string }).value };
}

const REVIEW_COLUMNS = [
  'u.id', 'u.email', 'u.name', 'u.company', 'u.email_domain as emailDomain', 'u.recruiter_state as state', 'u.created_at as createdAt',
] as const;

function reviewRows(db: Executor) {
  return db
    .selectFrom('users as u')
    .select(REVIEW_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('abuse_reports as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.recruiter_id', '=', 'u.id')
        .whereRef('r.created_at', '>', sql`coalesce(u.reviewed_at, '-infinity')`)
        .as('reports'),
    )
    .where('u.role', '=', 'recruiter');
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewRows>['executeTakeFirstOrThrow']>>;

const toReview = (row: ReviewRow): RecruiterReview => ({
  id: row.id,
  email: row.email,
  name: row.name,
  company: row.company,
  emailDomain: row.emailDomain,
  state: row.state as RecruiterState,
  reports: row.reports ?? 0,
  createdAt: new Date(row.createdAt).toISOString(),
});

export async function recruitersToReview(db: Executor): Promise<RecruiterReview[]> {
  const rows = await reviewRows(db)
    .where((eb) =>
      eb.or([
        eb('u.recruiter_state', 'in', ['in_review', 'suspended']),
        eb.exists(
          eb.selectFrom('abuse_reports as r').select('r.id').whereRef('r.recruiter_id', '=', 'u.id').whereRef('r.created_at', '>', sql`coalesce(u.reviewed_at, '-infinity')`),
        ),
      ]),
    )
    .orderBy('u.created_at')
    .orderBy('u.id')
    .limit(500)
    .execute();
  return rows.map(toReview);
}

/**
 * An admin's decision (the admin page, `npm run user -- approve|suspend`), mailed to the account's
 * owner: undefined when there is no such account that can take it. A mail that fails is logged;
 * the decision stands.
 */
export async function decideRecruiter(
  deps: { db: Executor; mailer: Mailer; publicUrl: string; log: Log },
  who: { id: number } | { email: string },
  state: 'verified' | 'suspended',
): Promise<RecruiterReview | undefined> {
  const changed = await setRecruiterState(deps.db, who, state);
  if (!changed) return undefined;
  deps.log.info({ userId: changed.id, state }, 'recruiter reviewed');
  const mail = recruiterDecisionMail({ state, name: changed.name, signInUrl: `${deps.publicUrl}/sign-in` });
  await deps.mailer
    .send({ to: changed.email, ...mail })
    .catch((err: unknown) => deps.log.error({ err }, 'mailing a recruiter the review decision failed'));
  return changed;
}

/**
 * Sets a recruiter's state as an admin decided. Approving starts the
 * abuse report count afresh; an account still waiting for its mailed link to be clicked cannot be
 * approved (nothing says the address is its owner's).
 */
async function setRecruiterState(
  db: Executor,
  who: { id: number } | { email: string },
  state: 'verified' | 'suspended',
): Promise<RecruiterReview | undefined> {
  const updated = await db
    .updateTable('users')
    .set({ recruiter_state: state, ...(state === 'verified' ? { reviewed_at: sql`now()` } : {}) })
    .where('role', '=', 'recruiter')
    .$if('id' in who, (q) => q.where('id', '=', (who as { id: number }).id))
    .$if('email' in who, (q) => q.where(sql<string>`lower(email)`, '=', sql<string>`lower(${(who as { email: string }).email})`))
    .$if(state === 'verified', (q) => q.where('recruiter_state', '!=', 'unverified'))
    .returning('id')
    .executeTakeFirst();
  return updated && toReview(await reviewRows(db).where('u.id', '=', updated.id).executeTakeFirstOrThrow());
}
