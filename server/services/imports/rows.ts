import type { RemotePreference, Seniority, WorkAuthorization } from '../../../common/profile-codes.js';
import { parseYesNo as parseYesNoOf } from '../../../common/normalize/booleans.js';
import { parseSheetDate, type DateOrder } from '../../../common/normalize/dates.js';
import { normalizeLinkedinUrl } from '../../../common/normalize/linkedin.js';
import { countryCode as countryCodeOf, DEFAULT_REGION_COUNTRIES, findRegion, parseLocation as parseLocationOf } from '../../../common/normalize/location.js';
import { parseSeniority as parseSeniorityOf, seniorityFromTitle as seniorityFromTitleOf } from '../../../common/normalize/seniority.js';
import { canonicalSkill as canonicalSkillOf } from '../../../common/normalize/skills.js';
import { cleanText, normalizeEmail } from '../../../common/normalize/text.js';
import type { HeaderLanguage, Mapping, Target } from './mapping.js';

/**
 * Lists repeat the same few locations and skills thousands of times: the pure normalizers are
 * remembered, up to a bound (then forgotten at once), so memory stays flat on any file.
 */
function memo<T>(fn: (raw: string) => T, max = 10_000): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let value = cache.get(raw);
    if (value === undefined && !cache.has(raw)) {
      if (cache.size >= max) cache.clear();
      value = fn(raw);
      cache.set(raw, value);
    }
    return value as T;
  };
}
/** One remembered parser per order of region countries: there are as many as languages. */
const locationParsers = new Map<readonly string[], (raw: string) => ReturnType<typeof parseLocationOf>>();
function parseLocation(raw: string, regionCountries: readonly string[]) {
  let parse = locationParsers.get(regionCountries);
  if (!parse) locationParsers.set(regionCountries, (parse = memo((r) => parseLocationOf(r, regionCountries))));
  return parse(raw);
}
const canonicalSkill = memo(canonicalSkillOf);
const countryCode = memo(countryCodeOf);
const parseSeniority = memo(parseSeniorityOf);
const parseYesNo = memo(parseYesNoOf);
const sheetDate: Record<DateOrder, (raw: string) => string | undefined> = {
  mdy: memo((raw) => parseSheetDate(raw, 'mdy')),
  dmy: memo((raw) => parseSheetDate(raw, 'dmy')),
};
const seniorityFromTitle = memo(seniorityFromTitleOf);

/**
 * How sheets in a language write what a value alone cannot tell: whether 03/04/2026 is March or
 * April (month first in English sheets, the US habit; day first elsewhere), and whose state a bare
 * "PR" is (Paraná in a Portuguese sheet, Brazil's; Puerto Rico otherwise).
 */
const SHEET_HABITS: Record<HeaderLanguage, { dateOrder: DateOrder; regionCountries: readonly string[] }> = {
  en: { dateOrder: 'mdy', regionCountries: DEFAULT_REGION_COUNTRIES },
  es: { dateOrder: 'dmy', regionCountries: DEFAULT_REGION_COUNTRIES },
  pt: { dateOrder: 'dmy', regionCountries: ['BR', ...DEFAULT_REGION_COUNTRIES] },
  fr: { dateOrder: 'dmy', regionCountries: DEFAULT_REGION_COUNTRIES },
  de: { dateOrder: 'dmy', regionCountries: DEFAULT_REGION_COUNTRIES },
};

/** A row as it would be stored: public fields, the email (private) and what identifies the person. */
export interface ImportedRow {
  name: string;
  email: string | null;
  linkedinUrl: string | null;
  headline: string | null;
  role: string | null;
  seniority: Seniority | null;
  /** The seniority was guessed from the role (the row said none), not said. */
  seniorityInferred: boolean;
  skills: string[];
  yearsExperience: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  remote: RemotePreference | null;
  relocation: boolean | null;
  workAuthorization: WorkAuthorization | null;
  layoffDate: string | null;
  availableFrom: string | null;
  /** The former employer as written; canonicalized in batches by the pipeline. */
  company: string | null;
}

export type RowResult =
  | { outcome: 'ok'; row: ImportedRow; notes: string[] }
  | { outcome: 'skipped' | 'failed'; reason: string; notes: string[] };

/** The cells of one record, by the targets of the mapping. */
type CellReader = (target: Target) => string;

