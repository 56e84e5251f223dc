import type { Writable } from 'node:stream';
import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../db/schema.js';
import type { ResolvedEmployer } from '../employers.js';
import type { ImportedRow } from './rows.js';
import type { ImportCounts } from './types.js';

type Trx = Transaction<Database>;

/**
 * Every record of the file, on its way to the staging table: a valid row with what the pipeline
 * derived for it, or a rejected one with its reason. `data` (the cells as a JSON array) is kept
 * for the report, in case the merge turns the row away, and with it the hashes of whom the row
 * names, so that a removal can erase it from the report.
 */
type StagedRecord = { line: number; data: string; hashes: { email: string | null; linkedin: string | null } } & (
  | { outcome: 'ok'; row: ImportedRow; slug: string }
  | { outcome: 'skipped' | 'failed'; reason: string }
);

/**
 * Records are streamed with COPY into a temporary table while the file is still being read, and
 * merged into profiles with a handful of set-based statements at the end, all in the import's
 * transaction: memory stays flat whatever the file size, Postgres works while Node parses, and
 * the import commits whole or not at all.
 */
export async function createStage(trx: Trx): Promise<void> {
  await sql`
    create temp table import_stage (
      line int not null, outcome text not null, reason text,
      name text, email text, linkedin text, headline text, role text, seniority text, seniority_inferred boolean, skills text,
      years_experience int, country text, region text, city text, remote text, relocation boolean,
      work_authorization text, layoff_date date, available_from date, company text, email_hash text, linkedin_hash text, slug text, data text not null,
      profile_id int, superseded_by int, merged_into int, own boolean not null default false,
      suppressed boolean not null default false, action text
    ) on commit drop`.execute(trx);
  // The employers that the file's company names resolved to (few rows: one per distinct name).
  await sql`create temp table import_employers (company text primary key, employer_id int not null) on commit drop`.execute(trx);
}

const COLUMNS = [
  'line', 'outcome', 'reason', 'name', 'email', 'linkedin', 'headline', 'role', 'seniority', 'seniority_inferred', 'skills',
  'years_experience', 'country', 'region', 'city', 'remote', 'relocation', 'work_authorization', 'layoff_date', 'available_from', 'company', 'email_hash', 'linkedin_hash', 'slug', 'data',
].join(', ');

/** COPY into the stage on the transaction's own connection; nothing else may use it meanwhile. */
export function stageWriter(client: pg.Client): Writable {
  return client.query(copyFrom(`copy import_stage (${COLUMNS}) from stdin`));
}

/** Cannot occur in a stored skill: cleanText refuses control characters. */
const SKILL_SEPARATOR = '\u001f';
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format. */
function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/** One record as a line of COPY text, in the order of COLUMNS; a rejected row has only its reason and hashes. */
export function stageLine(record: StagedRecord): string {
  const ok = record.outcome === 'ok';
  const r = ok ? record.row : undefined;
  const values = [
    record.line, record.outcome, ok ? null : record.reason,
    r?.name, r?.email, r?.linkedinUrl, r?.headline, r?.role, r?.seniority, r?.seniorityInferred, r?.skills.join(SKILL_SEPARATOR),
    r?.yearsExperience, r?.country, r?.region, r?.city, r?.remote, r?.relocation, r?.workAuthorization, r?.layoffDate, r?.availableFrom, r?.company,
    record.hashes.email, record.hashes.linkedin, ok ? record.slug : null, record.data,
  ];
  return `${values.map(field).join('\t')}\n`;
}

/** The company names of the valid rows, once each, for the employer resolver. */
export async function stagedCompanies(trx: Trx): Promise<string[]> {
  const { rows } = await sql<{ company: string }>`
    select distinct company from import_stage where outcome = 'ok' and company is not null`.execute(trx);
  return rows.map((r) => r.company);
}

/**
 * Gives the planner statistics on the staged rows. Without them it guesses that a temp table
 * holds a row or two, and may match a large file against a few hundred stored profiles by
 * comparing every pair: 100k rows against 500 profiles took 63 s instead of 1.2 s. Only the
 * columns that the merge filters, joins or groups on are sampled (0.2 s per 100k rows; all of
 * them, 0.6 s).
 */
export async function analyzeStage(trx: Trx): Promise<void> {
  await sql`
    analyze import_stage (line, outcome, email, linkedin, company, email_hash, linkedin_hash, superseded_by, profile_id, action)
  `.execute(trx);
}

