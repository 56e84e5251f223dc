import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { Log } from '../../logger.js';
import { importNoticeMail } from '../../mail/import-notice.js';
import type { Mailer } from '../../mail/mailer.js';
import { countryName } from '../../normalize/location.js';
import { removalLink } from '../removal.js';

const BATCH = 100;

interface NoticeRow {
  profile_id: number;
  email: string;
  name: string;
  slug: string;
  headline: string | null;
  skills: string[];
  city: string | null;
  region: string | null;
  country: string | null;
  employer: string | null;
  list_title: string;
}

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
    const { rows } = await sql<NoticeRow>`
      with claimed as (
        update import_notices n set sent_at = now()
        where (n.profile_id, n.list_id) in (
          select profile_id, list_id from import_notices where sent_at is null
          order by created_at limit ${BATCH} for update skip locked)
        returning n.profile_id, n.list_id)
      select p.id as profile_id, p.email, p.name, p.slug, p.headline, p.skills, p.city, p.region, p.country,
        e.name as employer, l.title as list_title
      from claimed c
      join profiles p on p.id = c.profile_id and p.status = 'published' and p.email is not null
      join layoff_lists l on l.id = c.list_id
      left join employers e on e.id = p.former_employer_id`.execute(db);
    if (rows.length === 0) return sent;
    for (const row of rows) {
      try {
        const place = [row.city, row.region, row.country ? countryName(row.country) : null].filter(Boolean).join(', ');
        const published = [
          `Name: ${row.name}`,
          row.headline && `Headline: ${row.headline}`,
          row.skills.length > 0 && `Skills: ${row.skills.join(', ')}`,
          place && `Location: ${place}`,
          row.employer && `Former employer: ${row.employer}`,
          `Layoff list: ${row.list_title}`,
        ].filter((line): line is string => typeof line === 'string' && line !== '');
        const notice = importNoticeMail({
          name: row.name,
          listTitle: row.list_title,
          profileUrl: `${publicUrl}/p/${row.slug}`,
          removalUrl: await removalLink(db, row.profile_id, publicUrl),
          published,
        });
        await mailer.send({ to: row.email, ...notice });
        sent++;
      } catch (err) {
        // A MailSendError, or the removal link's insert failing: neither names the person.
        log.warn({ err, profileId: row.profile_id }, 'an import notice could not be sent');
      }
    }
  }
  return sent;
}
