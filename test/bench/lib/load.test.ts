import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLoadGenerator, runLoad, type LoadGenerator, type LoadRequest } from '../../../bench/lib/load.js';

/** The search mix must reach each side exactly as captured: method, path, headers and body, byte for byte. */
describe('runLoad', () => {
  let server: Server;
  let origin: string;
  const seen = new Set<string>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.add(JSON.stringify([req.method, req.url, req.headers['x-key'] ?? null, body]));
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const mix: LoadRequest[] = [
    { method: 'GET', path: '/api/search?q=engineer&skills=C%2B%2B' },
    { method: 'POST', path: '/multi-search', headers: { 'x-key': 'Bearer k' }, body: '{"q":"Île \\"quoted\\" \\\\ 汉字","filter":["a = \\"b\\""]}' },
    { method: 'GET', path: '/api/search?country=DE&page=2' },
  ];
  const generators: LoadGenerator[] = defaultLoadGenerator() === 'wrk' ? ['wrk', 'autocannon'] : ['autocannon'];

  it.each(generators)('%s replays every request of the mix as it is, and counts them', async (generator) => {
    seen.clear();
    const load = await runLoad({ generator, origin, requests: mix, seconds: 1, connections: 2 });
    expect(load.requests).toBeGreaterThan(0);
    expect(load.p99).toBeGreaterThanOrEqual(load.p50);
    expect([...seen].sort()).toEqual(mix.map((r) => JSON.stringify([r.method, r.path, r.headers?.['x-key'] ?? null, r.body ?? ''])).sort());
  });

  it.each(generators)('%s fails the run when an answer is not 2xx', async (generator) => {
    await expect(runLoad({ generator, origin, requests: [{ method: 'GET', path: '/missing' }], seconds: 1, connections: 1 })).rejects.toThrow(/non-2xx/);
  });
});
