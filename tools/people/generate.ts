import { countryName } from '../../common/labels.js';
import { canonicalSkill, catalogSkills, skillSynonyms } from '../../common/normalize/skills.js';
import { slugify } from '../../common/normalize/text.js';
import {
  CITIES, JOB_FUNCTIONS, KNOWN_EMPLOYERS, LEVEL_WEIGHTS, NAME_POOLS, SENIORITY_LEVELS, STARTUP_PREFIXES,
  STARTUP_ROOTS, STARTUP_SUFFIXES, TAIL_SKILLS, YEARS_BY_LEVEL, type City, type JobFunction, type Level, type Name,
} from './pools.js';
import { createRandom, weighted, zipf, type Random } from './random.js';

/**
 * Deterministic, realistic people for seeding and benchmarks: the same options give the same
 * people, row for row, on every machine. Pure: no I/O; the CSV comes out as a stream of chunks.
 */
export interface SeedOptions {
  profiles: number;
  seed?: number;
  /** How many layoff lists the people are spread over (each of a big employer). */
  lists?: number;
  /** The day the data is "as of": layoff dates fall in the three years before it. */
  asOf?: string;
  /**
   * Numbers people from here, so that datasets generated with different `first` never share an
   * email or a LinkedIn URL (the bench imports several files into one database).
   */
  first?: number;
}

export interface Person {
  /** 0-based position in the dataset. */
  index: number;
  name: string;
  /** Null for the few who left only a LinkedIn URL. */
  email: string | null;
  linkedin: string | null;
  title: string;
  seniority: Level;
  /** The employer as the person wrote it ("Facebook"), and its canonical name ("Meta"). */
  company: string;
  employer: string;
  city: City;
  location: string;
  /** As written: a catalog skill now and then by an alias ("k8s"). */
  skills: string[];
  yearsExperience: number;
  remote: boolean;
  relocate: boolean;
  needsVisa: boolean;
  layoffDate: string;
  /** When the person filled in the form (Google Forms' "Timestamp"). */
  submittedAt: Date;
  /** Indexes into `seedLists(options)`: one list, sometimes two (overlapping lists). */
  lists: number[];
}

export interface ListSeed {
  index: number;
  title: string;
  employer: string;
  sourceUrl: string;
  description: string;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_LISTS = 3;
/** A fixed day, so that a seed means the same data whenever it is run. */
const DEFAULT_AS_OF = '2026-11-01';

/** The headers of a real layoff list (a Google Form's sheet): what the importer must map. */
export const CSV_HEADERS = [
  'Timestamp', 'Full name', 'Email', 'LinkedIn', 'Title', 'Company', 'Location', 'Areas of expertise',
  'Years of experience', 'Remote', 'Willing to relocate', 'Needs visa sponsorship', 'Layoff date',
] as const;

const DAY_MS = 86_400_000;
const CANONICAL_SKILLS = catalogSkills();
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];
const drawLevel = weighted(SENIORITY_LEVELS, SENIORITY_LEVELS.map((l) => LEVEL_WEIGHTS[l]));
const drawPool = weighted(NAME_POOLS, NAME_POOLS.map((p) => p.weight));
const drawFunction = weighted(JOB_FUNCTIONS, JOB_FUNCTIONS.map((f) => f.weight));
const drawCity = weighted(CITIES, CITIES.map((c) => c.weight));
const aliases = skillSynonyms();

/** Each function's skills first, then every other skill: one Zipf curve per function gives the long tail. */
const skillDraws = new Map<JobFunction, (random: Random) => string>(
  JOB_FUNCTIONS.map((fn) => {
    const ranked = [...new Set([...fn.skills, ...CANONICAL_SKILLS, ...TAIL_SKILLS])];
    return [fn, zipf(ranked, 1.4)];
  }),
);

/** Known employers, then made-up startups: fixed, so employer slugs do not depend on the seed. */
const EMPLOYERS: readonly (readonly string[])[] = (() => {
  const names = new Set<string>();
  const random = createRandom(7);
  while (names.size < 400) {
    names.add(`${random.pick(STARTUP_PREFIXES)}${random.pick(STARTUP_ROOTS)}${random.pick(STARTUP_SUFFIXES)}`);
  }
  return [...KNOWN_EMPLOYERS, ...[...names].map((n) => [n])];
})();
const drawEmployer = zipf(EMPLOYERS.map((_, i) => i), 1.0);

