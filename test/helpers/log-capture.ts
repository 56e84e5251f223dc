import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../../server/config.js';
import { loggerOptions } from '../../server/logger.js';

/** A logger like production's that writes into memory, so a test can read what was logged. */
export function captureLogs(level: LogLevel = 'info'): { logger: Logger; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: pino(loggerOptions(level), sink), text: () => chunks.join('') };
}
