import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSheet, PUBLIC_HTTPS_ONLY, type FetchPolicy } from '../../server/services/sheet-sync/sheet-fetch.js';
import { nonPublicAddress } from '../../server/services/sheet-sync/public-address.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createList, createOrganizer } from '../helpers/organizer.js';
import { createRecruiter } from '../helpers/recruiter.js';
import { startSheetServer } from '../helpers/sheet-server.js';

const CSV = 'Name,Email\nAda Lovelace,ada@example.org\n';

/**
 * An organizer is anyone who signed up: the sheet link they paste is an attacker's URL. Lifeline
 * must not fetch its own network, its cloud's metadata service, or anything a redirect or a DNS
 * name leads to there; must not let one organizer drive another's list; and must not be tied up
 * by a sheet that is huge or never ends.
 */
describe('attack: a sheet link aimed at Lifeline\'s own network (no SYNC_ALLOW_PRIVATE)', () => {
  let t: TestApp;
  let internal: Awaited<ReturnType<typeof startSheetServer>>;
  let attacker: Awaited<ReturnType<typeof createOrganizer>>;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
    internal = await startSheetServer({ csv: CSV });
    attacker = await createOrganizer(t);
    ({ slug } = await createList(t, attacker.token));
  });
  afterAll(async () => {
    await internal?.close();
    await t?.close();
  });

  const preview = (url: string) =>
    t.app.inject({ method: 'POST', url: `/api/lists/${slug}/source/preview`, headers: attacker.auth, payload: { url } });
  const imports = async () => Number((await sql<{ n: number }>`select count(*)::int as n from imports`.execute(t.app.db)).rows[0]!.n);

  it.each([
    [`https://127.0.0.1:${0}/sheet.csv`, 'a loopback address (127.0.0.1)'],
    ['https://10.0.0.5/sheet.csv', 'a private network address (10.0.0.5)'],
    ['https://192.168.1.1/sheet.csv', 'a private network address'],
    ['https://100.64.0.1/sheet.csv', 'a carrier-grade NAT address'],
    ['https://169.254.169.254/latest/meta-data/iam/security-credentials/', 'a link-local or cloud metadata address (169.254.169.254)'],
    ['https://[fd00:ec2::254]/latest/meta-data/', 'a private network (unique local) address'],
    ['https://[::1]/sheet.csv', 'a loopback address (::1)'],
    ['https://[::ffff:127.0.0.1]/sheet.csv', 'an IPv4-mapped IPv6 address'],
    ['https://0x7f.0.0.1/sheet.csv', 'a loopback address (127.0.0.1)'],
    ['https://2130706433/sheet.csv', 'a loopback address (127.0.0.1)'],
    ['https://0.0.0.0/sheet.csv', 'an unspecified address'],
  ])('POST …/source/preview {url: %s} → 422 naming %s, and nothing is fetched or recorded', async (url, why) => {
    const before = await imports();
    const res = await preview(url);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().message).toContain(why);
    expect(await imports()).toBe(before);
  });

  it('a DNS name that resolves to loopback (localhost) is refused before connecting: the server on it sees no request', async () => {
    const res = await preview(`https://localhost:${internal.port}/sheet.csv`);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().message).toContain('a loopback address');
    expect(internal.requests).toEqual([]);
  });

  it('http:// is refused outright (PUT and preview), whatever the address', async () => {
    const put = await t.app.inject({
      method: 'PUT', url: `/api/lists/${slug}/source`, headers: attacker.auth,
      payload: { url: internal.url(), every: 'hourly', attestConsent: true },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().message).toContain('https://');
    expect((await preview(internal.url())).statusCode).toBe(400);
    expect(await t.app.db.selectFrom('list_sources').select('list_id').execute()).toEqual([]);
    expect(internal.requests).toEqual([]);
  });

  it('a public-looking URL that redirects to the metadata service or to loopback is refused at the redirect', async () => {
    // The redirector stands for a public host: only its own address (127.0.0.2) is let through by this policy.
    const redirector = await startSheetServer({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }, '127.0.0.2');
    const onlyTheRedirector: FetchPolicy = { allowHttp: true, refuse: (ip) => (ip === '127.0.0.2' ? undefined : nonPublicAddress(ip)) };
    try {
      await expect(fetchSheet(redirector.url(), { policy: onlyTheRedirector, userAgent: 'test' })).rejects.toThrow(
        'a link-local or cloud metadata address (169.254.169.254)',
      );
      redirector.answer = { status: 301, headers: { location: `http://localhost:${internal.port}/sheet.csv` } };
      await expect(fetchSheet(redirector.url(), { policy: onlyTheRedirector, userAgent: 'test' })).rejects.toThrow('a loopback address');
      redirector.answer = { status: 307, headers: { location: `http://[::1]:${internal.port}/sheet.csv` } };
      await expect(fetchSheet(redirector.url(), { policy: onlyTheRedirector, userAgent: 'test' })).rejects.toThrow('a loopback address (::1)');
      expect(internal.requests).toEqual([]);
      // Nor can redirects go round for ever.
      redirector.answer = { status: 302, headers: { location: redirector.url('/again') } };
      await expect(fetchSheet(redirector.url(), { policy: onlyTheRedirector, userAgent: 'test' })).rejects.toThrow(
        'redirects more than 3 times',
      );
    } finally {
      await redirector.close();
    }
  });

  it('the default policy refuses every address family of the internal ranges', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
      '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', 'ff02::1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe::1']) {
      expect(PUBLIC_HTTPS_ONLY.refuse(ip), ip).toBeTypeOf('string');
    }
    for (const ip of ['8.8.8.8', '142.250.74.110', '2606:4700:4700::1111', '64:ff9b::808:808']) expect(PUBLIC_HTTPS_ONLY.refuse(ip), ip).toBeUndefined();
  });
});

