import { randomBytes } from 'node:crypto';
import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import { resolveEmployer } from './employers.js';
import { cleanText, slugify } from '../../common/normalize/text.js';
import { normalizeWebUrl } from '../../common/normalize/web-url.js';
import type { CreateList, List, ListDetail } from '../schemas/lists.js';
import type { SearchTier } from '../../search/schemas.js';

/** A mistake in what the organizer sent: a 400 naming the field. */
const invalid = (field: string, reason: string) => httpErrors.badRequest(`body.${field} ${reason}`);

function text(value: string, field: string, max: number, multiline = false): string {
  const result = cleanText(value, { max, multiline });
  if (!result.ok) throw invalid(field, result.reason);
  return result.value;
}

export async function createList(db: Executor, input: CreateList, organizerId: number): Promise<List> {
  const title = text(input.title, 'title', 200);
  const employerName = text(input.employer, 'employer', 120);
  if (!title) throw invalid('title', 'must not be empty');
  const employer = await resolveEmployer(db, employerName);
  if (!employer) throw invalid('employer', 'must contain letters or digits');
  let sourceUrl: string | null = null;
  if (input.sourceUrl?.trim()) {
    sourceUrl = normalizeWebUrl(input.sourceUrl) ?? null;
    if (!sourceUrl) throw invalid('sourceUrl', 'must be an http(s) address, like https://docs.google.com/spreadsheets/…');
  }
  const description = input.description ? text(input.description, 'description', 2000, true) || null : null;

  const base = slugify(title) || 'list';
  // A readable slug, and a short random suffix only when the readable one is taken.
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
    const row = await db
      .insertInto('layoff_lists')
      .values({ slug, title, employer_id: employer.id, source_url: sourceUrl, description, organizer_id: organizerId })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning(['slug', 'created_at'])
      .executeTakeFirst();
    if (row) {
      return { slug: row.slug, title, employer: { name: employer.name, slug: employer.slug }, sourceUrl, description, profiles: 0, hired: 0, stale: 0, createdAt: new Date(row.created_at).toISOString() };
    }
  }
}

/** Lists with the count of their published profiles that `tier` may see. */
function listsQuery(db: Executor, tier: SearchTier) {
  const seen = tier === 'recruiter' ? sql`true` : sql`p.visibility = 'public'`;
  return db
    .selectFrom('layoff_lists as l')
    .leftJoin('employers as e', 'e.id', 'l.employer_id')
    .select([
      'l.id', 'l.slug', 'l.title', 'l.source_url', 'l.description', 'l.created_at', 'l.employer_id',
      'e.name as employer_name', 'e.slug as employer_slug',
      sql<number>`(select count(*)::int from profile_lists pl join profiles p on p.id = pl.profile_id
        where pl.list_id = l.id and p.status = 'published' and ${seen})`.as('profiles'),
      sql<number>`(select count(*)::int from hires h where h.list_id = l.id)`.as('hired'),
      sql<number>`(select count(*)::int from profile_lists pl join profiles p on p.id = pl.profile_id
        where pl.list_id = l.id and p.status = 'hidden' and p.hidden_reason = 'stale')`.as('stale'),
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listsQuery>['executeTakeFirstOrThrow']>>;

function toList(row: ListRow): List {
  return {
    slug: row.slug,
    title: row.title,
    employer: row.employer_name && row.employer_slug ? { name: row.employer_name, slug: row.employer_slug } : null,
    sourceUrl: row.source_url,
    description: row.description,
    profiles: row.profiles,
    hired: row.hired,
    stale: row.stale,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function listLists(db: Executor, tier: SearchTier): Promise<List[]> {
  const rows = await listsQuery(db, tier).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').limit(500).execute();
  return rows.map(toList);
}

export async function getList(db: Executor, slug: string, tier: SearchTier): Promise<ListDetail | undefined> {
  const row = await listsQuery(db, tier).where('l.slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const { rows } = await sql<{ month: string; hired: number }>`
    select to_char(date_trunc('month', hired_at at time zone 'UTC'), 'YYYY-MM') as month, count(*)::int as hired
    from hires where list_id = ${row.id} group by 1 order by 1`.execute(db);
  return { ...toList(row), hiresByMonth: rows };
}

/** The layoff lists: an organizer creates one, anyone reads them. */
export class ListService {
  constructor(private readonly db: Executor) {}

  /** POST /api/lists: 400 naming the field when one is not usable. */
  create(input: CreateList, organizerId: number): Promise<List> {
    return createList(this.db, input, organizerId);
  }

  /** Every list, counting the profiles `tier` may see. */
  all(tier: SearchTier): Promise<List[]> {
    return listLists(this.db, tier);
  }

  /** One list by its slug, counting the profiles `tier` may see, or 404. */
  async get(slug: string, tier: SearchTier): Promise<ListDetail> {
    const list = await getList(this.db, slug, tier);
    if (!list) throw httpErrors.notFound(`No list with the slug "${slug}". GET /api/lists shows the lists there are.`);
    return list;
  }
}

/**
 * A list its organizer (or an admin) imports into or follows a sheet for: 404 for an unknown
 * list, 403 for another organizer's (lists are public, so saying it exists tells nothing).
 */
export async function findOwnList(db: Executor, slug: string, user: { id: number; role: string }) {
  const list = await findListForImport(db, slug);
  if (!list) throw httpErrors.notFound(`No list with the slug "${slug}". Create it first with POST /api/lists.`);
  if (list.organizer_id !== user.id && user.role !== 'admin') {
    throw httpErrors.forbidden(`The list "${list.slug}" belongs to another organizer: import into a list you created, or ask an admin.`);
  }
  return list;
}

/** What the import needs of a list: its id and the employer its people most likely left. */
export function findListForImport(db: Executor, slug: string) {
  return db
    .selectFrom('layoff_lists as l')
    .leftJoin('employers as e', 'e.id', 'l.employer_id')
    .select(['l.id', 'l.slug', 'l.title', 'l.employer_id', 'l.organizer_id', 'e.name as employer_name'])
    .where('l.slug', '=', slug)
    .executeTakeFirst();
}
