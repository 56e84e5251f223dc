import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../helpers/app.js';
import { appWithOrganizer, createList, importCsv } from '../../../helpers/organizer.js';

/**
 * The corpus of real-shaped sheets (test/fixtures/csv/*.csv with a *.expected.json): exports of
 * Google Forms, Airtable, Excel and hand-made sheets, in English, Spanish, Portuguese, French and
 * German. Each goes through the whole import as a dry run, and must come out as its expectation
 * says: the mapping an organizer would pick, which fields it is unsure of, the counts, and the
 * values of the rows that matter.
 */
interface Expected {
  shape: string;
  mapping: Record<string, string>;
  /** Mapped fields whose confidence is below 0.8 (the organizer should look); every other is at least 0.8. */
  unsure?: string[];
  language: string;
  encoding?: string;
  counts: { total: number; created: number; updated: number; unchanged: number; skipped: number; failed: number };
  rows: { line: number; outcome: string; reason?: string; notes?: string[]; values?: Record<string, unknown> }[];
}

const DIR = new URL('../../../fixtures/csv/', import.meta.url);
const CORPUS = readdirSync(DIR).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, '.csv')).sort();

describe('the corpus of real-shaped sheets', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  it('holds at least 12 sheets', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CORPUS)('%s', async (file) => {
    const expected = JSON.parse(await readFile(new URL(file.replace(/\.csv$/, '.expected.json'), DIR), 'utf8')) as Expected;
    const list = await createList(t, token, { employer: 'Acme' });
    const status = await importCsv(t, token, list.slug, await readFile(new URL(file, DIR)), { dryRun: true, attestConsent: true });
    expect(status.error, expected.shape).toBeUndefined();

    expect(status.mapping).toEqual(expected.mapping);
    const unsure = Object.entries(status.confidence).filter(([, c]) => c < 0.8).map(([target]) => target).sort();
    expect(unsure).toEqual([...(expected.unsure ?? [])].sort());
    expect(status.language).toBe(expected.language);
    if (expected.encoding) expect(status.encoding).toBe(expected.encoding);
    expect(status.counts).toEqual(expected.counts);
    for (const row of expected.rows) {
      expect(status.preview?.find((p) => p.line === row.line), `line ${row.line}`).toMatchObject(row);
    }
  });
});