describe('attack: driving another organizer\'s list, and sheets that are too big or never end (SYNC_ALLOW_PRIVATE=1)', () => {
  let t: TestApp;
  let sheet: Awaited<ReturnType<typeof startSheetServer>>;
  let owner: Awaited<ReturnType<typeof createOrganizer>>;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp({ SYNC_ALLOW_PRIVATE: '1' }, { worker: false });
    sheet = await startSheetServer({ csv: CSV });
    owner = await createOrganizer(t);
    ({ slug } = await createList(t, owner.token));
    const put = await t.app.inject({
      method: 'PUT', url: `/api/lists/${slug}/source`, headers: owner.auth, payload: { url: sheet.url(), every: 'daily', attestConsent: true },
    });
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(async () => {
    await sheet?.close();
    await t?.close();
  });

  const sourceRow = () => t.app.db.selectFrom('list_sources').selectAll().executeTakeFirstOrThrow();

  it('another organizer can neither read, repoint, preview nor sync the list\'s sheet: 403, and nothing changes', async () => {
    const other = await createOrganizer(t);
    const before = await sourceRow();
    const attempts = [
      { method: 'GET' as const, url: `/api/lists/${slug}/source` },
      { method: 'PUT' as const, url: `/api/lists/${slug}/source`, payload: { url: 'https://evil.example/list.csv', every: 'hourly', attestConsent: true } },
      { method: 'POST' as const, url: `/api/lists/${slug}/source/preview`, payload: { url: sheet.url() } },
      { method: 'POST' as const, url: `/api/lists/${slug}/sync` },
    ];
    for (const attempt of attempts) {
      const res = await t.app.inject({ ...attempt, headers: other.auth });
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      expect(res.json().message).toContain('belongs to another organizer');
    }
    const recruiter = await createRecruiter(t);
    const asRecruiter = await t.app.inject({ method: 'POST', url: `/api/lists/${slug}/sync`, headers: recruiter.auth });
    expect(asRecruiter.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/lists/${slug}/sync` });
    expect(anonymous.statusCode).toBe(401);
    expect(await sourceRow()).toEqual(before);
    expect(sheet.requests).toEqual([]);
    expect(await t.app.db.selectFrom('imports').select('id').execute()).toEqual([]);
  });

  it('an organizer cannot turn Sync now into a flood of someone\'s server: 20 fetches an hour per list, then 429', async () => {
    sheet.answer = { csv: CSV };
    const sync = () => t.app.inject({ method: 'POST', url: `/api/lists/${slug}/sync`, headers: owner.auth });
    // The first fetch imports the sheet; the next ones ask conditionally. 20 in all, previews included.
    for (let i = 0; i < 20; i++) expect((await sync()).statusCode).toBeLessThan(300);
    await t.app.sheetSync.idle();
    const requests = sheet.requests.length;
    const refused = await sync();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toContain('fetched 20 times in the last hour');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const preview = await t.app.inject({ method: 'POST', url: `/api/lists/${slug}/source/preview`, headers: owner.auth, payload: { url: sheet.url() } });
    expect(preview.statusCode).toBe(429);
    expect(sheet.requests.length).toBe(requests);
    await t.app.db.deleteFrom('limit_hits').execute();
    await t.app.db.deleteFrom('imports').execute();
  });

  it('a sheet past 50 MB is cut off while streaming: the sync fails, nothing is imported', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a,b\n');
    sheet.answer = (res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      let sent = 0;
      const more = () => {
        while (sent < 51) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    };
    const res = await t.app.inject({ method: 'POST', url: `/api/lists/${slug}/sync`, headers: owner.auth });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().message).toContain('larger than 50 MB');
    expect(await t.app.db.selectFrom('imports').select('id').execute()).toEqual([]);
    expect(await sourceRow()).toMatchObject({ failures: 1, paused: false });

    sheet.answer = { status: 200, body: '', headers: { 'content-type': 'text/csv', 'content-length': String(60 * 1024 * 1024) } };
    await expect(fetchSheet(sheet.url(), { policy: { allowHttp: true, refuse: () => undefined }, userAgent: 'test' })).rejects.toThrow('larger than 50 MB');
  });

  it('a sheet that trickles forever is abandoned at the time limit', async () => {
    sheet.answer = (res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('Name,Email\n');
    };
    await expect(
      fetchSheet(sheet.url(), { policy: { allowHttp: true, refuse: () => undefined }, userAgent: 'test', timeoutMs: 300 }),
    ).rejects.toThrow('took longer than');
  });
});
