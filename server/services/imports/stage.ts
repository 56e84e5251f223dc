import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ImportedRow } from './rows.js';

type Trx = Transaction<Database>;

/** A valid row on its way to the staging table, with what the pipeline resolved for it. */
export interface StagedRow extends ImportedRow {
  line: number;
  formerEmployerId: number | null;
  slug: string;
  /** The row's cells (a JSON array), kept for the report in case the merge rejects it. */
  data: string;
}

/**
 * Rows are streamed into a temporary table in batches (one statement per batch) and merged into
 * profiles with a handful of set-based statements at the end, all in the import's transaction:
 * memory stays flat whatever the file size, and the import commits whole or not at all.
 */
export async function createStage(trx: Trx): Promise<void> {
  await sql`
    create temp table import_stage (
      line int not null,
      name text not null, email text, email_key text, linkedin text,
      headline text, role text, seniority text, skills text[] not null, years_experience int,
      country text, region text, city text, remote text, relocation boolean, work_authorization text,
      former_employer_id int, slug text not null, data jsonb not null,
      profile_id int, superseded_by int, action text, linked boolean not null default false
    ) on commit drop`.execute(trx);
}

/** Statistics for the merge's joins: without them the planner guesses a temp table is tiny. */
export async function analyzeStage(trx: Trx): Promise<void> {
  await sql`analyze import_stage`.execute(trx);
}

/** Cannot occur in a stored skill: cleanText refuses control characters. */
const SKILL_SEPARATOR = '\u001f';

export async function stageRows(trx: Trx, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (r: StagedRow) => T) => rows.map(pick);
  await sql`
    insert into import_stage (line, name, email, email_key, linkedin, headline, role, seniority, skills,
      years_experience, country, region, city, remote, relocation, work_authorization, former_employer_id, slug, data)
    select line, name, email, lower(email), linkedin, headline, role, seniority, string_to_array(skills, ${SKILL_SEPARATOR}),
      years_experience, country, region, city, remote, relocation, work_authorization, former_employer_id, slug, data::jsonb
    from unnest(
      ${col((r) => r.line)}::int[], ${col((r) => r.name)}::text[], ${col((r) => r.email)}::text[],
      ${col((r) => r.linkedinUrl)}::text[], ${col((r) => r.headline)}::text[], ${col((r) => r.role)}::text[],
      ${col((r) => r.seniority)}::text[], ${col((r) => r.skills.join(SKILL_SEPARATOR))}::text[],
      ${col((r) => r.yearsExperience)}::int[], ${col((r) => r.country)}::text[], ${col((r) => r.region)}::text[],
      ${col((r) => r.city)}::text[], ${col((r) => r.remote)}::text[], ${col((r) => r.relocation)}::boolean[],
      ${col((r) => r.workAuthorization)}::text[], ${col((r) => r.formerEmployerId)}::int[], ${col((r) => r.slug)}::text[],
      ${col((r) => r.data)}::text[]
    ) as t(line, name, email, linkedin, headline, role, seniority, skills, years_experience, country, region, city,
      remote, relocation, work_authorization, former_employer_id, slug, data)`.execute(trx);
}

export interface MergeCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** The reason given for a person who cannot be listed by an import, whatever the cause. */
export const NOT_LISTABLE = 'Not imported: this person cannot be listed from an import.';

/**
 * Decides, for every staged row, what the merge would do: later rows win over earlier rows of
 * the same person; rows match existing profiles by lower(email), else by LinkedIn URL. Profiles
 * their owner manages (created by the form, or hidden or removed) are never overwritten.
 */
export async function classify(trx: Trx, listId: number): Promise<void> {
  // The same person twice in the file: the last row is the one that counts.
  await sql`
    update import_stage s set superseded_by = d.keep
    from (select line, greatest(
            case when email_key is not null then max(line) over (partition by email_key) end,
            case when linkedin is not null then max(line) over (partition by linkedin) end) as keep
          from import_stage) d
    where d.line = s.line and d.keep > s.line`.execute(trx);
  await sql`
    update import_stage s set profile_id = p.id from profiles p
    where s.superseded_by is null and s.email_key is not null and lower(p.email) = s.email_key`.execute(trx);
  await sql`
    update import_stage s set profile_id = p.id from profiles p
    where s.superseded_by is null and s.profile_id is null and s.linkedin is not null and p.linkedin_url = s.linkedin`.execute(trx);
  // Two rows (one by email, one by LinkedIn) that turn out to be the same stored person.
  await sql`
    update import_stage s set superseded_by = d.keep
    from (select line, max(line) over (partition by profile_id) as keep
          from import_stage where profile_id is not null and superseded_by is null) d
    where d.line = s.line and d.keep > s.line`.execute(trx);
  // A LinkedIn URL already on someone else's profile stays theirs.
  await sql`
    update import_stage s set linkedin = null
    where s.superseded_by is null and s.profile_id is not null and s.linkedin is not null
      and exists (select 1 from profiles o where o.linkedin_url = s.linkedin and o.id <> s.profile_id)`.execute(trx);
  await sql`
    update import_stage s set
      action = case
        when p.status in ('hidden', 'removed') then 'blocked'
        when p.consent_source = 'form' then 'link'
        when p.status <> 'published'
          or s.name is distinct from p.name
          or coalesce(s.headline, p.headline) is distinct from p.headline
          or coalesce(s.role, p.role) is distinct from p.role
          or coalesce(s.seniority, p.seniority) is distinct from p.seniority
          or (cardinality(s.skills) > 0 and s.skills is distinct from p.skills)
          or coalesce(s.years_experience, p.years_experience) is distinct from p.years_experience
          or coalesce(s.country, p.country) is distinct from p.country
          or coalesce(s.region, p.region) is distinct from p.region
          or coalesce(s.city, p.city) is distinct from p.city
          or coalesce(s.remote, p.remote) is distinct from p.remote
          or coalesce(s.relocation, p.relocation) is distinct from p.relocation
          or coalesce(s.work_authorization, p.work_authorization) is distinct from p.work_authorization
          or coalesce(s.former_employer_id, p.former_employer_id) is distinct from p.former_employer_id
          or coalesce(s.linkedin, p.linkedin_url) is distinct from p.linkedin_url
          or (p.email is null and s.email is not null)
        then 'update'
        else 'same' end,
      linked = exists (select 1 from profile_lists pl where pl.profile_id = p.id and pl.list_id = ${listId})
    from profiles p
    where p.id = s.profile_id and s.superseded_by is null`.execute(trx);
  await sql`update import_stage set action = 'create' where profile_id is null and superseded_by is null`.execute(trx);
}

