/**
 * The skills catalog: canonical names, each with the other ways people write it. Used to
 * canonicalize skills on the way in (form and import) and as search synonyms on the way out.
 */
const CATALOG: Record<string, string[]> = {
  JavaScript: ['js', 'javascript', 'ecmascript', 'es6'],
  TypeScript: ['ts', 'typescript'],
  Kubernetes: ['k8s', 'kube'],
  React: ['reactjs', 'react.js'],
  'Node.js': ['node', 'nodejs', 'node js'],
  PostgreSQL: ['postgres', 'postgresql', 'psql'],
  Python: ['py', 'python3'],
  Go: ['golang'],
  'Amazon Web Services': ['aws'],
  'Google Cloud': ['gcp', 'google cloud platform'],
  'Machine Learning': ['ml'],
  'Product Management': ['pm', 'product manager'],
  'UX Design': ['ux', 'user experience'],
  'C++': ['cpp', 'c plus plus'],
  'C#': ['csharp', 'c sharp'],
};

/** The canonical skill names of the catalog (the seed data draws its skills from them). */
export const CANONICAL_SKILLS: readonly string[] = Object.keys(CATALOG);

/** Folds case, spacing and dots so that "React JS", "react.js" and "ReactJS" meet. */
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

/** Meilisearch synonyms: every alias and its canonical name find each other. */
export function skillSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const [canonical, aliases] of Object.entries(CATALOG)) {
    const words = [canonical.toLowerCase(), ...aliases];
    for (const word of words) synonyms[word] = words.filter((w) => w !== word);
  }
  return synonyms;
}