export function seedLists(options: SeedOptions): ListSeed[] {
  const count = Math.max(1, options.lists ?? DEFAULT_LISTS);
  const asOf = dayOf(options.asOf ?? DEFAULT_AS_OF);
  const seed = options.seed ?? DEFAULT_SEED;
  return Array.from({ length: count }, (_, index) => {
    const employer = EMPLOYERS[index % EMPLOYERS.length]![0]!;
    const wave = layoffWaves(seed, index, asOf)[0]!;
    const month = new Date(wave).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      index,
      title: `${employer} layoffs, ${month}${index >= EMPLOYERS.length ? ` (${index})` : ''}`,
      employer,
      sourceUrl: `https://docs.example.org/spreadsheets/${slugify(employer)}-${index}`,
      description: `Crowdsourced list of ${employer} employees affected by the ${month} layoff who are open to work.`,
    };
  });
}

/** The people, one at a time: 100k of them never sit in memory together. */
export function* generatePeople(options: SeedOptions): Generator<Person> {
  const seed = options.seed ?? DEFAULT_SEED;
  const listCount = Math.max(1, options.lists ?? DEFAULT_LISTS);
  const asOf = dayOf(options.asOf ?? DEFAULT_AS_OF);
  const first = options.first ?? 0;
  const random = createRandom(seed);
  const waves = new Map<number, number[]>();
  for (let index = 0; index < options.profiles; index++) {
    const n = first + index + 1;
    const pool = drawPool(random);
    const given = random.pick(pool.given);
    const family = random.pick(pool.family);
    const native = random.chance(pool.nativeShare ?? 0);
    const name = writtenName(given, family, native, pool.familyFirstNative ?? false, random);
    const fn = drawFunction(random);
    const seniority = drawLevel(random);
    const employerIndex = drawEmployer(random);
    const spellings = EMPLOYERS[employerIndex]!;
    const company = spellings.length > 1 && random.chance(0.25) ? random.pick(spellings.slice(1)) : spellings[0]!;
    const city = drawCity(random);
    const employerWaves = waves.get(employerIndex) ?? layoffWaves(seed, employerIndex, asOf);
    waves.set(employerIndex, employerWaves);
    const layoff = Math.min(asOf, random.pick(employerWaves) + random.int(0, 14) * DAY_MS);
    const submitted = Math.min(asOf + DAY_MS - 1, layoff + random.int(0, 20) * DAY_MS + random.int(0, DAY_MS - 1));
    const [minYears, maxYears] = YEARS_BY_LEVEL[seniority];
    const hasEmail = random.chance(0.96);
    const hasLinkedin = !hasEmail || random.chance(0.88);
    const inList = employerIndex < listCount ? employerIndex : random.int(0, listCount - 1);
    const alsoIn = listCount > 1 && random.chance(0.08) ? random.int(0, listCount - 1) : inList;
    yield {
      index,
      name,
      email: hasEmail ? email(given[1], family[1], n, random) : null,
      linkedin: hasLinkedin ? linkedin(given[1], family[1], n, random) : null,
      title: title(fn, seniority, random),
      seniority,
      company,
      employer: spellings[0]!,
      city,
      location: city.region ? `${city.name}, ${city.region}` : `${city.name}, ${countryName(city.country)}`,
      skills: skills(fn, random),
      yearsExperience: random.int(minYears, maxYears),
      remote: random.chance(0.55),
      relocate: random.chance(0.35),
      needsVisa: random.chance(city.country === 'US' ? 0.08 : 0.3),
      layoffDate: isoDay(layoff),
      submittedAt: new Date(submitted),
      lists: [...new Set([inList, alsoIn])],
    };
  }
}

/**
 * The people as a layoff-list CSV (RFC 4180, CRLF), in chunks of rows. `include` keeps only
 * some people (one list's members) while the numbering stays that of the whole dataset.
 */
