import { ImportFileError } from './errors.js';

/**
 * Which column of a list feeds which profile field. Real lists come from Google Forms, Sheets,
 * Airtable and Excel with headers like "Full name", "What's your LinkedIn?", "Areas of
 * expertise": headers are folded (case, accents, punctuation) and matched by the words they hold.
 */
export const TARGETS = [
  'name', 'firstName', 'lastName', 'email', 'linkedin', 'headline', 'role', 'seniority', 'skills',
  'yearsExperience', 'location', 'city', 'region', 'country', 'remote', 'relocation', 'sponsorship',
  'workAuthorization', 'company', 'consent',
] as const;
export type Target = (typeof TARGETS)[number];

/** Target → the header of the column that feeds it. */
export type Mapping = Partial<Record<Target, string>>;

export const fold = (header: string) =>
  header.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * In order: the first rule a header satisfies wins, so specific words ("linkedin", "email",
 * "consent") come before broad ones ("name", "title"). A target takes the first such column.
 */
const RULES: [Target | 'ignore', RegExp][] = [
  ['ignore', /^(timestamp|submittedat|createdtime|id|rowid)$/],
  ['consent', /consent|optin|agree|permission|oktoshare|oktolist|publiclylist/],
  ['linkedin', /linkedin/],
  ['email', /e?mail/],
  ['firstName', /^(first|given)(name)?$|firstname|givenname/],
  ['lastName', /^(last|family)(name)?$|lastname|surname|familyname/],
  ['sponsorship', /sponsor|visa/],
  ['workAuthorization', /authori[sz]|eligibletowork|righttowork/],
  ['relocation', /relocat/],
  ['remote', /remote|workpreference|worklocationpreference/],
  ['yearsExperience', /yearsof|yoe|experienceyears|^experience$/],
  ['seniority', /seniority|^level$|careerlevel|joblevel/],
  ['skills', /skill|expertise|specialt|technolog|stack/],
  ['company', /company|employer|organi[sz]ation|laidofffrom/],
  ['headline', /headline|tagline/],
  ['role', /title|role|position|jobfunction|occupation/],
  ['name', /^(name|fullname|yourname|names|firstandlastname|candidate|person)$|fullname|yourname|name$/],
  ['country', /country/],
  ['region', /^(state|province|region|stateprovince|stateregion)$/],
  ['city', /^(city|town|metro|metroarea)$/],
  ['location', /location|basedin|wherearey|^where|city|based/],
];

/** The mapping an organizer would pick by hand, from the headers alone. */
export function autoMapping(headers: string[]): Mapping {
  const mapping: Mapping = {};
  for (const header of headers) {
    const key = fold(header);
    if (!key) continue;
    const rule = RULES.find(([, pattern]) => pattern.test(key));
    if (!rule || rule[0] === 'ignore') continue;
    const target = rule[0];
    if (mapping[target] === undefined) mapping[target] = header;
  }
  return mapping;
}

/** An override as the organizer sends it: `{ "email": "E-mail address", "phone": null }`. */
export type MappingOverride = Partial<Record<Target, string | null>>;

/** The override's problems, each naming the key to fix; empty when it is usable. */
export function overrideProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['mapping must be a JSON object from field to column header, like {"email": "E-mail address"}'];
  }
  const problems: string[] = [];
  for (const [key, header] of Object.entries(value)) {
    if (!(TARGETS as readonly string[]).includes(key)) problems.push(`mapping.${key} is not a field; fields are ${TARGETS.join(', ')}`);
    else if (header !== null && (typeof header !== 'string' || header.length > 500)) problems.push(`mapping.${key} must be a column header or null`);
    else if (header?.includes('\0')) problems.push(`mapping.${key} contains a NUL character, which no column header has`);
  }
  return problems;
}

/** The automatic mapping with the organizer's choices on top; throws naming a missing column. */
export function applyOverride(headers: string[], auto: Mapping, override: MappingOverride = {}): Mapping {
  const mapping: Mapping = { ...auto };
  for (const [target, header] of Object.entries(override) as [Target, string | null][]) {
    if (header === null || header === '') {
      delete mapping[target];
      continue;
    }
    if (!headers.includes(header)) {
      throw new ImportFileError(`mapping.${target} names the column "${header}", which the file does not have. Its columns are: ${headers.map((h) => `"${h}"`).join(', ')}.`);
    }
    // A column feeds one field: taking it for this one takes it from any other.
    for (const t of Object.keys(mapping) as Target[]) if (mapping[t] === header) delete mapping[t];
    mapping[target] = header;
  }
  return mapping;
}

/** Why a mapping cannot make profiles, or undefined when it can. */
export function mappingProblem(mapping: Mapping, headers: string[]): string | undefined {
  const columns = headers.map((h) => `"${h}"`).join(', ');
  if (!mapping.name && !(mapping.firstName || mapping.lastName)) {
    return `No column for the name was found (looked for "Name", "Full name", "First name" + "Last name"). The file's columns are: ${columns}. Choose one in the mapping.`;
  }
  if (!mapping.email && !mapping.linkedin) {
    return `No column for the email or the LinkedIn URL was found: each person needs one of them. The file's columns are: ${columns}. Choose one in the mapping.`;
  }
  return undefined;
}

/** "Name", "Name" → "Name", "Name (2)": every column gets a distinct header to be mapped by. */
export function distinctHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    const base = cell.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
