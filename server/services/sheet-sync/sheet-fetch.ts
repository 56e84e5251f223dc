import { createHash } from 'node:crypto';
import dns from 'node:dns';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newUploadPath } from '../imports/upload.js';
import { nonPublicAddress } from './public-address.js';

/** A fetch that could not give a sheet; its message tells the organizer what is wrong and what to do. */
export class SheetFetchError extends Error {
  override name = 'SheetFetchError';
}

/** Where a sheet may come from: public https hosts only, unless SYNC_ALLOW_PRIVATE lifts both rules. */
export interface FetchPolicy {
  allowHttp: boolean;
  /** Why Lifeline may not connect to this IP address, or undefined when it may. */
  refuse(address: string): string | undefined;
}

export const PUBLIC_HTTPS_ONLY: FetchPolicy = { allowHttp: false, refuse: nonPublicAddress };
/** SYNC_ALLOW_PRIVATE=1: local development and tests, never production. */
export const ANY_HOST: FetchPolicy = { allowHttp: true, refuse: () => undefined };

export interface SheetFetchOptions {
  policy: FetchPolicy;
  userAgent: string;
  /** The validators of the last fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export type SheetFetchResult =
  | { status: 'not-modified' }
  | { status: 'fetched'; filePath: string; sizeBytes: number; sha256: string; etag: string | null; lastModified: string | null };

export const MAX_SHEET_BYTES = 50 * 1024 * 1024;
export const SHEET_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 3;

/**
 * Fetches the CSV at `url` into a temporary file (the caller deletes it), asking conditionally.
 *
 * Every address a host name resolves to is checked by the policy, and the connection goes to the
 * checked address itself: the lookup that checks is the one the socket uses, so a name cannot
 * resolve to a public address for the check and a private one for the connection. Redirects are
 * followed by hand (at most 3), each new address checked again. The body streams to disk and the
 * fetch is aborted past the size or time limit. No cookies are kept; no proxy is used.
 */
export async function fetchSheet(url: string, options: SheetFetchOptions): Promise<SheetFetchResult> {
  const { maxBytes = MAX_SHEET_BYTES, timeoutMs = SHEET_TIMEOUT_MS, maxRedirects = MAX_REDIRECTS } = options;
  const controller = new AbortController();
  const timeout = new SheetFetchError(
    `The sheet took longer than ${Math.round(timeoutMs / 1000)} s to download, so it was not imported. Try again later, or split it into smaller sheets.`,
  );
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
  try {
    let current = checkedUrl(url, options.policy);
    for (let redirects = 0; ; redirects++) {
      const response = await get(current, options, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        if (redirects >= maxRedirects) throw new SheetFetchError(`The link redirects more than ${maxRedirects} times: paste the address the sheet finally opens at.`);
        const location = response.headers.location;
        if (!location) throw new SheetFetchError(`The sheet's server answered ${status} without saying where to: check the link.`);
        current = checkedUrl(new URL(location, current).href, options.policy);
        continue;
      }
      if (status === 304) {
        response.resume();
        return { status: 'not-modified' };
      }
      if (status !== 200) {
        response.resume();
        throw new SheetFetchError(statusProblem(status));
      }
      return await save(response, maxBytes, controller.signal);
    }
  } catch (err) {
    if (controller.signal.aborted) throw timeout;
    throw err instanceof SheetFetchError ? err : networkProblem(err);
  } finally {
    clearTimeout(timer);
  }
}

function checkedUrl(raw: string, policy: FetchPolicy): URL {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) {
    throw new SheetFetchError(`The sheet's link leads to ${url.protocol}// instead of https://, which Lifeline does not fetch.`);
  }
  if (url.username || url.password) throw new SheetFetchError('The sheet\'s link leads to an address with a user name or password, which Lifeline does not fetch.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address never goes through the lookup below: it is checked here.
  if (isIP(host)) refuseIfNonPublic(host, policy);
  return url;
}

function refuseIfNonPublic(address: string, policy: FetchPolicy): void {
  const why = policy.refuse(address);
  if (why) {
    throw new SheetFetchError(`The sheet's link leads to ${why} (${address}), which Lifeline does not fetch: use the sheet's public link.`);
  }
}

/** dns.lookup, with every address checked; the socket connects to what it answers, nothing else. */
function checkedLookup(policy: FetchPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      try {
        if (addresses.length === 0) throw new SheetFetchError(`No server is named ${hostname}: check the link.`);
        for (const { address } of addresses) refuseIfNonPublic(address, policy);
      } catch (refusal) {
        return callback(refusal as Error, '', 0);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function get(url: URL, options: SheetFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'text/csv, text/plain;q=0.9, */*;q=0.5',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return new Promise((resolve, reject) => {
    // agent: false: a connection of its own, never a pooled socket to an address checked for another fetch.
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'GET',
      headers,
      agent: false,
      lookup: checkedLookup(options.policy),
      signal,
    });
    request.once('response', resolve);
    // Errors after the response (the socket dropped mid-body) reach the body's pipeline; this only settles the first.
    request.on('error', reject);
    request.end();
  });
}

async function save(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<SheetFetchResult> {
  const type = response.headers['content-type']?.toLowerCase() ?? '';
  if (type.startsWith('text/html') || type.includes('json') || type.startsWith('image/')) {
    response.resume();
    throw new SheetFetchError(
      `The link gives ${type.startsWith('text/html') ? 'a web page' : type.split(';')[0]}, not a CSV. A private Google Sheet answers with its sign-in page: ` +
        'share it with "Anyone with the link", or publish it to the web as CSV. Elsewhere, paste the link that downloads the .csv file.',
    );
  }
  const tooLarge = new SheetFetchError(`The sheet is larger than ${maxBytes / 1024 / 1024} MB, so it was not imported: split it into smaller sheets.`);
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    throw tooLarge;
  }
  const filePath = newUploadPath();
  const hash = createHash('sha256');
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(response, limit, createWriteStream(filePath, { mode: 0o600 }), { signal });
  } catch (err) {
    await rm(filePath, { force: true });
    throw err;
  }
  if (size === 0) {
    await rm(filePath, { force: true });
    throw new SheetFetchError('The sheet is empty: check that it still has its rows.');
  }
  const header = (name: string) => {
    const value = response.headers[name];
    return typeof value === 'string' && value.length <= 500 ? value : null;
  };
  return { status: 'fetched', filePath, sizeBytes: size, sha256: hash.digest('hex'), etag: header('etag'), lastModified: header('last-modified') };
}

