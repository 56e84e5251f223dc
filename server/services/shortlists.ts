import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import { countryName } from '../../common/labels.js';
import { cleanText, slugify } from '../../common/normalize/text.js';
import { WORKSPACE_LIMITS, type AddToShortlist, type Shortlist, type ShortlistEntry, type ShortlistSummary } from '../schemas/workspace.js';
import { csvLine } from './csv-cell.js';
import { workspaceName } from './saved-searches.js';

const NOT_FOUND = 'No such shortlist in your workspace.';
const ENTRY_NOT_FOUND = 'This person is not on this shortlist.';

function note(raw: string | undefined): string {
  const clean = cleanText(raw ?? '', { max: WORKSPACE_LIMITS.noteLength, multiline: true });
  if (!clean.ok) throw httpErrors.badRequest(`body.note ${clean.reason}`);
  return clean.value;
}

const iso = (at: Date | string) => new Date(at).toISOString();

/** A shortlist's people, in the order they were added: what is shown only while they are listed. */
function entries(db: Executor, shortlistId: number) {
  return db
    .selectFrom('shortlist_profiles as sp')
    .innerJoin('profiles as p', 'p.id', 'sp.profile_id')
    .leftJoin('employers as e', 'e.id', 'p.former_employer_id')
    .select([
      'sp.id', 'sp.note', 'sp.added_at', 'p.status', 'p.slug', 'p.name', 'p.headline', 'p.role', 'p.city', 'p.region',
      'p.country', 'p.skills', 'e.slug as employer_slug', 'e.name as employer_name',
    ])
    .where('sp.shortlist_id', '=', shortlistId)
    .orderBy('sp.id')
    .execute();
}
type EntryRow = Awaited<ReturnType<typeof entries>>[number];

/** A person hidden, hired or removed is "no longer listed": the note stays, their data does not. */
function toEntry(r: EntryRow): ShortlistEntry {
  return {
    id: r.id,
    note: r.note,
    addedAt: iso(r.added_at),
    profile:
      r.status === 'published'
        ? {
            slug: r.slug,
            name: r.name,
            headline: r.headline,
            role: r.role,
            city: r.city,
            region: r.region,
            country: r.country,
            skills: r.skills,
            formerEmployer: r.employer_slug && r.employer_name ? { slug: r.employer_slug, name: r.employer_name } : null,
          }
        : null,
  };
}

const EXPORT_HEADER = ['Name', 'Headline', 'Role', 'City', 'Region', 'Country', 'Skills', 'Former employer', 'Profile URL', 'Note', 'Added'];

/**
 * A verified recruiter's shortlists: named lists of people with a private note each, and their
 * export. Scoped to the recruiter: another recruiter's list is "not found", never "forbidden".
 */
export class ShortlistService {
  constructor(private readonly deps: { db: Executor; publicUrl: string }) {}

