import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { freePort } from '../../../server/embedded/processes.js';
import { createLogger } from '../../../server/logger.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { createList, createOrganizer, importCsv } from '../../helpers/organizer.js';
import { createTestDatabase } from '../../helpers/stores.js';
import { outboxDrained, writeProfile } from '../../helpers/profiles.js';
import { until } from '../../helpers/until.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body;
  };

  it('exposes requests, the outbox, the sync worker, the stores and imports', async () => {
    // A real import through the API: 3 people and a row without a name.
    const { token } = await createOrganizer(t);
    const list = await createList(t, token);
    const status = await importCsv(t, token, list.slug, 'Name,Email\nAda,ada@example.org\nGrace,grace@example.org\nLinus,linus@example.org\n,nobody@example.org\n');
    expect(status.counts).toMatchObject({ created: 3, failed: 1 });
    await t.app.imports.idle();
    await writeProfile(t.app.db, { slug: 'metered', status: 'published', email: 'metered@example.org' });
    await outboxDrained(t.app.db);
    await t.app.inject({ method: 'GET', url: '/healthz' });
    for (let i = 0; i < 2; i++) await t.app.inject({ method: 'GET', url: '/api/search?q=metered' });
    const text = await scrape();
    expect(text).toMatch(/lifeline_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} 1/);
    expect(text).toMatch(/lifeline_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/healthz"/);
    expect(text).toMatch(/^lifeline_search_outbox_depth 0$/m);
    expect(text).toMatch(/^lifeline_search_outbox_oldest_age_seconds 0$/m);
    expect(text).toMatch(/^lifeline_store_up\{store="postgres"\} 1$/m);
    expect(text).toMatch(/^lifeline_store_up\{store="meilisearch"\} 1$/m);
    expect(text).toMatch(/^lifeline_search_sync_batches_total [1-9]/m);
    expect(text).toMatch(/^lifeline_search_sync_documents_total\{action="upserted"\} [1-9]/m);
    expect(text).toMatch(/^lifeline_search_sync_batch_duration_seconds_count [1-9]/m);
    expect(text).toMatch(/^lifeline_search_sync_failures_total 0$/m);
    expect(text).toMatch(/^lifeline_search_answers_total\{source="computed"\} 1$/m);
    expect(text).toMatch(/^lifeline_search_answers_total\{source="kept"\} 1$/m);
    expect(text).toMatch(/^lifeline_search_answers_kept_bytes [1-9]/m);
    expect(text).toMatch(/^lifeline_imports_total\{status="done",dry_run="false"\} 1$/m);
    expect(text).toMatch(/^lifeline_import_rows_total\{outcome="created"\} 3$/m);
    expect(text).toMatch(/^lifeline_import_rows_total\{outcome="failed"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('shows the outbox waiting, by depth and age', async () => {
    const stopped = await createTestApp({}, { worker: false });
    try {
      await writeProfile(stopped.app.db, { slug: 'waiting', status: 'published' });
      await stopped.app.db.updateTable('search_outbox').set({ enqueued_at: new Date(Date.now() - 90_000) }).execute();
      const res = await stopped.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.body).toMatch(/^lifeline_search_outbox_depth 1$/m);
      const age = Number(/^lifeline_search_outbox_oldest_age_seconds (\S+)$/m.exec(res.body)?.[1]);
      expect(age).toBeGreaterThanOrEqual(90);
    } finally {
      await stopped.close();
    }
  });

  it('shows Meilisearch down, the sync failing and writes waiting, while writes succeed', async () => {
    // A database of its own: the worker of this file's app would drain the row.
    const database = await createTestDatabase();
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT: '0' }),
      logger: createLogger('silent'),
      databaseUrl: database.url,
      meiliUrl: `http://127.0.0.1:${await freePort()}`,
      meiliKey: 'nobody-listens-here',
    });
    try {
      await app.ready();
      await writeProfile(app.db, { slug: 'while-down', status: 'published' });
      const text = await until(async () => {
        const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
        return /^lifeline_search_sync_failures_total [1-9]/m.test(body) ? body : undefined;
      });
      expect(text).toMatch(/^lifeline_store_up\{store="meilisearch"\} 0$/m);
      expect(text).toMatch(/^lifeline_store_up\{store="postgres"\} 1$/m);
      expect(text).toMatch(/^lifeline_search_outbox_depth [1-9]/m);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ meilisearch: 'down' });
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('labels requests by route pattern, never with an email or a token from the URL', async () => {
    await t.app.inject({ method: 'GET', url: '/api/nothing/ada%40example.org?token=s3cr3t-t0k3n&email=ada@example.org' });
    await t.app.inject({ method: 'GET', url: '/verify?token=an0ther-s3cr3t' });
    const text = await scrape();
    expect(text).toMatch(/route="unmatched",status_code="404"/);
    expect(text).not.toMatch(/example\.org|ada%40|s3cr3t|an0ther/);
    expect(text).not.toContain('@');
  });

  it('answers only local, unproxied clients when METRICS_TOKEN is not set', async () => {
    const proxied = await t.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(proxied.statusCode).toBe(403);
    expect(proxied.json().message).toContain('METRICS_TOKEN');
    const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
  });

  it('wants the bearer token when METRICS_TOKEN is set, from anywhere', async () => {
    const guarded = await createTestApp({ METRICS_TOKEN: TOKEN }, { worker: false });
    try {
      const none = await guarded.app.inject({ method: 'GET', url: '/metrics' });
      expect(none.statusCode).toBe(401);
      expect(none.json().message).toContain('Authorization: Bearer');
      const wrong = await guarded.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '198.51.100.7' },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).not.toContain(TOKEN);
    } finally {
      await guarded.close();
    }
  });
});
