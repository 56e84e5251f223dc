import { once } from 'node:events';
import { parse, type Parser } from 'csv-parse';

/** A longer record is almost always a quote that was opened and never closed. */
export const MAX_RECORD_CHARS = 64 * 1024;

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a file, from its header line: a comma, or the semicolon that Excel writes for
 * "CSV" where the comma is the decimal mark (Spain, France, Germany, Brazil…), or the tab of
 * Excel's "Unicode text". Delimiters inside quotes do not count.
 */
export function detectDelimiter(headerLine: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, d) => ((counts.get(d) ?? 0) > (counts.get(best) ?? 0) ? d : best));
}

const write = async (parser: Parser, text: string) => {
  if (!parser.write(text)) await once(parser, 'drain');
};

/**
 * Decoded text in, records out, in a pipeline: the text is held only until its first line break,
 * to choose the delimiter, and parsed as it streams from there.
 */
export async function* csvRecords(text: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  const chunks = text[Symbol.asyncIterator]();
  let head = '';
  let ended = false;
  while (!ended && !head.includes('\n')) {
    const next = await chunks.next();
    if (next.done) ended = true;
    else head += String(next.value);
  }
  const parser = parse({
    delimiter: detectDelimiter(head),
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: '\n',
    max_record_size: MAX_RECORD_CHARS,
  });
  // Fed from here while records are taken below; a failure to read ends the parser with it.
  const feeding = (async () => {
    try {
      if (head) await write(parser, head);
      while (!ended) {
        const next = await chunks.next();
        if (next.done) ended = true;
        else await write(parser, String(next.value));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  yield* parser as AsyncIterable<string[]>;
  await feeding;
}
