import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { captureLogs } from '../helpers/log-capture.js';
import { createIndexPrefix, createTestDatabase, type TestDatabase } from '../helpers/stores.js';

const EMAIL = 'ada.lovelace@example.org';
const TOKEN = 'tok_9f8e7d6c5b4a';
const IP = '198.51.100.23';

describe('request logs', () => {
  const logs = captureLogs('info');
  let t: TestDatabase;
  const index = createIndexPrefix();
  let app: App;

  beforeAll(async () => {
    t = await createTestDatabase();
    const { meiliUrl, meiliKey } = inject('stores');
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'info', RATE_LIMIT: '0' }),
      logger: logs.logger,
      databaseUrl: t.url,
      meiliUrl,
      meiliKey,
      indexPrefix: index.prefix,
      worker: false,
    });
    // A route that fails the way a bug would, to see what a 5xx leaves in the log.
    app.post('/test/boom', async () => {
      throw new Error('the database said no');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([t.drop(), index.drop()]);
  });

  it('are JSON lines with a request id, and hold no email, token or address', async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': IP, cookie: `session=${TOKEN}` };
    await app.inject({ method: 'GET', url: '/healthz', headers });
    await app.inject({ method: 'GET', url: `/verify?token=${TOKEN}&email=${encodeURIComponent(EMAIL)}`, headers });
    await app.inject({ method: 'GET', url: `/api/dev/mail?to=${encodeURIComponent(EMAIL)}`, headers });
    await app.inject({ method: 'GET', url: '/metrics', headers });
    await app.inject({ method: 'POST', url: '/api/profiles', headers, payload: { email: EMAIL, name: 'Ada' } });
    const boom = await app.inject({ method: 'POST', url: `/test/boom?token=${TOKEN}`, headers, payload: { email: EMAIL } });
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('the database said no');

    const lines = logs.text().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(encodeURIComponent(EMAIL));
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(IP);

    const completed = lines.filter((l) => l.msg === 'request completed');
    expect(completed.length).toBe(6);
    for (const line of completed) expect(line.reqId).toEqual(expect.any(String));
    // The 5xx is logged with its cause, under the id its reply told the user to report.
    const failed = lines.find((l) => l.msg === 'request failed') as { reqId: string; err: { message: string } };
    expect(failed.err.message).toBe('the database said no');
    expect(boom.json().message).toContain(`report request ${failed.reqId}`);
  });
});
