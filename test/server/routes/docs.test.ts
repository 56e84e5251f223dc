import diagnostics from 'node:diagnostics_channel';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { WEB_DIST } from '../../../server/web-build.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';

type Operation = { tags?: string[]; security?: Record<string, string[]>[]; responses: Record<string, unknown> };
type Document = {
  openapi: string;
  info: { title: string; version: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

const METRICS_TOKEN = 'metrics-token-that-must-stay-private';

/**
 * Every route the app registers, as Fastify announces it to APM tools on its diagnostics channel
 * when an instance is created: the app's own factory, nothing added for the test.
 */
async function appWithRoutes(env: Record<string, string> = {}): Promise<{ t: TestApp; routes: RouteOptions[] }> {
  const routes: RouteOptions[] = [];
  const channel = diagnostics.channel('fastify.initialization');
  const listen = (message: unknown) => {
    (message as { fastify: FastifyInstance }).fastify.addHook('onRoute', (route) => {
      routes.push(route);
    });
  };
  channel.subscribe(listen);
  try {
    return { t: await createTestApp(env, { worker: false }), routes };
  } finally {
    channel.unsubscribe(listen);
  }
}

const methodsOf = (route: RouteOptions) => ([] as string[]).concat(route.method);
/** "/api/lists/:slug/imports" → "/api/lists/{slug}/imports", as OpenAPI spells a path. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
/** Left out of the document on purpose: the web app's files, the docs themselves, Prometheus's scrape. */
const deliberatelyHidden = (url: string) =>
  url === '/metrics' || url === '/docs' || url.startsWith('/docs/') || url === '/' || existsSync(path.join(WEB_DIST, url));

describe('GET /docs/json', () => {
  let t: TestApp;
  let routes: RouteOptions[];
  let doc: Document;

  beforeAll(async () => {
    ({ t, routes } = await appWithRoutes({ METRICS_TOKEN }));
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => t?.close());

  it('is a valid OpenAPI 3.1 document titled and versioned from package.json', async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Lifeline API', version: packageJson.version });
  });

  it('describes every route the app serves, and nothing else, except those hidden on purpose', () => {
    const served = routes
      .filter((route) => route.schema?.hide !== true)
      .flatMap((route) => methodsOf(route).filter((m) => m !== 'HEAD').map((m) => `${m} ${openApiPath(route.url)}`));
    const documented = Object.entries(doc.paths).flatMap(([url, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${url}`));
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    expect(documented).toContain('POST /api/lists/{slug}/imports');
    expect(documented).toContain('GET /healthz');

    const hidden = routes.filter((route) => route.schema?.hide === true).map((route) => route.url);
    expect(hidden.filter((url) => !deliberatelyHidden(url))).toEqual([]);
    expect(hidden).toContain('/metrics');
  });

  it('gives every operation its resource tag, its declared error replies and its schemas', () => {
    const tags = doc.tags.map((tag) => tag.name);
    for (const [url, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.tags, `${method} ${url}`).toHaveLength(1);
        expect(tags, `${method} ${url}`).toContain(op.tags![0]);
      }
    }
    const contact = doc.paths['/api/profiles/{slug}/contact']!.post!;
    expect(contact.tags).toEqual(['profiles']);
    expect(Object.keys(contact.responses).sort()).toEqual(['202', '400', '401', '403', '404', '409', '429', '503']);
    expect(contact).toMatchObject({ requestBody: { content: { 'application/json': { schema: { required: ['message'] } } } } });
    expect(doc.paths['/api/search']!.get).toMatchObject({ parameters: expect.arrayContaining([expect.objectContaining({ in: 'query', name: 'skills' })]) });
  });

  it("says who may call each route, as its preHandler decides: organizer token or session (+ CSRF on writes), a candidate's token, or anyone", () => {
    const securityOf = (url: string, method: string) => doc.paths[url]![method]!.security;
    expect(securityOf('/api/lists', 'post')).toEqual([{ organizerToken: [] }, { organizerSession: [], csrfToken: [] }]);
    expect(securityOf('/api/imports/{id}', 'get')).toEqual([{ organizerToken: [] }, { organizerSession: [] }]);
    expect(securityOf('/api/me/profile', 'patch')).toEqual([{ candidateSession: [] }, { manageLink: [] }]);
    expect(securityOf('/api/me/session', 'post')).toEqual([{ manageLink: [] }]);
    expect(securityOf('/api/profiles/{slug}/contact', 'post')).toEqual([{ recruiterToken: [] }, { recruiterSession: [], csrfToken: [] }]);
    expect(securityOf('/api/admin/recruiters', 'get')).toEqual([{ adminToken: [] }, { adminSession: [] }]);
    expect(securityOf('/api/search', 'get')).toBeUndefined();
    expect(securityOf('/api/shortlists/{id}/profiles', 'post')).toEqual([{ recruiterToken: [] }, { recruiterSession: [], csrfToken: [] }]);
    expect(securityOf('/api/saved-searches', 'get')).toEqual([{ recruiterToken: [] }, { recruiterSession: [] }]);
    expect(securityOf('/api/saved-searches/unsubscribe', 'post')).toBeUndefined();
    expect(securityOf('/api/profiles', 'post')).toBeUndefined();

    for (const route of routes.filter((r) => r.schema?.hide !== true)) {
      for (const method of methodsOf(route).filter((m) => m !== 'HEAD')) {
        const guarded = route.preHandler !== undefined;
        expect(securityOf(openApiPath(route.url), method.toLowerCase()) !== undefined, `${method} ${route.url}`).toBe(guarded);
      }
    }
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'adminSession', 'adminToken', 'candidateSession', 'csrfToken', 'manageLink', 'organizerSession', 'organizerToken', 'recruiterSession', 'recruiterToken',
    ]);
  });

  it('holds no secret of the deployment and no operational endpoint', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain(METRICS_TOKEN);
    expect(text).not.toContain(inject('stores').meiliKey);
    expect(doc.paths['/metrics']).toBeUndefined();
  });

  it('shows the dev mailbox only to the clients it answers: this machine, unproxied', async () => {
    expect(doc.paths['/api/dev/mail']?.get?.tags).toEqual(['dev-mail']);
    const proxied = await t.app.inject({ method: 'GET', url: '/docs/json', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.json().paths['/api/dev/mail']).toBeUndefined();
    expect(proxied.json().tags.map((tag: { name: string }) => tag.name)).not.toContain('dev-mail');
    expect(Object.keys(proxied.json().paths).length).toBe(Object.keys(doc.paths).length - 1);
  });

  it('serves the browsable docs at /docs under the app CSP: scripts from /docs/static, none inline', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).not.toMatch(/<script>|<script [^>]*>[^<\s]/);
    const bundle = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
  });
});

describe('GET /docs/json without the dev mailbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await appWithRoutes({ DEV_MAILBOX: '0' }));
  });
  afterAll(() => t?.close());

  it('has neither the route nor its section', async () => {
    const doc: Document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.paths['/api/dev/mail']).toBeUndefined();
    expect(doc.tags.map((tag) => tag.name)).not.toContain('dev-mail');
  });
});
