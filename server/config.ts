import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { isLoopback } from './loopback.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  logLevel: LogLevel;
  /** Requests a minute per client on public routes; 0 turns limiting off. */
  rateLimit: number;
  /** Prefixes Meilisearch index uids, so that several deployments (or tests) can share one Meilisearch. */
  indexPrefix: string;
  /** Bearer token for /metrics; without it /metrics answers loopback clients only. */
  metricsToken: string | undefined;
  /** NODE_ENV=production: real mail and an https PUBLIC_URL are required. */
  production: boolean;
  /** Serve the mail kept in Postgres at /api/dev/mail, to direct loopback clients only. */
  devMailbox: boolean;
  /** Whom to believe about the client's address (X-Forwarded-For): nobody, a number of hops, or these proxies. */
  trustProxy: false | number | string[];
  /** SYNC_ALLOW_PRIVATE=1: followed sheets may be fetched over http and from private addresses (development and tests only). */
  syncAllowPrivate: boolean;
  /** Days after its last confirmation that a profile's owner is asked "Still looking?". */
  confirmAfterDays: number;
  /** Days after that mail, unanswered, that the profile is hidden as stale. */
  hideAfterDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, parse: (raw: string) => T, fallback: T): T => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    try {
      return parse(raw);
    } catch (err) {
      problems.push(`${name}=${JSON.stringify(raw)}: ${(err as Error).message}`);
      return fallback;
    }
  };

  const port = read('PORT', (raw) => integer(raw, 0, 65535), 3000);
  const host = read('HOST', (raw) => raw, '127.0.0.1');
  const production = env.NODE_ENV?.trim() === 'production';
  const smtpUrl = read('SMTP_URL', (raw) => url(raw, ['smtp:', 'smtps:']), undefined);
  const devMailbox = read('DEV_MAILBOX', onOff, undefined);
  const config: Config = {
    port,
    host,
    dataDir: path.resolve(read('DATA_DIR', (raw) => raw, '.data')),
    databaseUrl: read('DATABASE_URL', (raw) => url(raw, ['postgres:', 'postgresql:']), undefined),
    meiliUrl: read('MEILI_URL', (raw) => url(raw, ['http:', 'https:']), undefined),
    meiliMasterKey: read('MEILI_MASTER_KEY', (raw) => raw, undefined),
    smtpUrl,
    mailFrom: read('MAIL_FROM', mailbox, 'Lifeline <no-reply@lifeline.localhost>'),
    publicUrl: read('PUBLIC_URL', (raw) => url(raw, ['http:', 'https:']).replace(/\/+$/, ''), ''),
    logLevel: read('LOG_LEVEL', logLevel, 'info'),
    rateLimit: read('RATE_LIMIT', (raw) => integer(raw, 0, 1_000_000), 60),
    indexPrefix: read('MEILI_INDEX_PREFIX', indexPrefix, ''),
    metricsToken: read('METRICS_TOKEN', secret, undefined),
    production,
    // Without real mail the mailbox is how a laptop reads its links; anywhere else (a public
    // https address, a non-loopback HOST, production) it is off unless asked for, since whoever
    // reads it can take over any profile.
    devMailbox: devMailbox ?? (!smtpUrl && isLoopback(host) && !production && !env.PUBLIC_URL?.trim().startsWith('https:')),
    trustProxy: read('TRUST_PROXY', trustProxy, false),
    syncAllowPrivate: read('SYNC_ALLOW_PRIVATE', onOff, false),
    confirmAfterDays: read('CONFIRM_AFTER_DAYS', (raw) => integer(raw, 1, 3650), 60),
    hideAfterDays: read('HIDE_AFTER_DAYS', (raw) => integer(raw, 1, 365), 14),
  };
  if (config.meiliUrl && !config.meiliMasterKey) {
    problems.push('MEILI_MASTER_KEY: required when MEILI_URL is set (the key of that Meilisearch)');
  }
  if (smtpUrl && devMailbox) {
    problems.push('DEV_MAILBOX=1: the dev mailbox holds mail that is not sent, and with SMTP_URL all mail is sent; set only one of them');
  }
  if (production && !smtpUrl && !devMailbox) {
    problems.push(
      'SMTP_URL: required with NODE_ENV=production, or mail has nowhere to go; set SMTP_URL=smtp(s)://user:pass@host:port ' +
        '(or DEV_MAILBOX=1 to keep mail in a mailbox that only this machine can read)',
    );
  }
  if (production && !config.publicUrl.startsWith('https:')) {
    problems.push(
      'PUBLIC_URL: must be an https:// URL with NODE_ENV=production, since links in mail carry sign-in tokens and the ' +
        'session cookie is Secure (e.g. PUBLIC_URL=https://lifeline.example.org)',
    );
  }
  if (production && config.syncAllowPrivate) {
    problems.push('SYNC_ALLOW_PRIVATE=1: lets anyone who follows a sheet make Lifeline fetch addresses inside your network; it is for development and tests only, unset it with NODE_ENV=production');
  }
  // One line, as every failed start prints: each problem names its variable and the fix.
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  if (!config.publicUrl) {
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    config.publicUrl = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  }
  return config;
}

function integer(raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new Error(`must be a whole number from ${min} to ${max}`);
  const value = Number(raw);
  if (value < min || value > max) throw new Error(`must be a whole number from ${min} to ${max}`);
  return value;
}

function url(raw: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`must be a URL starting with ${protocols.join(' or ')}//`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new Error(`must be a URL starting with ${protocols.join(' or ')}//`);
  }
  return raw;
}

function mailbox(raw: string): string {
  if (!/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(raw)) {
    throw new Error('must be an address, like "Lifeline <no-reply@example.org>" or no-reply@example.org');
  }
  return raw;
}

function indexPrefix(raw: string): string {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(raw)) throw new Error('must be letters, digits, - or _ (a Meilisearch index uid prefix)');
  return raw;
}

function secret(raw: string): string {
  if (raw.length < 16) throw new Error('must be at least 16 characters (a random token, e.g. openssl rand -hex 24)');
  return raw;
}

function onOff(raw: string): boolean {
  if (raw !== '1' && raw !== '0') throw new Error('must be 1 (on) or 0 (off)');
  return raw === '1';
}

const TRUST_PROXY_FORMAT = 'must be a number of proxy hops (like 1) or a comma list of proxy addresses or CIDRs (like 10.0.0.0/8,192.0.2.7)';

/** A hop count, or proxies by address or CIDR: never "trust everyone", which lets any client forge its address. */
function trustProxy(raw: string): false | number | string[] {
  if (/^\d+$/.test(raw)) {
    const hops = integer(raw, 0, 100);
    return hops === 0 ? false : hops;
  }
  return raw.split(',').map((entry) => {
    const cidr = entry.trim();
    const [address = '', prefix, ...rest] = cidr.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0 || (prefix !== undefined && !/^\d+$/.test(prefix))) {
      throw new Error(`"${cidr}" is not an IP address or CIDR; TRUST_PROXY ${TRUST_PROXY_FORMAT}`);
    }
    if (prefix !== undefined && Number(prefix) < 8) {
      throw new Error(`"${cidr}" would trust almost any address to name the client; name your proxies' own addresses or subnets`);
    }
    if (prefix !== undefined) {
      try {
        new BlockList().addSubnet(address, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
      } catch {
        throw new Error(`"${cidr}" has a prefix length out of range (0-${family === 4 ? 32 : 128})`);
      }
    }
    return cidr;
  });
}

function logLevel(raw: string): LogLevel {
  const level = raw.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return level as LogLevel;
}

/** For entry points: the configuration, or the problems on stderr and exit code 2. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
