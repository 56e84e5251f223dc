import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startEmbeddedMeilisearch, type RunningMeili } from '../../server/embedded/meilisearch.js';
import { createLogger } from '../../server/logger.js';
import { publishedProfile } from '../helpers/opt-in.js';
import { createIndexPrefix, createTestDatabase, type TestDatabase } from '../helpers/stores.js';
import { until } from '../helpers/until.js';

/**
 * Another user of the machine runs `ps aux`: every process's command line is readable by all in
 * /proc/<pid>/cmdline. The embedded Meilisearch's master key must not be there.
 */
describe('the embedded Meilisearch, seen by another user of the machine', () => {
  let dir: string;
  let meili: RunningMeili | undefined;
  // Starting with a dash, as 1 generated key in 64 does: no flag parser may take it for an option.
  const masterKey = `-2bGx_rT9yQmV4kLwP0sZc8uNfHjE6aD-${Date.now()}`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-meili-key-'));
    meili = await startEmbeddedMeilisearch({ dir, masterKey, logFile: path.join(dir, 'meilisearch.log') }, createLogger('silent'));
  }, 90_000);
  afterAll(async () => {
    await meili?.supervisor.stop();
    await rm(dir, { recursive: true, force: true });
  }, 30_000);

  it('reads its command line and finds no key, while the key is in force', async () => {
    const pid = Number(await readFile(path.join(dir, 'meilisearch.pid'), 'utf8'));
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    expect(cmdline.join(' ')).toContain('--db-path');
    expect(cmdline.join(' ')).not.toContain(masterKey);

    expect((await fetch(`${meili!.url}/keys`)).status).toBe(401);
    expect((await fetch(`${meili!.url}/keys`, { headers: { authorization: `Bearer ${masterKey}` } })).status).toBe(200);
  });
});

/** Meilisearch behind a proxy that notes the key each request carries, as an access log would. */
async function recordingProxy(target: string) {
  const seen: { path: string; key: string }[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ path: req.url!, key: String(req.headers.authorization).replace(/^Bearer /, '') });
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'accept-encoding', 'content-length', 'connection'].includes(name)),
    ) as Record<string, string>;
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Whoever reads the key the API sends with public searches (a proxy's access log between the API
 * and Meilisearch, a capture on the internal network) must get a key that can search and nothing
 * else: not delete the index, not write documents, not mint keys.
 */
describe('the key public searches carry, in the hands of whoever reads it off the wire', () => {
  const { meiliUrl, meiliKey: masterKey } = inject('stores');
  const index = createIndexPrefix();
  let database: TestDatabase;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await recordingProxy(meiliUrl);
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT: '0' }),
      logger: createLogger('silent'),
      databaseUrl: database.url,
      meiliUrl: proxy.url,
      meiliKey: masterKey,
      indexPrefix: index.prefix,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await Promise.all([database?.drop(), index.drop()]);
  });

  it('searches, then finds the key it read can do nothing but search', async () => {
    const { slug } = await publishedProfile(app);
    await until(async () => ((await app.inject({ method: 'GET', url: '/api/search?q=Lovelace' })).json().total > 0 ? true : undefined));
    const searchedFrom = proxy.seen.length;
    for (const url of ['/api/search?q=Lovelace&skills=Kubernetes', '/api/search/facets/skills?facetQuery=kub', '/api/employers/meta']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    // The search requests only: the sync worker talks to Meilisearch meanwhile, with the master key.
    const searchPaths = ['/multi-search', `/indexes/${app.profilesIndex}/facet-search`, `/indexes/${app.profilesIndex}/search`];
    const searches = proxy.seen.slice(searchedFrom).filter((s) => searchPaths.includes(s.path.split('?')[0]!));
    expect(new Set(searches.map((s) => s.path.split('?')[0]))).toEqual(new Set(searchPaths));
    const keys = new Set(searches.map((s) => s.key));
    expect(keys.size).toBe(1);
    const [leaked] = [...keys];
    expect(leaked).not.toBe(masterKey);

    const asAttacker = (method: string, route: string, body?: unknown) =>
      fetch(`${meiliUrl}${route}`, {
        method,
        headers: { authorization: `Bearer ${leaked}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const attempts = [
      await asAttacker('DELETE', `/indexes/${app.profilesIndex}`),
      await asAttacker('POST', `/indexes/${app.profilesIndex}/documents`, [{ id: 1, name: 'Defaced' }]),
      await asAttacker('GET', `/indexes/${app.profilesIndex}/documents`),
      await asAttacker('PATCH', `/indexes/${app.profilesIndex}/settings`, { searchableAttributes: ['name'] }),
      await asAttacker('POST', '/keys', { actions: ['*'], indexes: ['*'], expiresAt: null }),
      await asAttacker('GET', '/keys'),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);

    // The index is as it was: the profile still found, under its name.
    const after = await app.inject({ method: 'GET', url: '/api/search?q=Lovelace' });
    expect(after.json().hits.map((h: { slug: string }) => h.slug)).toContain(slug);
  });
});
