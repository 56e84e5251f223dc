import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCHABLE_FACETS } from '../../common/search.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter } from '../helpers/recruiter.js';
import { talentCrowd } from '../helpers/talent.js';

/** Someone who wants to be found by recruiters only: a stalker must not find them. */
const QUIET = {
  slug: 'quinn-quietly-7f3a2c',
  name: 'Quinn Quietly',
  role: 'Platform Engineer',
  headline: 'Kubernetes platforms',
  skills: ['Kubernetes', 'Go'],
  country: 'US',
  city: 'Seattle',
  employer: 'Quietcorp',
  lists: ['quietcorp-layoffs'],
  linkedin_url: 'https://www.linkedin.com/in/quinn-quietly',
  email: 'quinn@example.org',
  show_email: true,
  visibility: 'recruiters' as const,
};

/**
 * What the anonymous tier never receives, as it would appear in a JSON answer. (Quietcorp's list
 * and employer pages are public: that the company laid people off is no one's secret; who it
 * laid off and is listed for recruiters only is.)
 */
const WITHHELD = ['"linkedinUrl"', '"workAuthorization"', '"yearsExperience"', 'linkedin.com', '@example.org', QUIET.name, QUIET.slug, 'Quinn'];

/** A value for each path parameter of a public route: a new parameter fails the walk until it has one. */
const PARAMS: Record<string, string[]> = {
  slug: ['QUIET', 'PUBLIC', 'quietcorp-layoffs', 'quietcorp', 'meta'],
  facet: [...SEARCHABLE_FACETS],
};

/** Queries that make a route show what it holds: suggestions and facet values answer what was typed. */
const QUERIES: Record<string, string[]> = {
  '/api/employers': ['q=quiet', 'q=q'],
  '/api/skills': ['q=kube'],
  '/api/search': ['', 'q=quinn', 'q=quietly&employer=quietcorp', 'list=quietcorp-layoffs&hitsPerPage=50'],
  '/api/search/facets/{facet}': ['facetQuery=qui', 'facetQuery='],
};

interface OpenApi {
  paths: Record<string, Record<string, { security?: unknown; tags?: string[] }>>;
}

describe('an anonymous visitor walking every public route', () => {
  let t: TestApp;
  const crowd = talentCrowd(12).map((p, i) => ({ ...p, show_email: i % 2 === 0 }));

  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, [...crowd, QUIET]);
  });
  afterAll(() => t.close());

  it('gets nothing the anonymous tier withholds from any GET route that anyone may call', async () => {
    const doc: OpenApi = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const walked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      // Signed-in routes answer 401 to this visitor; the dev mailbox is a laptop's, off in production (test/security/dev-mailbox.test.ts).
      if (!op || op.security || op.tags?.includes('dev-mail')) continue;
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const name of names) expect(PARAMS, `${path}: give the walk a value for {${name}}`).toHaveProperty(name);
      let urls = [path];
      for (const name of names) {
        urls = urls.flatMap((url) =>
          PARAMS[name]!.map((value) => url.replace(`{${name}}`, value === 'QUIET' ? QUIET.slug : value === 'PUBLIC' ? crowd[0]!.slug : value)),
        );
      }
      for (const url of urls) {
        for (const query of QUERIES[path] ?? ['']) {
          const target = query ? `${url}?${query}` : url;
          const res = await t.app.inject({ method: 'GET', url: target });
          expect(res.statusCode, `${target}: ${res.body}`).toBeLessThan(500);
          // Asked for by its address, the profile is not there: the 404 only repeats what was asked.
          const asked = target.includes(QUIET.slug);
          if (asked) expect(res.statusCode).toBe(404);
          const body = asked ? res.body.replaceAll(QUIET.slug, '') : res.body;
          for (const secret of WITHHELD) expect(body, `GET ${target}`).not.toContain(secret);
          walked.push(target);
        }
      }
    }
    // Nor is Quinn counted anywhere.
    expect((await t.app.inject({ method: 'GET', url: '/api/lists/quietcorp-layoffs' })).json().profiles).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/employers/quietcorp' })).json().total).toBe(0);
    const { employers } = (await t.app.inject({ method: 'GET', url: '/api/employers?q=quiet' })).json();
    expect(employers).toEqual([]);
    // The walk reached the routes that show people.
    for (const route of ['/api/search', '/api/profiles/', '/api/lists', '/api/employers/', '/api/employers?', '/api/skills', '/api/search/facets/']) {
      expect(walked.some((url) => url.startsWith(route)), route).toBe(true);
    }
  });

  it('a stalker who knows the address of a recruiters-only profile gets the 404 of a profile that does not exist', async () => {
    const quiet = await t.app.inject({ method: 'GET', url: `/api/profiles/${QUIET.slug}` });
    expect(quiet.statusCode).toBe(404);
    expect(quiet.json().message).toBe(`No public profile "${QUIET.slug}": it may have been hidden or removed by its owner.`);
    // …with an account that is not verified, too.
    const { auth } = await createRecruiter(t, 'in_review');
    expect((await t.app.inject({ method: 'GET', url: `/api/profiles/${QUIET.slug}`, headers: auth })).statusCode).toBe(404);
  });
});

describe('a scraper paging past the first 100 results', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, talentCrowd(130));
  });
  afterAll(() => t.close());

  it('is refused at result 101, however it cuts the pages, signed out or with an unverified account', async () => {
    const { auth } = await createRecruiter(t, 'unverified');
    const seen = new Set<string>();
    for (const headers of [{}, auth]) {
      for (const hitsPerPage of [50, 20, 7, 1]) {
        for (let page = 1; ; page++) {
          const res = await t.app.inject({ method: 'GET', url: `/api/search?hitsPerPage=${hitsPerPage}&page=${page}`, headers });
          if (res.statusCode !== 200) {
            expect(res.statusCode).toBe(403);
            expect(res.json().message).toContain('only the first 100 results can be seen');
            expect((page - 1) * hitsPerPage).toBeGreaterThanOrEqual(100);
            break;
          }
          for (const hit of res.json().hits) seen.add(hit.slug);
        }
      }
    }
    expect(seen.size).toBe(100);
  });
});
