import { hash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import { employerKey, knownEmployerName } from '../../common/normalize/employers.js';
import { slugify } from '../../common/normalize/text.js';

export interface ResolvedEmployer {
  id: number;
  slug: string;
  name: string;
}

/**
 * The canonical employer of each name (known aliases, then aliases seen before, else a new
 * employer), creating rows as needed. Safe under concurrent callers: inserts never conflict-fail.
 * Names whose key is empty (only punctuation) are left out of the result.
 */
export async function resolveEmployers(db: Executor, names: string[]): Promise<Map<string, ResolvedEmployer>> {
  const result = new Map<string, ResolvedEmployer>();
  const byKey = new Map<string, { canonical: string; names: string[] }>();
  for (const name of new Set(names)) {
    const key = employerKey(name);
    if (!key) continue;
    const entry = byKey.get(key) ?? { canonical: knownEmployerName(key) ?? name.trim(), names: [] };
    entry.names.push(name);
    byKey.set(key, entry);
  }
  if (byKey.size === 0) return result;

  const keys = [...byKey.keys()];
  // Arrays, not one parameter per name: a list can name more companies than a statement takes parameters.
  const seen = await db
    .selectFrom('employer_aliases as a')
    .innerJoin('employers as e', 'e.id', 'a.employer_id')
    .select(['a.key', 'e.id', 'e.slug', 'e.name'])
    .where('a.key', '=', sql<string>`any(${keys}::text[])`)
    .execute();
  const found = new Map(seen.map((r) => [r.key, { id: r.id, slug: r.slug, name: r.name }]));

  const missing = keys.filter((k) => !found.has(k));
  if (missing.length > 0) {
    const created = await createEmployers(db, missing.map((key) => ({ key, canonical: byKey.get(key)!.canonical })));
    for (const [key, employer] of created) found.set(key, employer);
    await sql`
      insert into employer_aliases (key, alias, employer_id)
      select * from unnest(${missing}::text[], ${missing.map((k) => byKey.get(k)!.names[0]!)}::text[],
        ${missing.map((k) => found.get(k)!.id)}::int[])
      on conflict (key) do nothing`.execute(db);
  }
  for (const [key, { names: originals }] of byKey) {
    for (const name of originals) result.set(name, found.get(key)!);
  }
  return result;
}

/**
 * The employer of each key, called by its canonical name, created if needed: all of them in a
 * few statements, however many a list names. A slug already taken by a company whose name folds
 * differently ("Œuvre" and "uvre" both slugify to "uvre") is not that company: the new one takes
 * the next free "-2", "-3"… Names with no Latin letter or digit slugify to nothing and get a slug
 * from a hash of their key, so that a list of Japanese companies does not queue on one slug.
 */
async function createEmployers(db: Executor, wanted: { key: string; canonical: string }[]): Promise<Map<string, ResolvedEmployer>> {
  const created = new Map<string, ResolvedEmployer>();
  let pending = wanted.map(({ key, canonical }) => {
    const canonicalKey = employerKey(canonical);
    return { key, canonical, canonicalKey, base: slugify(canonical) || `employer-${hash('sha256', canonicalKey).slice(0, 10)}` };
  });
  for (let n = 1; pending.length > 0; n++) {
    const slugs = pending.map((p) => (n === 1 ? p.base : `${p.base}-${n}`));
    await sql`
      insert into employers (slug, name) select * from unnest(${slugs}::text[], ${pending.map((p) => p.canonical)}::text[])
      on conflict (slug) do nothing`.execute(db);
    const rows = await db.selectFrom('employers').select(['id', 'slug', 'name']).where('slug', '=', sql<string>`any(${slugs}::text[])`).execute();
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    pending = pending.filter((p, i) => {
      const employer = bySlug.get(slugs[i]!);
      if (!employer || employerKey(employer.name) !== p.canonicalKey) return true;
      created.set(p.key, employer);
      return false;
    });
  }
  return created;
}

export async function resolveEmployer(db: Executor, name: string): Promise<ResolvedEmployer | undefined> {
  return (await resolveEmployers(db, [name])).get(name);
}