export async function recordEmployers(trx: Trx, employers: Map<string, ResolvedEmployer>): Promise<void> {
  if (employers.size === 0) return;
  const names = [...employers.keys()];
  await sql`
    insert into import_employers (company, employer_id)
    select * from unnest(${names}::text[], ${names.map((n) => employers.get(n)!.id)}::int[])`.execute(trx);
}

/** A staged row's former employer: its company as resolved, else the list's. */
const formerEmployer = (list: { employer_id: number | null }) =>
  sql`coalesce((select e.employer_id from import_employers e where e.company = s.company), ${list.employer_id}::int)`;

/** Rows naming someone who removed themselves (known only by hashes): they write nothing, ever. */
export async function markSuppressed(trx: Trx): Promise<void> {
  await sql`
    update import_stage set suppressed = true
    where outcome = 'ok' and (email_hash in (select key_hash from suppressions) or linkedin_hash in (select key_hash from suppressions))`.execute(trx);
}

/**
 * A seniority guessed from the staged row's title meets one that profile `p` was given by a
 * seniority column: what was said stays.
 */
const keepsSaidSeniority = sql`(s.seniority_inferred and p.seniority is not null and not p.seniority_inferred)`;
const mergedSeniority = sql`case when ${keepsSaidSeniority} then p.seniority else coalesce(s.seniority, p.seniority) end`;
const mergedSeniorityInferred = sql`case when ${keepsSaidSeniority} or s.seniority is null then p.seniority_inferred else s.seniority_inferred end`;

const listSource = (list: { id: number }) => `list:${list.id}`;

/**
 * Whether the import of this list may change the fields of profile `p`: only a profile the list
 * created, and only until its owner proves the address by using a link mailed to it (see
 * checkToken). Anyone may name a listed person (LinkedIn URLs are shown to recruiters, emails are
 * guessed), so naming a person must never be enough to rewrite them.
 */
const listOwns = (list: { id: number }) => sql`(p.consent_source = ${listSource(list)} and p.email_verified_at is null)`;

/** Whether profile `p` is on the list: before this import, as classify runs before any of its writes. */
const onList = (list: { id: number }) =>
  sql`exists (select 1 from profile_lists pl where pl.profile_id = p.id and pl.list_id = ${list.id}::int)`;

/**
 * Decides, for every valid staged row, what the merge would do, and what the organizer is told.
 *
 * Later rows win over earlier rows of the same email or LinkedIn URL in the file (and those are
 * reported). Then a row is matched to the list's own people: a profile on the list that the list
 * created, by its email (which the list gave it: no one ever changes a stored address), or, while
 * the list still owns it, by its LinkedIn URL (which only the list's imports set). Such a row is
 * `own`: `update` when the list owns the profile and the row changes it, else `same`. Matching
 * anyone else by a key the list did not give them (a self-managed person's address, another
 * list's person's URL) would test that key, so they are never told apart from strangers.
 *
 * Every other row is matched, silently, to any stored profile by lower(email), else by LinkedIn
 * URL: it `join`s the list when that profile is published and not yet on it, and writes nothing
 * when it is pending, hidden or removed. A row matching no one creates a profile, unless it names
 * someone who removed themselves. Two rows that turn out to be the same stored person (one by
 * email, one by URL) are not reported as such: the later one is used (`merged_into`).
 */
