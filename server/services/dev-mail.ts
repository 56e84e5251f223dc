import { sql } from 'kysely';
import type { Executor } from '../db/client.js';

const SHOWN = 50;

/** The dev mailbox, newest first: all of it, or the mail to one address. */
export async function listDevMail(db: Executor, to: string | undefined) {
  const rows = await db
    .selectFrom('dev_mail')
    .selectAll()
    .$if(to !== undefined && to.trim() !== '', (q) => q.where(sql<string>`lower(to_address)`, '=', to!.trim().toLowerCase()))
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
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