function statusProblem(status: number): string {
  if (status === 401 || status === 403) {
    return `The sheet is private (its server answered ${status}): share it with "Anyone with the link", or publish it to the web as CSV.`;
  }
  if (status === 404 || status === 410) return `There is no sheet at this link any more (its server answered ${status}): check the link, or paste the new one.`;
  if (status === 429) return 'The sheet\'s server asks Lifeline to slow down (429): the next sync tries again.';
  return `The sheet's server answered ${status} instead of the CSV: the next sync tries again.`;
}

/** A failure to connect, told without its stack: names the code, never what the server said. */
function networkProblem(err: unknown): SheetFetchError {
  const code = (err as { code?: unknown }).code;
  const safe = typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'unknown error';
  if (safe === 'ENOTFOUND' || safe === 'EAI_AGAIN') return new SheetFetchError('No server is named in the link (its name does not resolve): check the link.');
  if (safe.startsWith('ERR_TLS') || safe.includes('CERT') || safe.startsWith('DEPTH_ZERO') || safe.startsWith('UNABLE_TO')) {
    return new SheetFetchError(`The sheet's server has no valid https certificate (${safe}), so it was not fetched.`);
  }
  return new SheetFetchError(`The sheet's server could not be reached (${safe}): the next sync tries again.`);
}
