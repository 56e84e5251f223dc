import { sql } from 'kysely';
import type { Db } from '../../../db/client.js';
import type { Log } from '../../logger.js';
import { importNoticeMail } from '../../mail/import-notice.js';
import type { Mailer } from '../../mail/mailer.js';
import { profileRows } from '../../../db/profiles.js';
import { profileUrl, publicFieldLines, toPublicProfile } from '../public-profile.js';
import { removalLink } from '../removal.js';

const BATCH = 100;

/**
 * Sends the notices that imports owe, a batch at a time. Each notice is claimed (sent_at set) in
 * the statement that reads it, before its mail goes out: a crash can lose a notice, but no one
 * ever gets the same one twice. Returns how many mails were sent.
 */
export async function sendImportNotices(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  log: Log,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  let sent = 0;
  while (!shouldStop()) {
    const { rows: claimed } = await sql<{ profile_id: number; list_id: number }>`
      update import_notices n set sent_at = now()
      where (n.profile_id, n.list_id) in (
        select profile_id, list_id from import_notices where sent_at is null
        order by created_at limit ${BATCH} for update skip locked)
      returning n.profile_id, n.list_id`.execute(db);
    if (claimed.length === 0) return sent;
    // The person as the public sees them: the notice lists exactly what the public profile shows.
    const profiles = await profileRows(db)
      .where('p.id', 'in', claimed.map((c) => c.profile_id))
      .where('p.status', '=', 'published')
      .where('p.email', 'is not', null)
      .execute();
    const byId = new Map(profiles.map((row) => [row.id, row]));
    const { rows: lists } = await sql<{ id: number; slug: string; title: string }>`
      select id, slug, title from layoff_lists
      where id = any(${claimed.map((c) => c.list_id)}::int[]) or slug = any(${profiles.flatMap((p) => p.list_slugs)}::text[])`.execute(db);
    const titleById = new Map(lists.map((l) => [l.id, l.title]));
    const titleBySlug = new Map(lists.map((l) => [l.slug, l.title]));
    for (const { profile_id, list_id } of claimed) {
      const row = byId.get(profile_id);
      const listTitle = titleById.get(list_id);
      // A profile hidden or removed since, or a list deleted since, is owed no notice any more.
      if (!row || listTitle === undefined) continue;
      try {
        const profile = toPublicProfile(row);
        const notice = importNoticeMail({
          name: row.name,
          listTitle,
          profileUrl: profileUrl(publicUrl, row.slug),
          removalUrl: await removalLink(db, row.id, publicUrl),
          // The lists by their titles, as people know them.
          published: publicFieldLines({ ...profile, lists: profile.lists.map((slug) => titleBySlug.get(slug) ?? slug) }),
          emailShown: profile.email !== undefined,
        });
        await mailer.send({ to: row.email!, ...notice });
        sent++;
      } catch (err) {
        // A MailSendError, or the removal link's key failing to load: neither names the person.
        log.warn({ err, profileId: row.id }, 'an import notice could not be sent');
      }
    }
  }
  return sent;
}