export async function classify(trx: Trx, list: { id: number; employer_id: number | null }): Promise<void> {
  // The same person twice in the file: the last row is the one that counts. Repeated emails and
  // URLs are few, so they are found by grouping and only their rows are touched.
  await sql`
    update import_stage s set superseded_by = d.keep
    from (select r.line, greatest(e.keep, l.keep) as keep
          from import_stage r
          left join (select lower(email) as k, max(line) as keep from import_stage
                     where outcome = 'ok' and email is not null group by 1 having count(*) > 1) e on e.k = lower(r.email)
          left join (select linkedin as k, max(line) as keep from import_stage
                     where outcome = 'ok' and linkedin is not null group by 1 having count(*) > 1) l on l.k = r.linkedin
          where r.outcome = 'ok' and (e.k is not null or l.k is not null)) d
    where d.line = s.line and d.keep > s.line`.execute(trx);
  // The list's own people first, by the keys the list gave them.
  await sql`
    update import_stage s set profile_id = p.id, own = true from profiles p
    where s.outcome = 'ok' and s.superseded_by is null and s.email is not null and lower(p.email) = lower(s.email)
      and p.consent_source = ${listSource(list)} and ${onList(list)}`.execute(trx);
  await sql`
    update import_stage s set profile_id = p.id, own = true from profiles p
    where s.outcome = 'ok' and s.superseded_by is null and s.profile_id is null and s.linkedin is not null
      and p.linkedin_url = s.linkedin and ${listOwns(list)} and ${onList(list)}`.execute(trx);
  // Then anyone, for the write only. Someone who removed themselves is not looked for.
  await sql`
    update import_stage s set profile_id = p.id from profiles p
    where s.outcome = 'ok' and s.superseded_by is null and not s.suppressed and s.profile_id is null
      and s.email is not null and lower(p.email) = lower(s.email)`.execute(trx);
  await sql`
    update import_stage s set profile_id = p.id from profiles p
    where s.outcome = 'ok' and s.superseded_by is null and not s.suppressed and s.profile_id is null
      and s.linkedin is not null and p.linkedin_url = s.linkedin`.execute(trx);
  // Two rows (one by email, one by LinkedIn) that turn out to be the same stored person.
  await sql`
    update import_stage s set merged_into = d.keep
    from (select line, max(line) over (partition by profile_id) as keep
          from import_stage where profile_id is not null and superseded_by is null) d
    where d.line = s.line and d.keep > s.line`.execute(trx);
  // Whether the row changes the profile is decided on what the row says, before a LinkedIn URL
  // that someone else holds is left out of it below: that must not show in the counts.
  const changesFields = sql`(
    s.name is distinct from p.name
    or coalesce(s.headline, p.headline) is distinct from p.headline
    or coalesce(s.role, p.role) is distinct from p.role
    or ${mergedSeniority} is distinct from p.seniority
    or ${mergedSeniorityInferred} is distinct from p.seniority_inferred
    or (s.skills <> '' and string_to_array(s.skills, ${SKILL_SEPARATOR}) is distinct from p.skills)
    or coalesce(s.years_experience, p.years_experience) is distinct from p.years_experience
    or coalesce(s.country, p.country) is distinct from p.country
    or coalesce(s.region, p.region) is distinct from p.region
    or coalesce(s.city, p.city) is distinct from p.city
    or coalesce(s.remote, p.remote) is distinct from p.remote
    or coalesce(s.relocation, p.relocation) is distinct from p.relocation
    or coalesce(s.work_authorization, p.work_authorization) is distinct from p.work_authorization
    or coalesce(s.layoff_date, p.layoff_date) is distinct from p.layoff_date
    or coalesce(s.available_from, p.available_from) is distinct from p.available_from
    or coalesce(${formerEmployer(list)}, p.former_employer_id) is distinct from p.former_employer_id
    or coalesce(s.linkedin, p.linkedin_url) is distinct from p.linkedin_url)`;
  await sql`
    update import_stage s set
      action = case
        when s.own then case when ${listOwns(list)} and ${changesFields} then 'update' else 'same' end
        when p.status = 'published' and not ${onList(list)} then 'join' end
    from profiles p
    where p.id = s.profile_id and s.superseded_by is null and s.merged_into is null`.execute(trx);
  // A LinkedIn URL already on someone else's profile stays theirs.
  await sql`
    update import_stage s set linkedin = null
    where s.action = 'update' and s.linkedin is not null
      and exists (select 1 from profiles o where o.linkedin_url = s.linkedin and o.id <> s.profile_id)`.execute(trx);
}

/** The valid rows that are the last of their email and LinkedIn URL in the file. */
const KEPT = sql`outcome = 'ok' and superseded_by is null`;
/** The rows that create a profile: kept, matching no stored profile, naming no one who removed themselves. */
const CREATES = sql`${KEPT} and profile_id is null and not suppressed`;
/** The rows that change a profile of the list's own. */
const UPDATES = sql`action = 'update' and not suppressed`;
/** The rows that put a stored profile on the list. */
const JOINS = sql`action = 'join'`;
/** The rows the report lists: turned away by validation, or by a later row of the same person in the file. */
const REJECTED = sql`(outcome <> 'ok' or superseded_by is not null)`;

/** The counts of an import but its total, which the reading knows. */
type StageCounts = Omit<ImportCounts, 'total'>;

/**
 * What an organizer is told of an import (its counts, preview, report and status) depends on their
 * file and on their own list, never on anyone else's profile: otherwise an import, a dry run above
 * all (it mails no one), would answer whether an address or a LinkedIn URL is on Lifeline, under
 * what name, in what state, and what else goes with it. So:
 * - `failed` and `skipped` are the rows turned away for what they are (validation), or because a
 *   later row of the file names the same email or LinkedIn URL: the only rows the report holds.
 * - `updated` / `unchanged` are the rows that name one of the list's own people (see classify):
 *   updated when the list still owns the profile and the row changes it, else unchanged.
 * - `created` is every other valid row: a person the import adds to its list, whether it creates
 *   their profile, only adds a membership to a stored one, or writes nothing at all because the
 *   person cannot be listed (they removed themselves, hid their profile, or never confirmed it).
 */