  async list(userId: number): Promise<ShortlistSummary[]> {
    const rows = await this.deps.db
      .selectFrom('shortlists as s')
      .select(['s.id', 's.name', 's.created_at', 's.updated_at'])
      .select((eb) => eb.selectFrom('shortlist_profiles as sp').whereRef('sp.shortlist_id', '=', 's.id').select(eb.fn.countAll<number>().as('n')).as('count'))
      .where('s.user_id', '=', userId)
      .orderBy('s.updated_at', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.count ?? 0), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) }));
  }

  async create(userId: number, rawName: string): Promise<ShortlistSummary> {
    const name = workspaceName(rawName);
    return this.deps.db.transaction().execute(async (trx) => {
      // One recruiter's creations queue here, so two at once cannot both take the last place.
      await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
      const { n } = await trx.selectFrom('shortlists').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
      if (Number(n) >= WORKSPACE_LIMITS.shortlists) {
        throw httpErrors.conflict(`You have ${WORKSPACE_LIMITS.shortlists} shortlists, the most there can be. Delete one you no longer use first.`);
      }
      const row = await trx.insertInto('shortlists').values({ user_id: userId, name }).returning(['id', 'name', 'created_at', 'updated_at']).executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, count: 0, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
    });
  }

  async get(userId: number, id: number): Promise<Shortlist> {
    const list = await this.owned(this.deps.db, userId, id);
    return { id: list.id, name: list.name, createdAt: iso(list.created_at), updatedAt: iso(list.updated_at), entries: (await entries(this.deps.db, id)).map(toEntry) };
  }

  async rename(userId: number, id: number, rawName: string): Promise<Shortlist> {
    const name = workspaceName(rawName);
    await this.owned(this.deps.db, userId, id);
    await this.deps.db.updateTable('shortlists').set({ name, updated_at: sql`now()` }).where('id', '=', id).execute();
    return this.get(userId, id);
  }

  async remove(userId: number, id: number): Promise<void> {
    const { numDeletedRows } = await this.deps.db.deleteFrom('shortlists').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (Number(numDeletedRows) === 0) throw httpErrors.notFound(NOT_FOUND);
  }

  /** Adds a published person (201), or, already there, keeps them and sets the note when one is given (200). */
  async add(userId: number, id: number, body: AddToShortlist): Promise<{ created: boolean; entry: ShortlistEntry }> {
    const text = body.note === undefined ? undefined : note(body.note);
    return this.deps.db.transaction().execute(async (trx) => {
      await this.owned(trx, userId, id, { lock: true });
      const profile = await trx.selectFrom('profiles').select('id').where('slug', '=', body.slug).where('status', '=', 'published').executeTakeFirst();
      if (!profile) throw httpErrors.notFound(`No published profile "${body.slug.slice(0, 120)}".`);
      const existing = await trx.selectFrom('shortlist_profiles').select('id').where('shortlist_id', '=', id).where('profile_id', '=', profile.id).executeTakeFirst();
      let entryId = existing?.id;
      if (existing) {
        if (text !== undefined) await trx.updateTable('shortlist_profiles').set({ note: text }).where('id', '=', existing.id).execute();
      } else {
        const { n } = await trx.selectFrom('shortlist_profiles').select((eb) => eb.fn.countAll<number>().as('n')).where('shortlist_id', '=', id).executeTakeFirstOrThrow();
        if (Number(n) >= WORKSPACE_LIMITS.peoplePerShortlist) {
          throw httpErrors.conflict(`This shortlist holds ${WORKSPACE_LIMITS.peoplePerShortlist.toLocaleString('en')} people, the most there can be. Start another one.`);
        }
        ({ id: entryId } = await trx
          .insertInto('shortlist_profiles')
          .values({ shortlist_id: id, profile_id: profile.id, note: text ?? '' })
          .returning('id')
          .executeTakeFirstOrThrow());
      }
      await trx.updateTable('shortlists').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
      const entry = (await entries(trx, id)).find((e) => e.id === entryId)!;
      return { created: !existing, entry: toEntry(entry) };
    });
  }

  async updateNote(userId: number, id: number, entryId: number, rawNote: string): Promise<ShortlistEntry> {
    const text = note(rawNote);
    await this.owned(this.deps.db, userId, id);
    const { numUpdatedRows } = await this.deps.db.updateTable('shortlist_profiles').set({ note: text }).where('id', '=', entryId).where('shortlist_id', '=', id).executeTakeFirst();
    if (Number(numUpdatedRows) === 0) throw httpErrors.notFound(ENTRY_NOT_FOUND);
    return toEntry((await entries(this.deps.db, id)).find((e) => e.id === entryId)!);
  }

  async removeEntry(userId: number, id: number, entryId: number): Promise<void> {
    await this.owned(this.deps.db, userId, id);
    const { numDeletedRows } = await this.deps.db.deleteFrom('shortlist_profiles').where('id', '=', entryId).where('shortlist_id', '=', id).executeTakeFirst();
    if (Number(numDeletedRows) === 0) throw httpErrors.notFound(ENTRY_NOT_FOUND);
  }

  /**
   * The shortlist as CSV: UTF-8 with a BOM (Excel then reads accents), every cell spreadsheet-safe,
   * never an email address; people no longer listed keep their row and note, without their data.
   */
  async exportCsv(userId: number, id: number): Promise<{ fileName: string; csv: string }> {
    const list = await this.owned(this.deps.db, userId, id);
    const rows = (await entries(this.deps.db, id)).map(toEntry);
    const lines = rows.map(({ profile: p, note: text, addedAt }) =>
      p
        ? csvLine([
            p.name, p.headline, p.role, p.city, p.region, p.country ? countryName(p.country) : null, p.skills.join(', '),
            p.formerEmployer?.name, `${this.deps.publicUrl}/p/${p.slug}`, text, addedAt.slice(0, 10),
          ])
        : csvLine(['(no longer listed)', null, null, null, null, null, null, null, null, text, addedAt.slice(0, 10)]),
    );
    return { fileName: `shortlist-${slugify(list.name) || list.id}.csv`, csv: `\uFEFF${csvLine(EXPORT_HEADER)}${lines.join('')}` };
  }

  private async owned(db: Executor, userId: number, id: number, options: { lock?: boolean } = {}) {
    const list = await db
      .selectFrom('shortlists')
      .select(['id', 'name', 'created_at', 'updated_at'])
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .$if(options.lock === true, (qb) => qb.forUpdate())
      .executeTakeFirst();
    if (!list) throw httpErrors.notFound(NOT_FOUND);
    return list;
  }
}
