import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, csvChunks, generatePeople, seedLists, type Person, type SeedOptions } from '../../../tools/people/generate.js';
import { normalizeLinkedinUrl } from '../../../common/normalize/linkedin.js';
import { parseLocation } from '../../../common/normalize/location.js';
import { canonicalSkill, catalogSkills } from '../../../common/normalize/skills.js';
import { cleanText, normalizeEmail } from '../../../common/normalize/text.js';

const options: SeedOptions = { profiles: 3_000, seed: 7, lists: 4, asOf: '2026-06-30' };
const people: Person[] = [...generatePeople(options)];
const csv = (o: SeedOptions) => [...csvChunks(o)].join('');

function counts<T>(values: Iterable<T>): Map<T, number> {
  const map = new Map<T, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return map;
}

describe('seed data generator', () => {
  it('gives the same CSV for the same seed, and another for another seed', () => {
    const small = { ...options, profiles: 500 };
    expect(csv(small)).toBe(csv(small));
    expect(csv({ ...small, seed: 8 })).not.toBe(csv(small));
  });

  it('writes a CSV that parses back to one row per person under the layoff-list headers', () => {
    const rows = parse(csv(options), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_HEADERS]);
    expect(rows).toHaveLength(people.length);
    expect(rows[10]!['Full name']).toBe(people[10]!.name);
    expect(rows[10]!['Areas of expertise']).toBe(people[10]!.skills.join(', '));
  });

  it('makes every row valid for the import: a clean name, and a valid email or LinkedIn URL', () => {
    for (const p of people) {
      expect(cleanText(p.name, { max: 120 })).toEqual({ ok: true, value: p.name });
      expect(p.email ?? p.linkedin).toBeTruthy();
      if (p.email) expect(normalizeEmail(p.email), p.email).toBeDefined();
      if (p.linkedin) expect(normalizeLinkedinUrl(p.linkedin), p.linkedin).toBeDefined();
      const where = parseLocation(p.location);
      expect(where.country, p.location).toBe(p.city.country);
      expect(where.city).toBe(p.city.name);
      expect(p.skills.length).toBeGreaterThanOrEqual(3);
      expect(new Set(p.skills.map(canonicalSkill)).size).toBe(p.skills.length);
    }
  });

  it('never gives two people the same email or LinkedIn profile, also across datasets numbered apart', () => {
    const other = [...generatePeople({ ...options, first: options.profiles })];
    const emails = [...people, ...other].flatMap((p) => (p.email ? [p.email.toLowerCase()] : []));
    const profiles = [...people, ...other].flatMap((p) => (p.linkedin ? [normalizeLinkedinUrl(p.linkedin)] : []));
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(profiles).size).toBe(profiles.length);
    expect(emails.every((e) => /@example\.(com|org|net)$/.test(e))).toBe(true);
  });

  it('draws names from many cultures and scripts, with diacritics', () => {
    const scripts = ['Han', 'Hangul', 'Devanagari', 'Arabic', 'Cyrillic'];
    for (const script of scripts) {
      expect(people.some((p) => new RegExp(`\\p{Script=${script}}`, 'u').test(p.name)), script).toBe(true);
    }
    expect(people.some((p) => /[áéíóúñçãõüößøåłśźżčřăâêôơưđ]/i.test(p.name))).toBe(true);
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThan(people.length / 3);
  });

  it('spreads skills on a long tail: a few very common, many rare, a third of the catalog present', () => {
    const bySkill = [...counts(people.flatMap((p) => p.skills.map(canonicalSkill))).values()].sort((a, b) => b - a);
    expect(bySkill.length).toBeGreaterThan(60);
    expect(bySkill[0]!).toBeGreaterThan(10 * bySkill[49]!);
    const seen = new Set(people.flatMap((p) => p.skills.map(canonicalSkill)));
    // 430 catalog skills on a Zipf curve: a few thousand people reach a good part of the tail.
    expect(catalogSkills().filter((skill) => seen.has(skill)).length).toBeGreaterThan(catalogSkills().length / 3);
    // Aliases show up as people type them.
    expect(people.some((p) => p.skills.some((s) => canonicalSkill(s) !== s))).toBe(true);
  });

  it('places people in many countries, mostly the US, with layoff dates over three years', () => {
    const countries = counts(people.map((p) => p.city.country));
    expect(countries.size).toBeGreaterThan(20);
    const us = countries.get('US')! / people.length;
    expect(us).toBeGreaterThan(0.4);
    expect(us).toBeLessThan(0.75);
    const days = people.map((p) => Date.parse(p.layoffDate));
    expect(Math.max(...days)).toBeLessThanOrEqual(Date.parse(options.asOf!));
    expect(Math.min(...days)).toBeGreaterThan(Date.parse('2023-06-29'));
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThan(2 * 365 * 86_400_000);
    expect(people.every((p) => p.submittedAt.getTime() >= Date.parse(p.layoffDate))).toBe(true);
  });

  it('names well-known and long-tail employers, spelled the ways lists spell them', () => {
    const employers = counts(people.map((p) => p.employer));
    expect(employers.size).toBeGreaterThan(100);
    expect([...employers.keys()].slice(0, 100)).toContain('Google');
    expect(people.some((p) => p.company !== p.employer)).toBe(true);
  });

  it('spreads people over every list, some on two', () => {
    const lists = seedLists(options);
    expect(lists).toHaveLength(4);
    expect(new Set(lists.map((l) => l.title)).size).toBe(4);
    const members = counts(people.flatMap((p) => p.lists));
    for (const list of lists) expect(members.get(list.index)).toBeGreaterThan(0);
    expect(people.some((p) => p.lists.length === 2)).toBe(true);
  });

  it('writes one list by filtering the whole dataset, rows unchanged', () => {
    const small = { ...options, profiles: 400 };
    const lines = csv(small).split('\r\n');
    const members = people.slice(0, 400).filter((p) => p.lists.includes(0));
    const filtered = [...csvChunks(small, (p) => p.lists.includes(0))].join('').split('\r\n');
    expect(filtered).toEqual([lines[0], ...members.map((p) => lines[p.index + 1]), '']);
  });
});
