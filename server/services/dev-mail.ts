import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';

const SHOWN = 50;

/** The mail to one address in the dev mailbox, newest first. */
export async function listDevMail(db: Executor, to: string) {
  const rows = await db
    .selectFrom('dev_mail')
    .selectAll()
    .where(sql<string>`lower(to_address)`, '=', sql<string>`lower(${to.trim()})`)
    .orderBy('id', 'desc')
    .limit(SHOWN)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text,
    html: r.html,
    links: r.links,
    headers: r.headers ?? {},
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The dev mailbox, read (its mail is written by the mailer without SMTP_URL: mail/mailer.ts). */
export class DevMailService {
  constructor(private readonly db: Executor) {}

  list(to: string) {
    return listDevMail(this.db, to);
  }
}
