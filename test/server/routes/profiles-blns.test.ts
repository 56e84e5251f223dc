import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerKey } from '../../../common/normalize/employers.js';
import { normalizeLinkedinUrl } from '../../../common/normalize/linkedin.js';
import { countryCode } from '../../../common/normalize/location.js';
import { LIMITS } from '../../../common/normalize/profile-fields.js';
import { canonicalSkill } from '../../../common/normalize/skills.js';
import { cleanText } from '../../../common/normalize/text.js';
import { normalizeWebUrl } from '../../../common/normalize/web-url.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { BLNS } from '../../helpers/blns.js';
import { joinForm, mailedToken } from '../../helpers/opt-in.js';


type Expectation = { stored: unknown } | { refused: true };

/** What the server must store for `raw` in a field: exactly this, or a refusal. */
function cleaned(raw: string, max: number, options: { multiline?: boolean; required?: boolean } = {}): Expectation {
  const clean = cleanText(raw, { max, multiline: options.multiline });
  if (!clean.ok || [...raw].length > max) return { refused: true };
  if (clean.value === '') return options.required ? { refused: true } : { stored: null };
  return { stored: clean.value };
}
const orRefused = (value: unknown): Expectation => (value === undefined ? { refused: true } : { stored: value });

/** `published`: the field joins the profile when it is confirmed (a pending profile holds no LinkedIn URL, no employer). */
const FIELDS: Record<string, { column: string; expect: (raw: string) => Expectation; value?: (raw: string) => unknown; published?: true }> = {
  name: { column: 'name', expect: (s) => cleaned(s, LIMITS.name, { required: true }) },
  headline: { column: 'headline', expect: (s) => cleaned(s, LIMITS.headline, { required: true }) },
  role: { column: 'role', expect: (s) => cleaned(s, LIMITS.role) },
  region: { column: 'region', expect: (s) => cleaned(s, LIMITS.region) },
  city: { column: 'city', expect: (s) => cleaned(s, LIMITS.city) },
  bio: { column: 'bio', expect: (s) => cleaned(s, LIMITS.bio, { multiline: true }) },
  skills: {
    column: 'skills',
    value: (s) => [s],
    expect: (s) => {
      const c = cleaned(s, LIMITS.skill, { required: true });
      return 'stored' in c ? { stored: [canonicalSkill(c.stored as string)] } : c;
    },
  },
  country: { column: 'country', expect: (s) => orRefused(countryCode(s)) },
  linkedinUrl: {
    column: 'linkedin_url',
    published: true,
    expect: (s) => (s.trim() === '' ? { stored: null } : orRefused(s.length <= LIMITS.linkedinUrl ? normalizeLinkedinUrl(s) : undefined)),
  },
  websiteUrl: {
    column: 'website_url',
    expect: (s) => (s.trim() === '' ? { stored: null } : orRefused(s.length <= LIMITS.websiteUrl ? normalizeWebUrl(s) : undefined)),
  },
  formerEmployer: {
    column: 'former_employer_id',
    published: true,
    expect: (s) => {
      const c = cleaned(s, LIMITS.formerEmployer, { required: true });
      return 'stored' in c && employerKey(c.stored as string) ? c : { refused: true };
    },
  },
  email: { column: 'email', expect: () => ({ stored: 'any' }) },
};

describe('the Big List of Naughty Strings in every text field of the opt-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(async () => t?.close());

  it.each(Object.keys(FIELDS))('%s: 202 and stored as cleaned, or 400 naming the field; never a 5xx', async (field) => {
    const spec = FIELDS[field]!;
    const outcomes = { stored: 0, refused: 0 };
    const check = async (raw: string) => {
      const form = joinForm({ linkedinUrl: null, [field]: spec.value ? spec.value(raw) : raw });
      const res = await t.app.inject({ method: 'POST', url: '/api/profiles', payload: form });
      const label = `${field} = ${JSON.stringify(raw)}`;
      expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
      const expected = spec.expect(raw);
      if (field === 'email') {
        expect([202, 400], label).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.json().message, label).toContain('body.email');
        return;
      }
      if ('refused' in expected) {
        expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
        expect(res.json().message, label).toContain(`body.${field}`);
        outcomes.refused++;
        return;
      }
      expect(res.statusCode, `${label}: ${res.body}`).toBe(202);
      await t.app.optIn.mailSettled();
      if (spec.published) {
        const verified = await t.app.inject({ method: 'POST', url: '/api/profiles/verify', payload: { token: await mailedToken(t.app, form.email, '/verify') } });
        expect(verified.statusCode, `${label}: ${verified.body}`).toBe(200);
      }
      const row = await t.app.db
        .selectFrom('profiles as p')
        .leftJoin('employers as e', 'e.id', 'p.former_employer_id')
        .selectAll('p')
        .select('e.name as employer_name')
        .where('p.email', '=', form.email)
        .executeTakeFirstOrThrow();
      if (field === 'formerEmployer') {
        expect(employerKey(row.employer_name!), label).toBe(employerKey(expected.stored as string));
      } else {
        expect(row[spec.column as keyof typeof row], label).toEqual(expected.stored);
      }
      outcomes.stored++;
    };
    // A few at a time: the same requests, only less waiting.
    for (let i = 0; i < BLNS.length; i += 8) await Promise.all(BLNS.slice(i, i + 8).map(check));
    if (field !== 'email') expect(outcomes.stored + outcomes.refused).toBe(BLNS.length);
  });
});
