/**
 * The skills catalog: canonical names, each with the other ways people write it. Used to
 * canonicalize skills on the way in (form and import), to suggest skills in the form, and as
 * search synonyms on the way out.
 *
 * The catalog itself is data, in skills-catalog.json: `"Canonical": ["alias", …]`, one skill a
 * line, in the order suggestions offer them. Aliases are only spellings of the same thing; words
 * that mean different things in different trades (e.g. "ops") are left out on purpose.
 */
import catalog from './skills-catalog.json' with { type: 'json' };

const CATALOG: Readonly<Record<string, readonly string[]>> = catalog;

/** Folds case, width and spacing so that "React JS", "react js" and "REACT  JS" meet. */
const fold = (value: string) => value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const byKey = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(CATALOG)) {
  byKey.set(fold(canonical), canonical);
  for (const alias of aliases) byKey.set(fold(alias), canonical);
}

/** The canonical name of a skill, or the input tidied when the catalog does not know it. */
export function canonicalSkill(raw: string): string {
  const tidy = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  return byKey.get(fold(tidy)) ?? tidy;
}

/** Every canonical skill, in catalog order. */
export const catalogSkills = (): string[] => Object.keys(CATALOG);

/**
 * Catalog skills for a form's suggestions: the exact name or alias first, then names that start
 * with `q`, then names with a word starting with `q`, then names that contain it.
 */
export function suggestCatalogSkills(q: string, limit: number): string[] {
  const key = fold(q);
  if (!key) return catalogSkills().slice(0, limit);
  const rank = (name: string): number => {
    const folded = fold(name);
    if (byKey.get(key) === name) return 0;
    if (folded.startsWith(key)) return 1;
    if (folded.split(/[\s/.-]+/).some((word) => word.startsWith(key))) return 2;
    if (CATALOG[name]!.some((alias) => fold(alias).startsWith(key))) return 3;
    return folded.includes(key) ? 4 : 5;
  };
  return catalogSkills()
    .map((name) => ({ name, rank: rank(name) }))
    .filter((s) => s.rank < 5)
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/** Meilisearch synonyms: every alias and its canonical name find each other. */
export function skillSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const [canonical, aliases] of Object.entries(CATALOG)) {
    if (aliases.length === 0) continue;
    const words = [canonical.toLowerCase(), ...aliases.map((a) => a.toLowerCase())];
    for (const word of words) synonyms[word] = words.filter((w) => w !== word);
  }
  return synonyms;
}
