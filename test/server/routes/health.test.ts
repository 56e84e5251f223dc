import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { freePort } from '../../../server/embedded/processes.js';
import { createLogger } from '../../../server/logger.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';

describe('GET /healthz', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers ok when both stores answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', postgres: 'ok', meilisearch: 'ok' });
  });

  it('answers 503 and names the store that is down', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = await buildApp({
      config,
      logger: createLogger('silent'),
      databaseUrl: t.databaseUrl,
      meiliUrl: `http://127.0.0.1:${await freePort()}`,
      meiliKey: 'nobody-listens-here',
      worker: false,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'degraded', postgres: 'ok', meilisearch: 'down' });
    } finally {
      await app.close();
    }
  });

  it('sets security headers with a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown API route with a JSON 404 that names it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'No route GET /api/nothing-here' });
  });

  it('serves the web app for client-side routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/join' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<ll-app>');
  });

  it('answers a 5xx with a generic message and the request id, never the cause', async () => {
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: createLogger('silent'),
      databaseUrl: t.databaseUrl,
      meiliUrl: inject('stores').meiliUrl,
      meiliKey: inject('stores').meiliKey,
      worker: false,
    });
    app.get('/api/boom', async () => {
      throw new Error('connection to ada@example.org failed at 10.0.0.7');
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/boom' });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.error).toBe('Internal Server Error');
      expect(body.message).toMatch(/^Something went wrong on our side\. .*report request req-\w+\.$/);
      expect(res.body).not.toContain('ada@example.org');
    } finally {
      await app.close();
    }
  });
});
