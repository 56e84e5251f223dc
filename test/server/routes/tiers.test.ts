import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecruiterState } from '../../../db/schema.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { joinForm, publishedProfile, sessionFor } from '../../helpers/opt-in.js';
import { insertProfiles, outboxDrained } from '../../helpers/profiles.js';
import { createRecruiter } from '../../helpers/recruiter.js';
import { talentCrowd } from '../../helpers/talent.js';

const WITHHELD = ['linkedinUrl', 'workAuthorization', 'yearsExperience'];

/** A recruiters-only profile: on the Meta list, a Kubernetes platform engineer like many. */
const QUIET = {
  slug: 'quiet-quinn-1',
  name: 'Quinn Quietly',
  role: 'Platform Engineer',
  headline: 'Kubernetes platforms',
  skills: ['Kubernetes', 'Go'],
  country: 'US',
  employer: 'Meta',
  lists: ['meta-layoffs-2026'],
  linkedin_url: 'https://www.linkedin.com/in/quiet-quinn',
  years_experience: 11,
  work_authorization: 'needs_sponsorship' as const,
  email: 'quinn@example.org',
  show_email: true,
  visibility: 'recruiters' as const,
};

describe('trust tiers: what each kind of visitor gets', () => {
  let t: TestApp;
  const crowd = talentCrowd(30).map((p, i) => ({ ...p, show_email: i === 0 }));
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const headersOf: Record<string, Record<string, string>> = { anonymous: {} };
  const metaCount = crowd.filter((p) => p.employer === 'Meta').length;

  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, [...crowd, QUIET]);
    for (const state of ['unverified', 'in_review', 'suspended', 'verified'] as RecruiterState[]) {
      headersOf[state] = (await createRecruiter(t, state)).auth;
    }
  });
  afterAll(() => t.close());

  describe.each(['anonymous', 'unverified', 'in_review', 'suspended'])('as %s: the anonymous tier', (who) => {
    const headers = () => headersOf[who]!;

    it('searches public cards only: no recruiters-only profile, no withheld field, counts without them', async () => {
      const res = await get('/api/search?hitsPerPage=50', headers());
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(crowd.length);
      expect(body.hits.map((h: { slug: string }) => h.slug)).not.toContain(QUIET.slug);
      for (const hit of body.hits) for (const field of WITHHELD) expect(hit).not.toHaveProperty(field);
      expect(body.facets.employer.meta).toBe(metaCount);
      expect((await get(`/api/search?q=${encodeURIComponent(QUIET.name)}`, headers())).json().hits).toEqual([]);
    });

    it('reads a public profile without withheld fields or an email, and a recruiters-only one as not there at all', async () => {
      const open = await get(`/api/profiles/${crowd[0]!.slug}`, headers());
      expect(open.statusCode).toBe(200);
      for (const field of [...WITHHELD, 'email']) expect(open.json()).not.toHaveProperty(field);
      const quiet = await get(`/api/profiles/${QUIET.slug}`, headers());
      const unknown = await get('/api/profiles/nobody-at-all', headers());
      expect(quiet.statusCode).toBe(404);
      expect(quiet.json().message).toBe(unknown.json().message.replace('nobody-at-all', QUIET.slug));
    });

    it('counts lists, employers and facet values without recruiters-only profiles', async () => {
      expect((await get('/api/lists/meta-layoffs-2026', headers())).json().profiles).toBe(metaCount);
      expect((await get('/api/employers/meta', headers())).json().total).toBe(metaCount);
      const values = (await get('/api/search/facets/employer?facetQuery=met', headers())).json().values;
      expect(values).toEqual([expect.objectContaining({ value: 'meta', count: metaCount })]);
    });

    it('may not filter by what it may not read', async () => {
      for (const query of ['workAuthorization=authorized', 'yearsMin=10', 'yearsMax=3']) {
        const res = await get(`/api/search?${query}`, headers());
        expect(res.statusCode, query).toBe(403);
        expect(res.json().message).toMatch(/is for verified recruiters; sign in as a verified recruiter/);
      }
    });
  });

  describe('as a verified recruiter', () => {
    const headers = () => headersOf.verified!;

    it('searches every published profile with every public field', async () => {
      const body = (await get('/api/search?hitsPerPage=50', headers())).json();
      expect(body.total).toBe(crowd.length + 1);
      const quiet = body.hits.find((h: { slug: string }) => h.slug === QUIET.slug);
      expect(quiet).toMatchObject({ linkedinUrl: QUIET.linkedin_url, yearsExperience: 11, workAuthorization: 'needs_sponsorship' });
      expect(body.facets.employer.meta).toBe(metaCount + 1);
      expect((await get('/api/search?workAuthorization=needs_sponsorship&yearsMin=11&yearsMax=11&employer=meta', headers())).json().hits.map((h: { slug: string }) => h.slug)).toContain(QUIET.slug);
    });

    it('reads a recruiters-only profile, with the email its owner shows', async () => {
      const res = await get(`/api/profiles/${QUIET.slug}`, headers());
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ linkedinUrl: QUIET.linkedin_url, email: 'quinn@example.org', yearsExperience: 11 });
      expect((await get('/api/lists/meta-layoffs-2026', headers())).json().profiles).toBe(metaCount + 1);
      expect((await get('/api/employers/meta', headers())).json().total).toBe(metaCount + 1);
    });
  });

  it('keeps suggestion counts to public profiles: they feed public forms', async () => {
    const { employers } = (await get('/api/employers?q=meta')).json();
    expect(employers.find((e: { slug: string }) => e.slug === 'meta').count).toBe(metaCount);
  });
});