export function* csvChunks(options: SeedOptions, include: (p: Person) => boolean = () => true): Generator<string> {
  const rowsPerChunk = 500;
  let chunk = csvLine(CSV_HEADERS);
  let rows = 0;
  for (const person of generatePeople(options)) {
    if (!include(person)) continue;
    chunk += csvLine(csvValues(person));
    if (++rows % rowsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function csvValues(p: Person): string[] {
  const yes = (value: boolean) => (value ? 'Yes' : 'No');
  return [
    formTimestamp(p.submittedAt), p.name, p.email ?? '', p.linkedin ?? '', p.title, p.company, p.location,
    p.skills.join(', '), String(p.yearsExperience), yes(p.remote), yes(p.relocate), yes(p.needsVisa), p.layoffDate,
  ];
}

function csvLine(values: readonly string[]): string {
  return `${values.map((v) => (/[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\r\n`;
}

function writtenName(given: Name, family: Name, native: boolean, familyFirst: boolean, random: Random): string {
  if (native) return familyFirst ? `${family[0]}${given[0]}` : `${given[0]} ${family[0]}`;
  // Names in another script are otherwise written in their ASCII spelling; Latin ones keep their diacritics.
  const latinGiven = /\p{Script=Latin}/u.test(given[0]) ? given[0] : given[1];
  const latinFamily = /\p{Script=Latin}/u.test(family[0]) ? family[0] : family[1];
  const middle = random.chance(0.04) ? ` ${String.fromCharCode(65 + random.int(0, 25))}.` : '';
  return `${latinGiven}${middle} ${latinFamily}`;
}

const handle = (ascii: string) => ascii.toLowerCase().replace(/[^a-z]+/g, '');

/** Unique by `n`: the local part is letters then the digits of n, so two people never meet. */
function email(given: string, family: string, n: number, random: Random): string {
  const g = handle(given);
  const f = handle(family);
  const local = random.pick([`${g}.${f}`, `${g[0]}${f}`, `${g}_${f}`, `${g}`, `${f}.${g}`]);
  const address = `${local}${n}@${random.pick(EMAIL_DOMAINS)}`;
  // People type their address with capitals now and then; emails are unique case-insensitively.
  return random.chance(0.05) ? address[0]!.toUpperCase() + address.slice(1) : address;
}

function linkedin(given: string, family: string, n: number, random: Random): string {
  const slug = `${handle(given)}-${handle(family)}-${n.toString(36)}`;
  return random.pick([
    `https://www.linkedin.com/in/${slug}`, `https://www.linkedin.com/in/${slug}/`, `linkedin.com/in/${slug}`,
    `https://linkedin.com/in/${slug}?utm_source=share`, `www.linkedin.com/in/${slug}`,
  ]);
}

function title(fn: JobFunction, level: Level, random: Random): string {
  switch (level) {
    case 'junior': return `${random.pick(['Junior', 'Associate'])} ${fn.title}`;
    case 'mid': return random.chance(0.3) ? `${fn.title} II` : fn.title;
    case 'senior': return `Senior ${fn.title}`;
    case 'staff': return `Staff ${fn.title}`;
    case 'principal': return `Principal ${fn.title}`;
    case 'manager': return fn.title.endsWith('Manager') ? `Group ${fn.title}` : `${fn.team} Manager`;
    case 'director': return `Director of ${fn.team}`;
    case 'executive': return `${random.pick(['VP of', 'Head of'])} ${fn.team}`;
  }
}

function skills(fn: JobFunction, random: Random): string[] {
  const draw = skillDraws.get(fn)!;
  const wanted = random.int(3, 8);
  // Keyed by canonical name: "Golang" and "Go" are one skill, listed once.
  const picked = new Map<string, string>();
  for (let tries = 0; picked.size < wanted && tries < 50; tries++) {
    const skill = draw(random);
    picked.set(canonicalSkill(skill), skill);
  }
  // Lists are typed by hand: catalog skills come by their aliases too ("k8s", "golang").
  return [...picked.values()].map((skill) => {
    const spellings = aliases[skill.toLowerCase()];
    return spellings?.length && CANONICAL_SKILLS.includes(skill) && random.chance(0.15) ? random.pick(spellings) : skill;
  });
}

/** One to three layoff days per employer over the three years before `asOf`. */
function layoffWaves(seed: number, employerIndex: number, asOf: number): number[] {
  const random = createRandom((seed * 31 + employerIndex * 7919) >>> 0);
  const span = 3 * 365 - 15;
  return Array.from({ length: random.int(1, 3) }, () => asOf - random.int(15, span) * DAY_MS);
}

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Google Forms' "Timestamp" column: "3/14/2025 9:05:27". */
function formTimestamp(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${date.getUTCHours()}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}