export async function countActions(trx: Trx): Promise<StageCounts> {
  const { rows } = await sql<StageCounts>`
    select
      count(*) filter (where ${KEPT} and not own)::int as created,
      count(*) filter (where ${KEPT} and own and action = 'update')::int as updated,
      count(*) filter (where ${KEPT} and own and action is distinct from 'update')::int as unchanged,
      count(*) filter (where ${REJECTED} and outcome <> 'failed')::int as skipped,
      count(*) filter (where outcome = 'failed')::int as failed
    from import_stage`.execute(trx);
  return rows[0]!;
}

/** Every row that was turned away, by validation or for a later row of the same person, into the import's report. */
export async function rejectStaged(trx: Trx, importId: number): Promise<void> {
  await sql`
    insert into import_rejections (import_id, line, outcome, reason, data, identity_hashes)
    select ${importId}, line,
      case when outcome = 'failed' then 'failed' else 'skipped' end,
      case when outcome <> 'ok' then reason else 'Same person as line ' || superseded_by || ': the later row is used.' end,
      data::jsonb, array_remove(array[email_hash, linkedin_hash], null)
    from import_stage where ${REJECTED}`.execute(trx);
}

/**
 * Writes the merge: new profiles, changed profiles, list memberships, a search_outbox row for
 * every profile whose search document changes, and the notices owed. Blank cells never erase
 * what a profile already has (an overlapping list may have fewer columns), and no address is
 * ever put on a stored profile: it is the key to its manage link.
 *
 * Freshness: a profile the import publishes counts as confirmed now (its organizer attested the
 * consent today). Every membership the file names again is `seen_at` now: people without an email
 * stay listed while their lists do, and one hidden as stale for that reason is listed again.
 */
export async function applyStage(trx: Trx, list: { id: number; employer_id: number | null }): Promise<void> {
  // New profiles, with their membership, search document and notice, in one pass over the stage.
  await sql`
    with created as (
      insert into profiles (slug, status, name, headline, role, seniority, seniority_inferred, skills, years_experience, country,
        region, city, remote, relocation, work_authorization, layoff_date, available_from, former_employer_id, linkedin_url, email,
        consent_at, consent_source, published_at, last_confirmed_at)
      select s.slug, 'published', s.name, s.headline, s.role, s.seniority, s.seniority_inferred, string_to_array(s.skills, ${SKILL_SEPARATOR}),
        s.years_experience, s.country, s.region, s.city, s.remote, s.relocation, s.work_authorization, s.layoff_date, s.available_from,
        ${formerEmployer(list)}, s.linkedin, s.email, now(), ${listSource(list)}, now(), now()
      from import_stage s
      where ${CREATES}
      returning id, email),
    listed as (insert into profile_lists (profile_id, list_id) select id, ${list.id}::int from created),
    queued as (insert into search_outbox (profile_id) select id from created)
    insert into import_notices (profile_id, list_id) select id, ${list.id}::int from created where email is not null`.execute(trx);
  await sql`
    update profiles p set
      name = s.name,
      headline = coalesce(s.headline, p.headline),
      role = coalesce(s.role, p.role),
      seniority = ${mergedSeniority},
      seniority_inferred = ${mergedSeniorityInferred},
      skills = case when s.skills <> '' then string_to_array(s.skills, ${SKILL_SEPARATOR}) else p.skills end,
      years_experience = coalesce(s.years_experience, p.years_experience),
      country = coalesce(s.country, p.country),
      region = coalesce(s.region, p.region),
      city = coalesce(s.city, p.city),
      remote = coalesce(s.remote, p.remote),
      relocation = coalesce(s.relocation, p.relocation),
      work_authorization = coalesce(s.work_authorization, p.work_authorization),
      layoff_date = coalesce(s.layoff_date, p.layoff_date),
      available_from = coalesce(s.available_from, p.available_from),
      former_employer_id = coalesce(${formerEmployer(list)}, p.former_employer_id),
      linkedin_url = coalesce(s.linkedin, p.linkedin_url),
      updated_at = now()
    from import_stage s
    -- The ownership is checked again where the write happens, not only where it was decided.
    where s.profile_id = p.id and ${UPDATES} and ${listOwns(list)} and p.status <> 'removed'`.execute(trx);
  await sql`
    insert into profile_lists (profile_id, list_id)
    select profile_id, ${list.id} from import_stage where ${JOINS}
    on conflict do nothing`.execute(trx);
  // The memberships just added make the planner's idea of this list stale (a new list: "no rows"),
  // and with it, marking 100k memberships as seen compared every pair (minutes): count them first.
  await sql`analyze profile_lists (profile_id, list_id)`.execute(trx);
  await sql`
    update profile_lists pl set seen_at = now()
    from (select distinct profile_id from import_stage where ${KEPT} and profile_id is not null) s
    where pl.list_id = ${list.id}::int and pl.profile_id = s.profile_id`.execute(trx);
  await sql`
    with relisted as (
      update profiles p set status = 'published', hidden_reason = null, updated_at = now()
      from import_stage s
      where s.profile_id = p.id and ${KEPT} and p.status = 'hidden' and p.hidden_reason = 'stale' and p.email is null
        and ${onList(list)}
      returning p.id)
    insert into search_outbox (profile_id) select id from relisted`.execute(trx);
  await sql`
    insert into search_outbox (profile_id)
    select profile_id from import_stage where ${UPDATES} or ${JOINS}`.execute(trx);
  await sql`
    insert into import_notices (profile_id, list_id)
    select s.profile_id, ${list.id} from import_stage s join profiles p on p.id = s.profile_id
    where ${JOINS} and p.email is not null and p.status = 'published'
    on conflict do nothing`.execute(trx);
}

