/**
 * The fields a person types about themselves, checked and normalized in one place. The server
 * runs this on every opt-in and edit; the web form runs the very same code to show its messages
 * next to the fields before sending, so the two can never disagree. No I/O here: the former
 * employer is resolved against the database by the caller.
 */
import type { EmploymentType, ProfileVisibility, RemotePreference, Seniority, WorkAuthorization } from '../profile-codes.js';
import { employerKey } from './employers.js';
import { normalizeLinkedinUrl } from './linkedin.js';
import { countryCode } from './location.js';
import { canonicalSkill } from './skills.js';
import { cleanText, normalizeEmail } from './text.js';
import { normalizeWebUrl } from './web-url.js';

/** Upper bounds, in characters (code points) or items; the schemas and the form use these too. */
export const LIMITS = {
  name: 120,
  email: 254,
  headline: 160,
  role: 100,
  skill: 60,
  skills: 50,
  country: 60,
  region: 100,
  city: 100,
  formerEmployer: 120,
  linkedinUrl: 300,
  websiteUrl: 500,
  bio: 2000,
  yearsExperience: 70,
} as const;

/** What the form and the API take (camelCase, as in the HTTP contract). */
interface ProfileFieldsInput {
  name?: string;
  headline?: string;
  role?: string | null;
  seniority?: Seniority | null;
  skills?: string[];
  yearsExperience?: number | null;
  country?: string;
  region?: string | null;
  city?: string | null;
  remote?: RemotePreference | null;
  relocation?: boolean | null;
  workAuthorization?: WorkAuthorization | null;
  employmentTypes?: EmploymentType[];
  formerEmployer?: string;
  layoffDate?: string | null;
  availableFrom?: string | null;
  linkedinUrl?: string | null;
  websiteUrl?: string | null;
  bio?: string | null;
  showEmail?: boolean;
  visibility?: ProfileVisibility;
}

/** The same fields, clean: text trimmed and NFC, empty optional text as null, codes canonical. */
export interface ProfileFields {
  name: string;
  headline: string;
  role: string | null;
  seniority: Seniority | null;
  skills: string[];
  yearsExperience: number | null;
  country: string;
  region: string | null;
  city: string | null;
  remote: RemotePreference | null;
  relocation: boolean | null;
  workAuthorization: WorkAuthorization | null;
  employmentTypes: EmploymentType[];
  formerEmployer: string;
  layoffDate: string | null;
  availableFrom: string | null;
  linkedinUrl: string | null;
  websiteUrl: string | null;
  bio: string | null;
  showEmail: boolean;
  /** Anyone, or verified recruiters only (public unless chosen). */
  visibility: ProfileVisibility;
}

export type FieldErrors = Partial<Record<keyof ProfileFieldsInput | 'email' | 'consent', string>>;

interface FieldsResult {
  /** Only the fields that were given (all of them unless `partial`). */
  value: Partial<ProfileFields>;
  errors: FieldErrors;
}

/** The fields every profile must have: what a recruiter filters and reads first. */
const REQUIRED_FIELDS = ['name', 'headline', 'skills', 'country', 'formerEmployer'] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of a real day between `from` and today + `aheadDays`, or a reason. */
function checkDate(raw: string, from: string, aheadDays: number): { ok: true } | { ok: false; reason: string } {
  const m = DATE.exec(raw);
  const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== raw) {
    return { ok: false, reason: 'must be a date like 2026-03-31' };
  }
  const latest = new Date(Date.now() + aheadDays * DAY_MS).toISOString().slice(0, 10);
  if (raw < from || raw > latest) return { ok: false, reason: `must be between ${from} and ${latest}` };
  return { ok: true };
}

/**
 * Checks and normalizes `input`. Unless `partial` (an edit), every required field must be
 * there. Each error names what to fix, keyed by field; `value` holds only fields without error.
 */
