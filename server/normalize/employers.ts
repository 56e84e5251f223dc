import type { Executor } from '../db/client.js';
import { slugify } from './text.js';

/** Well-known employers and the other names they go by; the rest are created as they come. */
const KNOWN: Record<string, string[]> = {
  Meta: ['Facebook', 'Meta Platforms', 'Instagram', 'WhatsApp', 'Oculus'],
  Google: ['Alphabet', 'Google LLC', 'YouTube', 'DeepMind'],
  Amazon: ['Amazon.com', 'AWS', 'Amazon Web Services', 'Twitch', 'Whole Foods'],
  Microsoft: ['MSFT', 'LinkedIn', 'GitHub', 'Activision Blizzard'],
  Apple: ['Apple Computer'],
  X: ['Twitter', 'X Corp'],
  Salesforce: ['Slack', 'Tableau', 'MuleSoft'],
  Intel: ['Intel Corporation'],
  IBM: ['International Business Machines'],
  Cisco: ['Cisco Systems'],
  Dell: ['Dell Technologies', 'Dell EMC'],
  HP: ['Hewlett-Packard', 'HP Inc', 'Hewlett Packard Enterprise', 'HPE'],
  Oracle: ['Oracle Corporation'],
  SAP: ['SAP SE'],
  Spotify: [],
  Shopify: [],
  Stripe: [],
  Netflix: [],
  Uber: ['Uber Technologies'],
  Lyft: [],
  Airbnb: [],
  Snap: ['Snapchat', 'Snap Inc'],
  PayPal: ['eBay'],
  Zoom: ['Zoom Video Communications'],
  Coinbase: [],
  Robinhood: ['Robinhood Markets'],
  Peloton: ['Peloton Interactive'],
  Tesla: ['Tesla Motors'],
  Wayfair: [],
  Unity: ['Unity Technologies'],
  Atlassian: [],
  Dropbox: [],
  Twilio: [],
  Okta: [],
  Zillow: [],
  Redfin: [],
  DoorDash: [],
  Indeed: ['Recruit Holdings'],
  Chegg: [],
  Vimeo: [],
};

/** Legal-form words that say nothing about which company it is. */
const SUFFIXES = /\b(inc|incorporated|llc|l l c|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|plc|bv|nv|pty|holdings?)\b/g;

/** "Meta Platforms, Inc." and "meta platforms" meet at "meta platforms". */
export function employerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const knownByKey = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(KNOWN)) {
  for (const name of [canonical, ...aliases]) knownByKey.set(employerKey(name), canonical);
}

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
    const entry = byKey.get(key) ?? { canonical: knownByKey.get(key) ?? name.trim(), names: [] };
    entry.names.push(name);
    byKey.set(key, entry);
  }
  if (byKey.size === 0) return result;

  const keys = [...byKey.keys()];
  const seen = await db
    .selectFrom('employer_aliases as a')
    .innerJoin('employers as e', 'e.id', 'a.employer_id')
    .select(['a.key', 'e.id', 'e.slug', 'e.name'])
    .where('a.key', 'in', keys)
    .execute();
  const found = new Map(seen.map((r) => [r.key, { id: r.id, slug: r.slug, name: r.name }]));

  for (const key of keys.filter((k) => !found.has(k))) {
    const { canonical } = byKey.get(key)!;
    const employer = await findOrCreateEmployer(db, canonical);
    await db
      .insertInto('employer_aliases')
      .values({ key, alias: byKey.get(key)!.names[0]!, employer_id: employer.id })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    found.set(key, employer);
  }
  for (const [key, { names: originals }] of byKey) {
    for (const name of originals) result.set(name, found.get(key)!);
  }
  return result;
}

/**
 * The employer called `canonical`, created if needed. A slug already taken by a company whose
 * name folds differently ("Œ…" and "åß…" both slugify to "a"; most non-Latin names to "") is
 * not that company: the new one gets the next free "-2", "-3"… slug.
 */
async function findOrCreateEmployer(db: Executor, canonical: string): Promise<ResolvedEmployer> {
  const key = employerKey(canonical);
  const base = slugify(canonical) || `employer-${key.length}`;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    await db.insertInto('employers').values({ slug, name: canonical }).onConflict((oc) => oc.column('slug').doNothing()).execute();
    const employer = await db.selectFrom('employers').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirstOrThrow();
    if (employerKey(employer.name) === key) return employer;
  }
}

export async function resolveEmployer(db: Executor, name: string): Promise<ResolvedEmployer | undefined> {
  return (await resolveEmployers(db, [name])).get(name);
}

/** The well-known employers and their other names, for suggestions before anyone has typed them. */
export const knownEmployers = (): Array<{ name: string; aliases: string[] }> =>
  Object.entries(KNOWN).map(([name, aliases]) => ({ name, aliases }));