/** Column index of each mapped target, so that reading a row is an array lookup. */
export function cellReader(mapping: Mapping, headers: string[]): (cells: string[]) => CellReader {
  const index = new Map<Target, number>();
  for (const [target, header] of Object.entries(mapping) as [Target, string][]) index.set(target, headers.indexOf(header));
  return (cells) => (target) => {
    const i = index.get(target);
    return i === undefined ? '' : (cells[i] ?? '');
  };
}

/** Work modes in the languages lists are made in, read with accents folded away. */
const REMOTE_WORDS: [RegExp, RemotePreference][] = [
  [/hybrid|hibrid/, 'hybrid'],
  [/on-?site|in.?office|in.?person|presencial|escritorio|oficina|sur site|au bureau|presentiel|vor ort|buro/, 'onsite'],
  [/flexib|\bany\b|either|open to (all|any)|indiferente|cualquiera|peu importe|\begal\b/, 'flexible'],
  [/remot|teletrabajo|teletravail|a distance|distancia|homeoffice|home office/, 'remote'],
];

const parseRemote = memo((raw: string): RemotePreference | undefined => {
  const value = raw.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const word = REMOTE_WORDS.find(([pattern]) => pattern.test(value))?.[1];
  if (word) return word;
  const yes = parseYesNo(raw);
  return yes === undefined ? undefined : yes ? 'remote' : 'onsite';
});

/** "Remote", "Remoto", "Télétravail" where a place should be: a preference, not a place. */
const REMOTE_IN_PLACE = /(?<!\p{L})(remote|remoto|teletrabajo|télétravail|teletravail|à distance|homeoffice|home office)(?!\p{L})/giu;

/** "5", "5+", "5 years", "10-15", "5 años", "5 Jahre" → 5, 5, 5, 10, 5, 5. */
function parseYears(raw: string): number | undefined {
  const match = /^\s*(\d{1,2})(?:\.\d+)?\s*(?:\+|-\s*\d{1,2}|years?|yrs?)?/i.exec(raw);
  if (!match) return undefined;
  const years = Number(match[1]);
  return years <= 70 ? years : undefined;
}

const MAX_SKILLS = 30;

/**
 * Whom a row names, its email and LinkedIn URL read as validateRow reads them: for a row that is
 * turned away, and so never stored, but kept in the import's report.
 */
export function rowIdentity(read: CellReader): Pick<ImportedRow, 'email' | 'linkedinUrl'> {
  return { email: normalizeEmail(read('email')) ?? null, linkedinUrl: normalizeLinkedinUrl(read('linkedin')) ?? null };
}

/**
 * One row of the file → a profile, or why it is skipped or failed. Every text goes through
 * cleanText, so what is stored is exactly cleanText(cell); a cell it refuses fails the row and
 * names the column. Unclear optional values (a seniority of "?") are left empty with a note.
 */
