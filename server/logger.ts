import pino, { type BaseLogger, type Logger, type LoggerOptions } from 'pino';
import type { LogLevel } from './config.js';

/** What our modules log through: a pino logger or Fastify's `app.log`. */
export type Log = Pick<BaseLogger, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'>;

/** Query parameters whose values are personal or secret. */
const SECRET_PARAMS = new Set(['token', 'to', 'email', 'key', 'password']);

/** Keys redacted wherever they appear (one level deep in any logged object). */
const REDACT_KEYS = ['email', 'to', 'replyTo', 'from_email', 'password', 'token', 'authorization', 'cookie', 'ip'];

/** A URL for the log: the path, and the query with secret values replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) {
    if (SECRET_PARAMS.has(key.toLowerCase())) params.set(key, '[redacted]');
  }
  return `${url.slice(0, q)}?${params.toString()}`;
}

interface LoggableRequest {
  id: string;
  method: string;
  url: string;
  routeOptions?: { url?: string };
}

export function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: {
      paths: [...REDACT_KEYS, ...REDACT_KEYS.map((k) => `*.${k}`)],
      censor: '[redacted]',
    },
    serializers: {
      // No IP, no headers: only what identifies the request, not the person.
      req: (req: LoggableRequest) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
}

export function createLogger(level: LogLevel): Logger {
  return pino(loggerOptions(level));
}
