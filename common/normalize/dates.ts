/**
 * Dates as sheets write them, to 'YYYY-MM-DD': ISO dates, Google Forms timestamps
 * ("2026/11/01 10:00:00", "11/1/2026 10:00:00"), Excel serial numbers (46112), numeric dates in
 * the day-first order of most of the world (31/03/2026, 31.03.2026) or the month-first order of
 * the US (3/31/2026), and month names in the languages lists are made in ("31 de marzo de 2026",
 * "March 31, 2026", "31. März 2026", "mars 2026"). Month names come from the platform (Intl).
 */

/** Which of two numbers below 13 is the day: the file's habit, when the date itself cannot tell. */
export type DateOrder = 'dmy' | 'mdy';

const fold = (value: string) => value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\./g, '');

let months: Map<string, number> | undefined;
function monthsByName(): Map<string, number> {
  if (months) return months;
  months = new Map();
  for (const language of ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl']) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(language, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) months.set(fold(format.format(Date.UTC(2020, m, 1))), m + 1);
    }
  }
  // Short forms CLDR does not give in every language: "Sept", "Sep", "Mrz", "Juli".
  for (const [name, m] of [['sep', 9], ['sept', 9], ['set', 9], ['mrz', 3], ['marz', 3], ['juli', 7], ['juni', 6]] as const) months.set(name, m);
  return months;
}

function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 100) year += 2000;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (Number.isNaN(time) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1990 || year > 2100) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included); this range is 1990–2100. */
function fromSerial(serial: number): string | undefined {
  if (serial < 32_874 || serial > 73_051) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 'YYYY-MM-DD', or undefined when `raw` is not a date. A numeric date whose first two numbers
 * are both 12 or less is read in `order`; any other tells its own order (31/03 is day-first).
 * A month without a day ("March 2026", "03/2026") is its first day.
 */
export function parseSheetDate(raw: string, order: DateOrder = 'mdy'): string | undefined {
  const value = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(value);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.]\s?(\d{1,2})[-/.]\s?(\d{4}|\d{2})(?:[\s,T].*)?$/.exec(value);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayFirst = a > 12 ? true : b > 12 ? false : order === 'dmy';
    return dayFirst ? isoOf(year, b, a) : isoOf(year, a, b);
  }
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(value);
  if (m) return isoOf(Number(m[2]), Number(m[1]), 1);
  if (/^\d{5}(?:\.\d+)?$/.test(value)) return fromSerial(Number(value));
  return namedMonthDate(value);
}

/** "31 de marzo de 2026", "March 31, 2026", "31. März 2026", "1er mars 2026", "mar-2026". */
function namedMonthDate(value: string): string | undefined {
  const words = fold(value).replace(/(\d+)(?:st|nd|rd|th|er|º|°)\b/g, '$1').split(/[\s,/-]+/).filter((w) => w && !['de', 'del', 'of', 'le', 'the'].includes(w));
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const word of words) {
    if (/^\d{4}$/.test(word)) year = Number(word);
    else if (/^\d{1,2}$/.test(word) && day === undefined) day = Number(word);
    else if (monthsByName().has(word) && month === undefined) month = monthsByName().get(word);
    else return undefined;
  }
  if (month === undefined || year === undefined) return undefined;
  return isoOf(year, month, day ?? 1);
}
