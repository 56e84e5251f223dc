import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import { employerKey, knownEmployers } from '../../common/normalize/employers.js';
import { suggestCatalogSkills } from '../../common/normalize/skills.js';
import { slugify } from '../../common/normalize/text.js';

export interface SkillSuggestion {
  name: string;
  count: number;
}

/**
 * Catalog skills matching what was typed, best match first, each with how many published
 * profiles open to anyone list it (suggestions are public: recruiters-only profiles stay uncounted). Counting uses the GIN index on `skills` (`&&`), so it stays cheap.
 */
export async function suggestSkills(db: Executor, q: string, limit: number): Promise<SkillSuggestion[]> {
  const names = suggestCatalogSkills(q, limit);
  if (names.length === 0) return [];
  const { rows } = await sql<SkillSuggestion>`
    select s.name, count(*)::int as count
    from profiles p cross join lateral unnest(p.skills) as s(name)
    where p.status = 'published' and p.visibility = 'public' and p.skills && ${names}::text[] and s.name = any(${names}::text[])
    group by s.name`.execute(db);
  const counts = new Map(rows.map((r) => [r.name, r.count]));
  return names.map((name) => ({ name, count: counts.get(name) ?? 0 }));
}

export interface EmployerSuggestion {
  slug: string;
  name: string;
  alias: string | null;
  count: number;
}

/**
 * Employers whose name or another name starts with what was typed ("face" → Meta, as
 * Facebook): the well-known ones, and those someone is listed under (a published profile or a
 * layoff list), so that a stranger's typo on the form is never suggested to the next person.
 */
export async function suggestEmployers(db: Executor, q: string, limit: number): Promise<EmployerSuggestion[]> {
  const key = employerKey(q);
  const found = new Map<string, EmployerSuggestion>();

  const { rows } = await sql<EmployerSuggestion & { key: string }>`
    select e.slug, e.name, a.alias, a.key,
      (select count(*)::int from profiles p where p.former_employer_id = e.id and p.status = 'published' and p.visibility = 'public') as count
    from employer_aliases a join employers e on e.id = a.employer_id
    where a.key like ${`${key}%`}
      and (exists (select 1 from profiles p where p.former_employer_id = e.id and p.status = 'published' and p.visibility = 'public')
        or exists (select 1 from layoff_lists l where l.employer_id = e.id))
    order by count desc, e.name
    limit 200`.execute(db);
  for (const row of rows) {
    const alias = employerKey(row.name) === row.key || employerKey(row.name).startsWith(key) ? null : row.alias;
    const seen = found.get(row.slug);
    if (!seen || (seen.alias !== null && alias === null)) found.set(row.slug, { slug: row.slug, name: row.name, alias, count: row.count });
  }

  for (const { name, aliases } of knownEmployers()) {
    const slug = slugify(name);
    if (found.has(slug)) continue;
    const matched = employerKey(name).startsWith(key) ? name : aliases.find((a) => employerKey(a).startsWith(key));
    if (matched !== undefined) found.set(slug, { slug, name, alias: matched === name ? null : matched, count: 0 });
  }

  return [...found.values()]
    .sort((a, b) => b.count - a.count || Number(a.alias !== null) - Number(b.alias !== null) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Suggestions for forms as people type: canonical skills and employers. */
export class SuggestionService {
  constructor(private readonly db: Executor) {}

  skills(q: string, limit: number): Promise<SkillSuggestion[]> {
    return suggestSkills(this.db, q, limit);
  }

  employers(q: string, limit: number): Promise<EmployerSuggestion[]> {
    return suggestEmployers(this.db, q, limit);
  }
}
