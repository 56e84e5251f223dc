import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import type { EncodingChoice } from '../../../common/import-encodings.js';
import { ImportFileError } from './errors.js';

export type Encoding = Exclude<EncodingChoice, 'auto'>;

/** Enough bytes to tell UTF-8 from Windows-1252 and to spot UTF-16 without a BOM. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The encoding of a file from its first bytes: a BOM decides; else UTF-16 shows as zero bytes in
 * every other position (ASCII text); else valid UTF-8 is UTF-8, and anything else is taken for
 * Windows-1252, which is what Excel on Windows writes for "CSV".
 */
export function detectEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs >= 2) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
      if (head[i] === 0) evenZeros++;
      if (head[i + 1] === 0) oddZeros++;
    }
    if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
    if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

interface Decoder {
  write(chunk: Buffer): string;
  end(): string;
}

/** UTF-8 is decoded strictly: a wrong guess must fail loudly, not store "Ã©" for "é". */
function utf8Decoder(): Decoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const wrap = (fn: () => string) => {
    try {
      return fn();
    } catch {
      throw new ImportFileError('The file is not valid UTF-8. Choose its encoding (Windows-1252 for most Excel "CSV" files) and import it again.');
    }
  };
  return { write: (chunk) => wrap(() => decoder.decode(chunk, { stream: true })), end: () => wrap(() => decoder.decode()) };
}

function iconvDecoder(encoding: Encoding): Decoder {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

/**
 * Bytes in, text out, with every line ending (CRLF, LF, CR) turned into LF so that the CSV
 * parser and line numbers see one convention. Holds back only the first bytes (to detect the
 * encoding) and a trailing CR (which may be half of a CRLF).
 */
export class DecodeStream extends Transform {
  private decoder: Decoder | undefined;
  private head: Buffer[] = [];
  private headLength = 0;
  private pendingCr = false;
  encoding: Encoding | undefined;

  constructor(private readonly choice: EncodingChoice) {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.decoder) return done(null, this.lines(this.decoder.write(chunk)));
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength < SNIFF_BYTES) return done();
      done(null, this.start());
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      let text = this.decoder ? '' : this.start();
      text += this.lines(this.decoder!.end());
      if (this.pendingCr) text += '\n';
      done(null, text);
    } catch (err) {
      done(err as Error);
    }
  }

  private start(): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.encoding = this.choice === 'auto' ? detectEncoding(head) : this.choice;
    this.decoder = this.encoding === 'utf-8' ? utf8Decoder() : iconvDecoder(this.encoding);
    const text = this.decoder.write(head);
    return this.lines(this.encoding === 'utf-8' && text.startsWith('\uFEFF') ? text.slice(1) : text);
  }

  private lines(text: string): string {
    if (this.pendingCr) {
      text = `\r${text}`;
      this.pendingCr = false;
    }
    if (text.endsWith('\r')) {
      this.pendingCr = true;
      text = text.slice(0, -1);
    }
    return text.replace(/\r\n?/g, '\n');
  }
}
