import { describe, expect, it } from 'vitest';
import type { ImportedRow } from '../../../../server/services/imports/rows.js';
import { stageLine } from '../../../../server/services/imports/stage.js';

const row: ImportedRow = {
  name: 'Ada \\ Lovelace', email: 'ada@example.org', linkedinUrl: null, headline: 'Tab\there', role: null, seniority: 'senior',
  seniorityInferred: false, skills: ['Rust', 'Go'], yearsExperience: 12, country: 'GB', region: null, city: 'London', remote: 'remote', relocation: false,
  workAuthorization: null, layoffDate: '2026-03-31', availableFrom: null, company: 'Google',
};

describe('stageLine', () => {
  it('writes a valid row in COPY text format: escapes, \\N for empty values, one line', () => {
    const line = stageLine({
      line: 7, data: '["a\\nb"]', outcome: 'ok', row, slug: 'ada-lovelace-0a1b2c3d', hashes: { email: 'e'.repeat(64), linkedin: null },
    });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const fields = line.slice(0, -1).split('\t');
    expect(fields).toHaveLength(25);
    expect(fields.slice(0, 6)).toEqual(['7', 'ok', '\\N', 'Ada \\\\ Lovelace', 'ada@example.org', '\\N']);
    expect(fields[6]).toBe('Tab\\there');
    expect(fields[9]).toBe('false');
    expect(fields[10]).toBe('Rust\u001fGo');
    expect(fields[11]).toBe('12');
    expect(fields[16]).toBe('false');
    expect(fields.slice(18, 20)).toEqual(['2026-03-31', '\\N']);
    expect(fields.slice(20)).toEqual(['Google', 'e'.repeat(64), '\\N', 'ada-lovelace-0a1b2c3d', '["a\\\\nb"]']);
  });

  it('writes a rejected row with its reason, the hashes of whom it names, and its cells', () => {
    const hashes = { email: 'e'.repeat(64), linkedin: null };
    const fields = stageLine({ line: 3, data: '["x"]', hashes, outcome: 'failed', reason: 'No name:\r\nevery person needs a name' })
      .slice(0, -1)
      .split('\t');
    expect(fields).toHaveLength(25);
    expect(fields.slice(0, 3)).toEqual(['3', 'failed', 'No name:\\r\\nevery person needs a name']);
    expect(fields.slice(3, 21).every((f) => f === '\\N')).toBe(true);
    expect(fields.slice(21)).toEqual(['e'.repeat(64), '\\N', '\\N', '["x"]']);
  });
});
