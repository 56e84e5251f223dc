import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_HOST, fetchSheet } from '../../../../server/services/sheet-sync/sheet-fetch.js';
import { startSheetServer } from '../../../helpers/sheet-server.js';

const CSV = 'Name,Email\nAda Lovelace,ada@example.org\n';
const LAST_MODIFIED = 'Tue, 01 Dec 2026 10:00:00 GMT';

describe('fetchSheet (on 127.0.0.1, with the address rule lifted)', () => {
  let server: Awaited<ReturnType<typeof startSheetServer>>;
  beforeAll(async () => {
    server = await startSheetServer({ csv: CSV });
  });
  afterAll(() => server?.close());

  const options = { policy: ANY_HOST, userAgent: 'Lifeline-Sheet-Sync/test (+http://lifeline.test)' };

  it('follows a relative redirect, streams the body to a file and gives its hash and validators', async () => {
    server.answer = (res) => {
      if (server.requests.at(-1)!.url === '/moved') return res.writeHead(302, { location: '/sheet.csv' }).end();
      res.writeHead(200, { 'content-type': 'text/csv', etag: 'W/"v1"', 'last-modified': LAST_MODIFIED }).end(CSV);
    };
    const result = await fetchSheet(server.url('/moved'), options);
    expect(result).toMatchObject({ status: 'fetched', sizeBytes: CSV.length, etag: 'W/"v1"', lastModified: LAST_MODIFIED });
    if (result.status !== 'fetched') return;
    expect(await readFile(result.filePath, 'utf8')).toBe(CSV);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    await rm(result.filePath);
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual([options.userAgent, options.userAgent]);
  });

  it('asks with If-Modified-Since when the server gave only Last-Modified, and reads 304 as unchanged', async () => {
    server.answer = (res) => {
      const since = server.requests.at(-1)!.headers['if-modified-since'];
      if (since === LAST_MODIFIED) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/csv', 'last-modified': LAST_MODIFIED }).end(CSV);
    };
    expect(await fetchSheet(server.url(), { ...options, lastModified: LAST_MODIFIED })).toEqual({ status: 'not-modified' });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
  });

  it.each([
    [{ status: 404 }, 'no sheet at this link'],
    [{ status: 403 }, 'The sheet is private'],
    [{ status: 500 }, 'answered 500'],
    [{ status: 200, body: '', headers: { 'content-type': 'text/csv' } }, 'The sheet is empty'],
    [{ status: 200, body: '{}', headers: { 'content-type': 'application/json' } }, 'not a CSV'],
  ])('tells the organizer what is wrong with %j', async (answer, message) => {
    server.answer = answer;
    await expect(fetchSheet(server.url(), options)).rejects.toThrow(message);
  });

  it('says so when nothing answers at the address', async () => {
    const gone = await startSheetServer({ csv: CSV });
    const url = gone.url();
    await gone.close();
    await expect(fetchSheet(url, options)).rejects.toThrow('could not be reached (ECONNREFUSED)');
  });
});