export function validateRow(read: CellReader, mapping: Mapping, options: { attestConsent: boolean; language: HeaderLanguage }): RowResult {
  const notes: string[] = [];
  const habits = SHEET_HABITS[options.language];
  if (!options.attestConsent) {
    return { outcome: 'skipped', reason: 'Not published: the organizer did not confirm that the people on this list agreed to be listed.', notes };
  }
  if (mapping.consent) {
    const consent = parseYesNo(read('consent'));
    if (consent !== true) {
      return { outcome: 'skipped', reason: `Not published: the "${mapping.consent}" column does not say yes.`, notes };
    }
  }
  const problems: string[] = [];
  const text = (target: Target, max: number): string | null => {
    const cell = read(target);
    if (!cell) return null;
    const result = cleanText(cell, { max });
    if (!result.ok) {
      problems.push(`${mapping[target]}: ${result.reason}`);
      return null;
    }
    return result.value || null;
  };

  const name = mapping.name ? text('name', 120) : [text('firstName', 60), text('lastName', 60)].filter(Boolean).join(' ') || null;

  let email: string | null = null;
  const emailCell = read('email').trim();
  if (emailCell) {
    email = normalizeEmail(emailCell) ?? null;
    if (!email) problems.push(`${mapping.email}: "${emailCell.slice(0, 80)}" is not an email address`);
  }
  let linkedinUrl: string | null = null;
  const linkedinCell = read('linkedin').trim();
  if (linkedinCell) {
    linkedinUrl = normalizeLinkedinUrl(linkedinCell) ?? null;
    if (!linkedinUrl) notes.push(`${mapping.linkedin}: not a LinkedIn profile address (linkedin.com/in/…), left empty`);
  }

  const role = text('role', 120);
  const headline = text('headline', 160) ?? role;
  const company = text('company', 120);

  const skills: string[] = [];
  const seenSkills = new Set<string>();
  for (const part of read('skills').split(/[,;|/\n•]+/)) {
    if (!part.trim()) continue;
    const cleaned = cleanText(part, { max: 60 });
    if (!cleaned.ok) {
      problems.push(`${mapping.skills}: "${part.trim().slice(0, 40)}" ${cleaned.reason}`);
      continue;
    }
    const skill = canonicalSkill(cleaned.value);
    if (skill && !seenSkills.has(skill.toLowerCase()) && skills.length < MAX_SKILLS) {
      seenSkills.add(skill.toLowerCase());
      skills.push(skill);
    }
  }

  let remote: RemotePreference | null = null;
  const place = { city: text('city', 80), region: text('region', 80), country: null as string | null };
  const locationText = text('location', 200);
  if (locationText) {
    // "Remote" is where many people say they are: it is a preference, not a place.
    const rest = locationText.replace(REMOTE_IN_PLACE, '').replace(/^[\s,;()/-]+|[\s,;()/-]+$/g, '');
    if (rest !== locationText) remote = 'remote';
    const parsed = rest ? { ...parseLocation(rest, habits.regionCountries) } : {};
    place.city ??= parsed.city ?? null;
    place.region ??= parsed.region ?? null;
    place.country = parsed.country ?? null;
  }
  const countryCell = read('country').trim();
  if (countryCell) {
    const code = countryCode(countryCell);
    if (code) place.country = code;
    else notes.push(`${mapping.country}: "${countryCell.slice(0, 40)}" is not a country we know, left empty`);
  }
  // A state column holds "TX" or "ontario" as often as "Texas": one spelling, as a location column gets.
  const region = place.region ? findRegion(place.region, place.country ?? undefined, habits.regionCountries) : undefined;
  if (region) {
    place.region = region.name;
    place.country ??= region.country;
  }

  const optional = <T>(target: Target, parse: (raw: string) => T | undefined, label: string): T | null => {
    const cell = read(target).trim();
    if (!cell) return null;
    const value = parse(cell);
    if (value === undefined) notes.push(`${mapping[target]}: "${cell.slice(0, 40)}" is not ${label}, left empty`);
    return value ?? null;
  };
  remote = optional('remote', parseRemote, 'remote, hybrid, onsite or yes/no') ?? remote;
  const relocation = optional('relocation', parseYesNo, 'yes or no');
  const needsSponsorship = optional('sponsorship', parseYesNo, 'yes or no');
  const authorized = optional('workAuthorization', parseYesNo, 'yes or no');
  const workAuthorization: WorkAuthorization | null =
    needsSponsorship !== null ? (needsSponsorship ? 'needs_sponsorship' : 'authorized')
    : authorized !== null ? (authorized ? 'authorized' : 'needs_sponsorship')
    : null;
  const date = sheetDate[habits.dateOrder];
  const layoffDate = optional('layoffDate', date, 'a date we can read (like 2026-03-31)');
  const availableFrom = optional('availableFrom', date, 'a date we can read (like 2026-03-31)');

  // A title tells a rank that the row does not ("Senior Data Engineer"): a guess, marked as one.
  const said = optional('seniority', parseSeniority, 'a seniority we know');
  const inferred = said === null && role ? (seniorityFromTitle(role) ?? null) : null;

  const nameColumns = [mapping.name, mapping.firstName, mapping.lastName].filter(Boolean).map((c) => `${c}:`);
  if (!name && !problems.some((p) => nameColumns.some((c) => p.startsWith(c)))) problems.unshift('No name: every person needs a name');
  if (!email && !linkedinUrl && !problems.some((p) => p.startsWith(`${mapping.email}:`))) {
    problems.push('Neither an email nor a LinkedIn profile URL: one of them is needed to recognize the person');
  }
  if (problems.length > 0) return { outcome: 'failed', reason: problems.join('; '), notes };

  return {
    outcome: 'ok',
    notes,
    row: {
      name: name!,
      email,
      linkedinUrl,
      headline,
      role,
      seniority: said ?? inferred,
      seniorityInferred: inferred !== null,
      skills,
      yearsExperience: optional('yearsExperience', parseYears, 'a number of years'),
      country: place.country,
      region: place.region,
      city: place.city,
      remote,
      relocation,
      workAuthorization,
      layoffDate,
      availableFrom,
      company,
    },
  };
}
