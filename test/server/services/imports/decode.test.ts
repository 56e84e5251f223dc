import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeStream, detectEncoding } from '../../../../server/services/imports/decode.js';

/** Feeds bytes one at a time, the worst case for a decoder that must keep state across chunks. */
const decodeBytewise = (bytes: Buffer, choice: ConstructorParameters<typeof DecodeStream>[0] = 'auto') =>
  text(Readable.from([...bytes].map((b) => Buffer.from([b]))).pipe(new DecodeStream(choice)));

describe('DecodeStream', () => {
  const sample = 'Name,Note\r\nJosé,“quoted” ü\rZoë,naïve\n';
  const expected = 'Name,Note\nJosé,“quoted” ü\nZoë,naïve\n';

  it.each([
    ['utf-8', Buffer.from(sample)],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)])],
    ['utf-16le', iconv.encode(sample, 'utf-16le', { addBOM: true })],
    ['utf-16be', iconv.encode(sample, 'utf-16be', { addBOM: true })],
    ['utf-16le', iconv.encode(sample, 'utf-16le')],
    ['windows-1252', iconv.encode(sample, 'windows-1252')],
  ])('reads %s split at every byte, BOM dropped, line ends as LF', async (encoding, bytes) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    expect(await decodeBytewise(bytes)).toBe(expected);
  });

  it('fails UTF-8 chosen for a Windows-1252 file instead of storing mojibake', async () => {
    await expect(decodeBytewise(iconv.encode(sample, 'windows-1252'), 'utf-8')).rejects.toThrow(/not valid UTF-8/);
  });

  it('fails a UTF-8 file whose invalid bytes come after the part it sniffed', async () => {
    const chunks = [Buffer.from(`a,b\n${'x'.repeat(70_000)}\n`), Buffer.from([0xe9, 0x0a])];
    await expect(text(Readable.from(chunks).pipe(new DecodeStream('auto')))).rejects.toThrow(/not valid UTF-8/);
  });
});
