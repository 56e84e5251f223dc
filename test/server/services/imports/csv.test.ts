import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, detectDelimiter } from '../../../../server/services/imports/csv.js';

const records = async (chunks: string[]) => {
  const out: string[][] = [];
  for await (const record of csvRecords(Readable.from(chunks))) out.push(record);
  return out;
};

describe('csvRecords', () => {
  it('tells commas, semicolons (Excel where the comma is the decimal mark) and tabs apart by the header row', () => {
    expect(detectDelimiter('Name,Email,Skills\n')).toBe(',');
    expect(detectDelimiter('Prénom;Nom;Compétences\n')).toBe(';');
    expect(detectDelimiter('First Name\tLast Name\tE-mail\n')).toBe('\t');
    // Delimiters inside quotes and after the first line do not count.
    expect(detectDelimiter('"Name; full";Email;"Skills, tools"\nA,B,C,D,E,F\n')).toBe(';');
    expect(detectDelimiter('Name')).toBe(',');
  });

  it('parses the whole stream with the delimiter of its first line, however the text is cut', async () => {
    expect(await records(['Vorname;Na', 'me\nJonas;Becker\n', 'Lea;"Wagner; Dr."\n'])).toEqual([
      ['Vorname', 'Name'], ['Jonas', 'Becker'], ['Lea', 'Wagner; Dr.'],
    ]);
    expect(await records([])).toEqual([]);
    expect(await records(['Name,Email'])).toEqual([['Name', 'Email']]);
  });

  it('ends with the error of the text it reads', async () => {
    async function* failing() {
      yield 'Name,Email\nAda,ada@example.org\n';
      throw new Error('not valid UTF-8');
    }
    const reading = (async () => {
      for await (const record of csvRecords(failing())) expect(record).toHaveLength(2);
    })();
    await expect(reading).rejects.toThrow('not valid UTF-8');
  });
});