/**
 * The list's people whom no row of the file names any more: matched by no kept row, and named by
 * no row at all, not even one turned away (a typo in someone's row must not take them off the
 * list). The stage keeps the rows' identities as hashes; the profiles' are computed alike (see
 * emailHash and linkedinHash in server/privacy/suppression.ts).
 */
const leavers = (list: { id: number }) => sql`
  select p.id from profile_lists pl join profiles p on p.id = pl.profile_id
  where pl.list_id = ${list.id}::int
    and not exists (select 1 from import_stage s where s.profile_id = p.id)
    and (p.email is null or not exists (select 1 from import_stage s
      where s.email_hash = encode(sha256(convert_to('email:' || lower(p.email), 'UTF8')), 'hex')))
    and (p.linkedin_url is null or not exists (select 1 from import_stage s
      where s.linkedin_hash = encode(sha256(convert_to('linkedin:' || p.linkedin_url, 'UTF8')), 'hex')))`;

/** How many people would leave the list (a followed sheet's preview and counts). */
export async function countLeavers(trx: Trx, list: { id: number }): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${leavers(list)}) l`.execute(trx);
  return rows[0]!.n;
}

/**
 * The people the followed sheet no longer names leave the list. A profile is hidden too when it is
 * on no other list and its owner never took it over (DESIGN.md, "Who may change a profile"):
 * without the sheet nothing says it may stay public. Self-managed profiles only lose the list.
 */
export async function removeLeavers(trx: Trx, list: { id: number }): Promise<void> {
  await sql`
    with gone as (
      delete from profile_lists pl where pl.list_id = ${list.id}::int and pl.profile_id in (${leavers(list)})
      returning pl.profile_id),
    hidden as (
      update profiles p set status = 'hidden', hidden_reason = 'unlisted', updated_at = now()
      from gone g
      where p.id = g.profile_id and p.status = 'published' and p.email_verified_at is null
        and not exists (select 1 from profile_lists o where o.profile_id = p.id and o.list_id <> ${list.id}::int))
    insert into search_outbox (profile_id) select profile_id from gone`.execute(trx);
}

/**
 * The followed sheet names again someone it once dropped: a profile this list created, hidden
 * when the sheet no longer named them (on no list since), comes back on the list and in search.
 * A profile hidden for any other reason (its owner, a hire, staleness) is untouched.
 */
export async function rejoinNamed(trx: Trx, list: { id: number }): Promise<void> {
  await sql`
    with back as (
      select distinct p.id from import_stage s join profiles p on p.id = s.profile_id
      where ${KEPT} and s.merged_into is null and not s.suppressed
        and p.status = 'hidden' and p.hidden_reason = 'unlisted' and ${listOwns(list)}
        and not exists (select 1 from profile_lists pl where pl.profile_id = p.id)),
    listed as (insert into profile_lists (profile_id, list_id) select id, ${list.id}::int from back on conflict do nothing),
    shown as (update profiles p set status = 'published', hidden_reason = null, updated_at = now() from back b where p.id = b.id)
    insert into search_outbox (profile_id) select id from back`.execute(trx);
}