describe('trust tiers: paging depth', () => {
  let t: TestApp;
  let recruiter: Record<string, string>;
  const search = (query: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/search?${query}`, headers });

  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, talentCrowd(120));
    recruiter = (await createRecruiter(t)).auth;
  });
  afterAll(() => t.close());

  it('shows anonymous visitors the first 100 results: the page across the line is cut there, the next refused with what to do', async () => {
    const page2 = (await search('hitsPerPage=50&page=2')).json();
    expect(page2.hits).toHaveLength(50);
    expect(page2.total).toBe(120);
    expect(page2.totalPages).toBe(2);
    const straddling = (await search('hitsPerPage=30&page=4')).json();
    expect(straddling.hits).toHaveLength(10);
    const beyond = await search('hitsPerPage=50&page=3');
    expect(beyond.statusCode).toBe(403);
    expect(beyond.json().message).toBe(
      'querystring.page: without signing in, only the first 100 results can be seen (page 3 of 50 starts at result 101); narrow the search with filters, or sign in as a verified recruiter (create an account at /recruiters/join) to page further',
    );
  });

  it('lets verified recruiters page through everything', async () => {
    const page3 = await search('hitsPerPage=50&page=3', recruiter);
    expect(page3.statusCode).toBe(200);
    expect(page3.json()).toMatchObject({ totalPages: 3, total: 120 });
    expect(page3.json().hits).toHaveLength(20);
  });
});

describe('trust tiers: read rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT: '3' }, { worker: false });
  });
  afterAll(() => t.close());

  it('holds anonymous clients to RATE_LIMIT reads a minute, verified recruiters to ten times that', async () => {
    const { auth } = await createRecruiter(t);
    const read = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers, remoteAddress: '198.51.100.7' });
    const anonymous = [];
    for (let i = 0; i < 4; i++) anonymous.push((await read('/api/profiles/nobody')).statusCode);
    expect(anonymous).toEqual([404, 404, 404, 429]);
    const recruiter = [];
    for (let i = 0; i < 8; i++) recruiter.push((await read('/api/profiles/nobody', auth)).statusCode);
    expect(recruiter.filter((s) => s === 429)).toEqual([]);
  });

  it('holds a scraper walking the layoff lists to the same RATE_LIMIT reads a minute', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: '/api/lists/nobody', remoteAddress: '198.51.100.8' })).statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    // Each route counts on its own.
    const lists = [];
    for (let i = 0; i < 4; i++) lists.push(await t.app.inject({ method: 'GET', url: '/api/lists', remoteAddress: '198.51.100.8' }));
    expect(lists.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(lists[3]!.json().message).toContain('Too many requests');
  });

  it('holds a client probing lists\' sheet sources to the same limit, counted before it is even signed in', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: '/api/lists/nobody/source', remoteAddress: '198.51.100.9' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('trust tiers: the candidate chooses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('joins as recruiters-only, and opens up later on the manage page', async () => {
    const { auth } = await createRecruiter(t);
    const { slug, form } = await publishedProfile(t.app, { visibility: 'recruiters' });
    await outboxDrained(t.app.db);
    const read = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/profiles/${slug}`, headers });
    const found = async (headers: Record<string, string> = {}) =>
      (await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(form.name)}`, headers })).json().hits.map((h: { slug: string }) => h.slug);
    expect((await read()).statusCode).toBe(404);
    expect((await read(auth)).statusCode).toBe(200);
    expect(await found()).not.toContain(slug);
    expect(await found(auth)).toContain(slug);

    const session = await sessionFor(t.app, form.email);
    const own = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { authorization: `Bearer ${session}` } });
    expect(own.json().visibility).toBe('recruiters');
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: { authorization: `Bearer ${session}` }, payload: { visibility: 'public' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().visibility).toBe('public');
    await outboxDrained(t.app.db);
    expect((await read()).statusCode).toBe(200);
    expect(await found()).toContain(slug);
  });

  it('refuses a visibility that is not one of the two', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/profiles', payload: joinForm({ visibility: 'friends' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('body.visibility must be one of public, recruiters');
  });
});
