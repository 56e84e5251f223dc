import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../../server/config.js';
import { loggerOptions } from '../../server/logger.js';

/** A logger configured as in production whose output is kept, one string a write, to check what was logged. */
export function capturingLogger(level: LogLevel = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino(loggerOptions(level), sink), lines };
}
