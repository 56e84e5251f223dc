import { describe, expect, it } from 'vitest';
import { sheetCsvUrl } from '../../../../server/services/sheet-sync/sheet-url.js';

const csv = (raw: string, allowHttp = false) => sheetCsvUrl(raw, { allowHttp });
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abc';

describe('the CSV behind a pasted sheet link', () => {
  it.each([
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=123`, `https://docs.google.com/spreadsheets/d/${ID}/export?format=csv&gid=123`],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`, `https://docs.google.com/spreadsheets/d/${ID}/export?format=csv`],
    [`https://docs.google.com/spreadsheets/u/1/d/${ID}/htmlview?gid=7`, `https://docs.google.com/spreadsheets/d/${ID}/export?format=csv&gid=7`],
    [`https://docs.google.com/spreadsheets/d/${ID}/export?format=csv&gid=5`, `https://docs.google.com/spreadsheets/d/${ID}/export?format=csv&gid=5`],
    ['https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_published/pubhtml?gid=0&single=true', 'https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_published/pub?output=csv&gid=0&single=true'],
    ['https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_published/pub?output=csv', 'https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_published/pub?output=csv'],
    [`https://drive.google.com/file/d/${ID}/view?usp=sharing`, `https://drive.google.com/uc?export=download&id=${ID}`],
    ['https://airtable.com/v0.3/view/viwAbC/downloadCsv?x-time-zone=UTC', 'https://airtable.com/v0.3/view/viwAbC/downloadCsv?x-time-zone=UTC'],
    ['  https://example.org/layoffs.csv#top  ', 'https://example.org/layoffs.csv'],
  ])('%s → %s', (pasted, fetched) => {
    expect(csv(pasted)).toEqual({ ok: true, fetchUrl: fetched });
  });

  it.each([
    ['https://airtable.com/appXYZ/shrAbCdEf123', 'Download CSV'],
    ['https://docs.google.com/document/d/abc/edit', 'not a sheet'],
    ['http://example.org/layoffs.csv', 'https://'],
    ['ftp://example.org/layoffs.csv', 'https://'],
    ['file:///etc/passwd', 'https://'],
    ['https://user:secret@example.org/a.csv', 'user name or password'],
    ['docs.google.com/spreadsheets', 'not a web address'],
    ['', 'Paste the link'],
    [`https://example.org/${'a'.repeat(2001)}`, 'longer than'],
  ])('refuses %s, saying what to paste instead', (pasted, reason) => {
    const result = csv(pasted);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('lets http through for local development only', () => {
    expect(csv('http://127.0.0.1:8080/sheet.csv', true)).toEqual({ ok: true, fetchUrl: 'http://127.0.0.1:8080/sheet.csv' });
  });
});
