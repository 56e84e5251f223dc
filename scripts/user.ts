import { USER_ROLES, type UserRole } from '../db/schema.js';
import { normalizeEmail } from '../common/normalize/text.js';
import { createUser, findUserByEmail, issueApiToken, UserExistsError } from '../server/services/users.js';
import { createMailer } from '../server/mail/mailer.js';
import { decideRecruiter } from '../server/services/recruiters.js';
import { parseCli } from '../tools/cli-args.js';
import { runCli, UsageError } from './cli.js';

const USAGE = `Usage:
  npm run user -- add --email E --role organizer|admin [--name N] [--password P]
      creates a user; prints its API token as the last line
  npm run user -- token --email E
      prints a new API token for an existing user as the last line
  npm run user -- approve --email E
      approves a recruiter account (in review or suspended) whose address is confirmed
  npm run user -- suspend --email E
      suspends a recruiter account: it can no longer see recruiter fields or contact anyone`;

const { values, positionals } = parseCli(
  USAGE,
  { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  true,
);

await runCli(async ({ config, db, log }) => {
  const [command, ...extra] = positionals;
  if (!['add', 'token', 'approve', 'suspend'].includes(command ?? '') || extra.length > 0) throw new UsageError(USAGE);
  const email = values.email ? normalizeEmail(values.email) : undefined;
  if (!email) throw new UsageError(`--email must be an email address.\n\n${USAGE}`);

  if (command === 'approve' || command === 'suspend') {
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db });
    const changed = await decideRecruiter({ db, mailer, publicUrl: config.publicUrl, log }, { email }, command === 'approve' ? 'verified' : 'suspended').finally(
      () => mailer.close(),
    );
    if (!changed) {
      throw new UsageError(
        `No recruiter account with the email ${email}${command === 'approve' ? ' whose address is confirmed (its owner must click the mailed link first)' : ''}.`,
      );
    }
    process.stdout.write(`${changed.email} (${changed.company ?? 'no company'}, ${changed.emailDomain ?? '?'}) is now ${changed.state}.\n`);
    return;
  }

  if (command === 'token') {
    const user = await findUserByEmail(db, email);
    if (!user) throw new UsageError(`No user with the email ${email}. Create one with: npm run user -- add --email ${email} --role organizer`);
    process.stdout.write(`${await issueApiToken(db, user.id, 'cli')}\n`);
    return;
  }
  const role = values.role as UserRole | undefined;
  if (role === 'recruiter') {
    throw new UsageError(`Recruiters create their own account at ${config.publicUrl}/recruiters/join (their work email must be proven by a mailed link); approve one in review with: npm run user -- approve --email E`);
  }
  if (!role || !(USER_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be organizer or admin.\n\n${USAGE}`);
  if (values.password !== undefined && values.password.length < 10) throw new UsageError('--password must be at least 10 characters.');
  try {
    const user = await createUser(db, { email, role, name: values.name ?? null, password: values.password ?? null });
    process.stdout.write(`Created ${user.role} ${user.email}${values.password ? ' (can sign in on the web at /sign-in)' : ''}.\nAPI token (shown once; send it as "Authorization: Bearer <token>"):\n`);
    process.stdout.write(`${await issueApiToken(db, user.id, 'cli')}\n`);
  } catch (err) {
    if (err instanceof UserExistsError) throw new UsageError(`${err.message} For a new API token: npm run user -- token --email ${email}`);
    throw err;
  }
});