export function normalizeProfileFields(input: ProfileFieldsInput, options: { partial?: boolean } = {}): FieldsResult {
  const value: Partial<ProfileFields> = {};
  const errors: FieldErrors = {};
  const given = (key: keyof ProfileFieldsInput) => input[key] !== undefined;

  if (!options.partial) {
    for (const key of REQUIRED_FIELDS) if (!given(key)) errors[key] = 'is required';
  }

  const text = (
    key: 'name' | 'headline' | 'role' | 'region' | 'city' | 'formerEmployer' | 'bio',
    required: boolean,
    multiline = false,
  ) => {
    const raw = input[key];
    if (raw === undefined) return;
    if (raw === null || raw.trim() === '') {
      if (required) errors[key] = 'must not be empty';
      else (value as Record<typeof key, string | null>)[key] = null;
      return;
    }
    const clean = cleanText(raw, { max: LIMITS[key], multiline });
    if (clean.ok) value[key] = clean.value;
    else errors[key] = clean.reason;
  };
  text('name', true);
  text('headline', true);
  text('role', false);
  text('region', false);
  text('city', false);
  text('formerEmployer', true);
  text('bio', false, true);
  // An employer is matched by the letters and digits of its name: it needs some.
  if (value.formerEmployer && !employerKey(value.formerEmployer)) {
    delete value.formerEmployer;
    errors.formerEmployer = 'must contain letters or digits';
  }

  if (input.skills !== undefined) {
    const skills: string[] = [];
    const seen = new Set<string>();
    for (const [i, raw] of input.skills.entries()) {
      const clean = cleanText(raw, { max: LIMITS.skill });
      if (!clean.ok) {
        errors.skills = `item ${i + 1} ${clean.reason}`;
        break;
      }
      if (!clean.value) continue;
      const skill = canonicalSkill(clean.value);
      if (seen.has(skill.toLowerCase())) continue;
      seen.add(skill.toLowerCase());
      skills.push(skill);
    }
    if (!errors.skills && skills.length === 0) errors.skills = 'must name at least one skill';
    else if (!errors.skills && skills.length > LIMITS.skills) errors.skills = `must have at most ${LIMITS.skills} skills`;
    else if (!errors.skills) value.skills = skills;
  }

  if (input.country !== undefined) {
    const code = countryCode(input.country);
    if (code) value.country = code;
    else errors.country = 'must be a country, as a two-letter ISO code (DE) or its name (Germany, Deutschland, Alemania)';
  }

  for (const key of ['linkedinUrl', 'websiteUrl'] as const) {
    const raw = input[key];
    if (raw === undefined) continue;
    if (raw === null || raw.trim() === '') {
      value[key] = null;
      continue;
    }
    const url = key === 'linkedinUrl' ? normalizeLinkedinUrl(raw) : normalizeWebUrl(raw, LIMITS.websiteUrl);
    if (url && [...url].length <= LIMITS[key]) value[key] = url;
    else {
      errors[key] =
        key === 'linkedinUrl'
          ? 'must be the address of a LinkedIn profile, like https://www.linkedin.com/in/your-name'
          : 'must be a web address starting with https://';
    }
  }

  for (const [key, from, ahead] of [['layoffDate', '1990-01-01', 366], ['availableFrom', '1990-01-01', 2 * 366]] as const) {
    const raw = input[key];
    if (raw === undefined) continue;
    if (raw === null || raw === '') {
      value[key] = null;
      continue;
    }
    const check = checkDate(raw, from, ahead);
    if (check.ok) value[key] = raw;
    else errors[key] = check.reason;
  }

  if (input.yearsExperience !== undefined) {
    const years = input.yearsExperience;
    if (years === null || (Number.isInteger(years) && years >= 0 && years <= LIMITS.yearsExperience)) {
      value.yearsExperience = years;
    } else errors.yearsExperience = `must be a whole number from 0 to ${LIMITS.yearsExperience}`;
  }

  // Closed lists: the schemas check the values; here they are only carried over.
  if (input.seniority !== undefined) value.seniority = input.seniority;
  if (input.remote !== undefined) value.remote = input.remote;
  if (input.workAuthorization !== undefined) value.workAuthorization = input.workAuthorization;
  if (input.relocation !== undefined) value.relocation = input.relocation;
  if (input.employmentTypes !== undefined) value.employmentTypes = [...new Set(input.employmentTypes)];
  if (input.showEmail !== undefined) value.showEmail = input.showEmail;
  if (input.visibility !== undefined) value.visibility = input.visibility;
  else if (!options.partial) value.visibility = 'public';

  return { value, errors };
}

/** The address as stored, or a message for the `email` field. */
export function checkEmail(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const email = normalizeEmail(raw);
  return email ? { ok: true, value: email } : { ok: false, reason: 'must be an email address, like ada@example.org' };
}