export async function countActions(trx: Trx): Promise<MergeCounts> {
  const { rows } = await sql<MergeCounts>`
    select
      count(*) filter (where action = 'create')::int as created,
      count(*) filter (where action = 'update' or (action in ('same', 'link') and not linked))::int as updated,
      count(*) filter (where action in ('same', 'link') and linked)::int as unchanged,
      count(*) filter (where superseded_by is not null or action = 'blocked')::int as skipped
    from import_stage`.execute(trx);
  return rows[0]!;
}

/** The rows the merge turned away, into the import's report. */
export async function rejectStaged(trx: Trx, importId: number): Promise<void> {
  await sql`
    insert into import_rejections (import_id, line, outcome, reason, data)
    select ${importId}, line, 'skipped',
      case when superseded_by is not null
        then 'Same person as line ' || superseded_by || ': the later row is used.'
        else ${NOT_LISTABLE} end,
      data
    from import_stage where superseded_by is not null or action = 'blocked'`.execute(trx);
}

/**
 * Writes the merge: new profiles, changed profiles, list memberships, a search_outbox row for
 * every profile whose search document changes, and the notices owed. Blank cells never erase
 * what a profile already has (an overlapping list may have fewer columns).
 */
export async function applyStage(trx: Trx, listId: number): Promise<void> {
  const source = `list:${listId}`;
  await sql`
    with created as (
      insert into profiles (slug, status, name, headline, role, seniority, skills, years_experience, country, region,
        city, remote, relocation, work_authorization, former_employer_id, linkedin_url, email,
        consent_at, consent_source, published_at)
      select slug, 'published', name, headline, role, seniority, skills, years_experience, country, region,
        city, remote, relocation, work_authorization, former_employer_id, linkedin, email, now(), ${source}, now()
      from import_stage where action = 'create' order by line
      returning id, slug)
    update import_stage s set profile_id = c.id from created c where s.slug = c.slug`.execute(trx);
  await sql`
    update profiles p set
      status = 'published',
      name = s.name,
      headline = coalesce(s.headline, p.headline),
      role = coalesce(s.role, p.role),
      seniority = coalesce(s.seniority, p.seniority),
      skills = case when cardinality(s.skills) > 0 then s.skills else p.skills end,
      years_experience = coalesce(s.years_experience, p.years_experience),
      country = coalesce(s.country, p.country),
      region = coalesce(s.region, p.region),
      city = coalesce(s.city, p.city),
      remote = coalesce(s.remote, p.remote),
      relocation = coalesce(s.relocation, p.relocation),
      work_authorization = coalesce(s.work_authorization, p.work_authorization),
      former_employer_id = coalesce(s.former_employer_id, p.former_employer_id),
      linkedin_url = coalesce(s.linkedin, p.linkedin_url),
      email = coalesce(p.email, s.email),
      consent_at = coalesce(p.consent_at, now()),
      consent_source = coalesce(p.consent_source, ${source}),
      published_at = coalesce(p.published_at, now()),
      updated_at = now()
    from import_stage s
    where s.profile_id = p.id and s.action = 'update'`.execute(trx);
  await sql`
    insert into profile_lists (profile_id, list_id)
    select profile_id, ${listId} from import_stage where action in ('create', 'update', 'same', 'link')
    on conflict do nothing`.execute(trx);
  await sql`
    insert into search_outbox (profile_id)
    select profile_id from import_stage
    where action in ('create', 'update') or (action in ('same', 'link') and not linked)`.execute(trx);
  await sql`
    insert into import_notices (profile_id, list_id)
    select s.profile_id, ${listId} from import_stage s join profiles p on p.id = s.profile_id
    where s.action in ('create', 'update', 'same', 'link') and p.email is not null and p.status = 'published'
    on conflict do nothing`.execute(trx);
}
