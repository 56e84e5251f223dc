import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../../server/config.js';
import { loggerOptions } from '../../server/logger.js';

/** A logger like production's that writes into memory, so a test can read what was logged. */
/** `lines` are the writes, one JSON line each; `text()` is all of them. */
export function captureLogs(level: LogLevel = 'info'): { logger: Logger; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino(loggerOptions(level), sink), lines, text: () => lines.join('') };
}
