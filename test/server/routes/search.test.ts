import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecruiter } from '../../helpers/recruiter.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { createAppWithMeiliDown } from '../../helpers/meili-down.js';
import { insertProfiles, type TestProfile } from '../../helpers/profiles.js';

const PROFILES: TestProfile[] = [
  {
    slug: 'k-old', name: 'Olga Older', role: 'Platform Engineer', skills: ['Kubernetes', 'Terraform'],
    country: 'US', region: 'California', city: 'Oakland', remote: 'remote', seniority: 'senior', years_experience: 9,
    employer: 'Facebook', lists: ['meta-2025'], layoff_date: '2025-06-01', email: 'olga@example.org',
    linkedin_url: 'https://www.linkedin.com/in/olga-older', work_authorization: 'authorized', relocation: true,
  },
  {
    slug: 'k-new', name: 'Nina Newer', role: 'Platform Engineer', skills: ['Kubernetes', 'Terraform'],
    country: 'DE', region: 'Berlin', city: 'Berlin', remote: 'hybrid', seniority: 'senior', years_experience: 9,
    employer: 'Google', layoff_date: '2026-09-15', email: 'nina@example.org', work_authorization: 'needs_sponsorship',
  },
  {
    slug: 'k-headline', name: 'Hank Headline', role: 'Backend Engineer', headline: 'Curious about Kubernetes', skills: ['Java'],
    country: 'US', region: 'New York', city: 'Brooklyn', remote: 'onsite', seniority: 'mid', years_experience: 4,
    employer: 'Meta Platforms, Inc.', lists: ['meta-2025'], layoff_date: '2026-11-01', email: 'hank@example.org',
  },
  {
    slug: 'ds-exact', name: 'Dana Scientist', role: 'Data Scientist', skills: ['Python', 'Machine Learning'],
    country: 'GB', region: 'England', city: 'London', seniority: 'staff', years_experience: 15,
    employer: 'Spotify', layoff_date: '2024-01-10', email: 'dana@example.org', show_email: true,
  },
  {
    slug: 'ds-headline', name: 'Sam Analyst', role: 'Analyst', headline: 'Data engineer who supports scientists',
    skills: ['Python', 'SQL'], country: 'GB', region: 'England', city: 'Manchester', seniority: 'junior', years_experience: 1,
    employer: 'Spotify', layoff_date: '2026-10-20', email: 'sam@example.org',
  },
  {
    slug: 'odd', name: 'Quinn Quote', role: 'Engineer', skills: ['C"\\weird', 'Java'], country: 'FR', employer: 'Spotify',
    layoff_date: '2026-05-05', email: 'quinn@example.org',
  },
  { slug: 'hidden-one', name: 'Hidden Person', role: 'Platform Engineer', skills: ['Kubernetes'], status: 'hidden', email: 'hid@example.org' },
];

/** As a verified recruiter, who sees every field and filter (what anyone else sees: tiers.test.ts). */
describe('search API', () => {
  let t: TestApp;
  let recruiter: Record<string, string>;
  const search = async (qs: string) => t.app.inject({ method: 'GET', url: `/api/search${qs}`, headers: recruiter });
  const slugs = async (qs: string) => {
    const res = await search(qs);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().hits as { slug: string }[]).map((h) => h.slug);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, PROFILES);
    recruiter = (await createRecruiter(t)).auth;
  });
  afterAll(() => t.close());

  it('answers every published profile with facets and labels, and never an email', async () => {
    const res = await search('');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 6, page: 1, hitsPerPage: 20, totalPages: 1 });
    expect(body.hits.map((h: { slug: string }) => h.slug)).not.toContain('hidden-one');
    expect(body.facets.skills).toMatchObject({ Kubernetes: 2, Java: 2, Python: 2, Terraform: 2 });
    expect(body.facets.employer).toEqual({ meta: 2, google: 1, spotify: 3 });
    expect(body.facets.country).toEqual({ US: 2, DE: 1, GB: 2, FR: 1 });
    expect(body.facets.list).toEqual({ 'meta-2025': 2 });
    expect(body.facets.seniority).toMatchObject({ senior: 2, mid: 1, staff: 1, junior: 1 });
    expect(body.facets.remote).toEqual({ remote: 1, hybrid: 1, onsite: 1 });
    expect(body.facets.region).toMatchObject({ England: 2, Berlin: 1 });
    expect(body.labels.employer).toEqual({ meta: 'Meta', google: 'Google', spotify: 'Spotify' });
    expect(body.labels.list).toEqual({ 'meta-2025': 'List meta-2025' });
    expect(body.labels.country).toMatchObject({ US: 'United States', GB: 'United Kingdom' });
    expect(res.body).not.toContain('@example.org');
    const hit = body.hits.find((h: { slug: string }) => h.slug === 'k-old');
    expect(hit).toEqual({
      slug: 'k-old', name: 'Olga Older', headline: null, role: 'Platform Engineer', seniority: 'senior',
      skills: ['Kubernetes', 'Terraform'], country: 'US', region: 'California', city: 'Oakland', remote: 'remote',
      relocation: true, workAuthorization: 'authorized', formerEmployer: { slug: 'meta', name: 'Meta' }, lists: ['meta-2025'],
      layoffDate: '2025-06-01', availableFrom: null, yearsExperience: 9, linkedinUrl: 'https://www.linkedin.com/in/olga-older',
      confirmedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
    });
  });

  it('ranks skill and title matches first, and the more recently laid off first at equal relevance', async () => {
    expect(await slugs('?q=kubernetes')).toEqual(['k-new', 'k-old', 'k-headline']);
    expect((await slugs('?q=data%20scientist'))[0]).toBe('ds-exact');
  });

  it('tolerates typos and knows skill synonyms', async () => {
    expect(await slugs('?q=kubernets')).toEqual(expect.arrayContaining(['k-new', 'k-old']));
    expect(await slugs('?q=k8s')).toEqual(expect.arrayContaining(['k-new', 'k-old']));
    expect(await slugs('?skills=k8s')).toEqual(['k-new', 'k-old']);
  });

  it('filters by every parameter', async () => {
    const sorted = async (qs: string) => (await slugs(qs)).sort();
    expect(await sorted('?skills=Kubernetes,Terraform')).toEqual(['k-new', 'k-old']);
    expect(await sorted('?skills=Kubernetes,Java')).toEqual([]);
    expect(await sorted('?anySkills=Terraform,SQL')).toEqual(['ds-headline', 'k-new', 'k-old']);
    expect(await sorted('?country=de,fr')).toEqual(['k-new', 'odd']);
    expect(await sorted('?region=England')).toEqual(['ds-exact', 'ds-headline']);
    expect(await sorted('?employer=meta')).toEqual(['k-headline', 'k-old']);
    expect(await sorted('?seniority=senior,staff')).toEqual(['ds-exact', 'k-new', 'k-old']);
    expect(await sorted('?remote=hybrid,onsite')).toEqual(['k-headline', 'k-new']);
    expect(await sorted('?list=meta-2025')).toEqual(['k-headline', 'k-old']);
    expect(await sorted('?layoffFrom=2026-09-15&layoffTo=2026-10-31')).toEqual(['ds-headline', 'k-new']);
    expect(await sorted('?layoffTo=2024-12-31')).toEqual(['ds-exact']);
    expect(await sorted('?yearsMin=9&yearsMax=9')).toEqual(['k-new', 'k-old']);
    expect(await sorted('?workAuthorization=needs_sponsorship')).toEqual(['k-new']);
    expect(await sorted('?relocation=true')).toEqual(['k-old']);
    expect(await sorted('?q=engineer&country=US')).toEqual(['k-headline', 'k-old']);
  });

  it('sorts by layoff date or by last update, and pages', async () => {
    expect(await slugs('?sort=layoff_desc')).toEqual(['k-headline', 'ds-headline', 'k-new', 'odd', 'k-old', 'ds-exact']);
    const updated = await slugs('?sort=updated_desc');
    expect(updated).toHaveLength(6);
    const page2 = await search('?sort=layoff_desc&hitsPerPage=2&page=2');
    expect(page2.json()).toMatchObject({ page: 2, hitsPerPage: 2, totalPages: 3, total: 6 });
    expect(page2.json().hits.map((h: { slug: string }) => h.slug)).toEqual(['k-new', 'odd']);
    const countsOnly = await search('?list=meta-2025&hitsPerPage=0');
    expect(countsOnly.json()).toMatchObject({ hits: [], total: 2 });
    expect(countsOnly.json().facets.skills).toEqual({ Kubernetes: 1, Terraform: 1, Java: 1 });
  });

  it('counts a facet without its own filter, so the other values stay pickable', async () => {
    const body = (await search('?country=US')).json();
    expect(body.total).toBe(2);
    expect(body.facets.country).toEqual({ US: 2, DE: 1, GB: 2, FR: 1 });
    expect(body.facets.employer).toEqual({ meta: 2 });
  });

  it('treats quotes, backslashes and filter syntax in values as plain text', async () => {
    expect(await slugs(`?skills=${encodeURIComponent('C"\\weird')}`)).toEqual(['odd']);
    expect(await slugs(`?skills=${encodeURIComponent('x" OR skills = "Java')}`)).toEqual([]);
    expect(await slugs(`?region=${encodeURIComponent('England" OR country = "US')}`)).toEqual([]);
    expect(await slugs(`?q=${encodeURIComponent('" OR 1=1 --')}`)).toEqual([]);
  });

  it.each([
    ['?sort=best', 'querystring.sort must be one of relevance, layoff_desc, updated_desc'],
    ['?layoffFrom=2026-13-01', 'querystring.layoffFrom must be a date like 2026-01-31'],
    ['?layoffTo=yesterday', 'querystring.layoffTo must be a date like 2026-01-31'],
    ['?layoffFrom=2026-05-01&layoffTo=2026-04-01', 'querystring.layoffFrom must be on or before layoffTo'],
    ['?page=0', 'querystring.page must be >= 1'],
    ['?page=99999999', 'querystring.page must be <= 10000'],
    ['?page=201&hitsPerPage=50', 'querystring.page: only the first 10,000 results can be paged through'],
    ['?hitsPerPage=51', 'querystring.hitsPerPage must be <= 50'],
    ['?hitsPerPage=ten', 'querystring.hitsPerPage must be integer'],
    ['?yearsMin=-1', 'querystring.yearsMin must be >= 0'],
    ['?yearsMin=10&yearsMax=2', 'querystring.yearsMin must be at most yearsMax'],
    ['?country=ZZ', 'querystring.country: "ZZ" is not an ISO country code like US or DE'],
    ['?employer=Not%20A%20Slug', 'querystring.employer: "Not A Slug" is not an employer slug'],
    ['?list=..%2F..', 'querystring.list: "../.." is not a list slug'],
    ['?seniority=god', 'querystring.seniority: "god" is not one of intern, junior'],
    ['?remote=mars', 'querystring.remote: "mars" is not one of remote, hybrid, onsite, flexible'],
    ['?workAuthorization=maybe', 'querystring.workAuthorization must be one of authorized, needs_sponsorship'],
    ['?relocation=perhaps', 'querystring.relocation must be boolean'],
    [`?skills=${Array.from({ length: 21 }, (_, i) => `s${i}`).join(',')}`, 'querystring.skills takes at most 20 values'],
    [`?anySkills=${'x'.repeat(61)}`, 'querystring.anySkills: "xxxx'],
    [`?q=${'a'.repeat(201)}`, 'querystring.q must NOT have more than 200 characters'],
    ['?q=%00', 'querystring.q must be one line without control characters'],
    ['?color=blue', 'querystring.color is not a known field'],
  ])('answers %s with a 400 that names the parameter', async (qs, message) => {
    const res = await search(qs);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain(message);
  });

  it('answers a 503 with a clear message, not a 500, when Meilisearch is down', async () => {
    const app = await createAppWithMeiliDown(t.databaseUrl);
    try {
      for (const url of ['/api/search?q=go', '/api/search/facets/skills?facetQuery=k', '/api/employers/meta']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(503);
        expect(res.json()).toEqual({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'Search is temporarily unavailable. Please try again in a minute.',
        });
      }
    } finally {
      await app.close();
    }
  });

  describe('GET /api/search/facets/:facet', () => {
    it('finds facet values by their start, with labels, within the other filters', async () => {
      const skills = await t.app.inject({ method: 'GET', url: '/api/search/facets/skills?facetQuery=kub' });
      expect(skills.json()).toEqual({ facet: 'skills', values: [{ value: 'Kubernetes', label: 'Kubernetes', count: 2 }] });
      const employers = await t.app.inject({ method: 'GET', url: '/api/search/facets/employer?facetQuery=goo&employer=meta' });
      expect(employers.json()).toEqual({ facet: 'employer', values: [{ value: 'google', label: 'Google', count: 1 }] });
      const narrowed = await t.app.inject({ method: 'GET', url: '/api/search/facets/skills?facetQuery=ja&country=FR' });
      expect(narrowed.json().values).toEqual([{ value: 'Java', label: 'Java', count: 1 }]);
    });

    it('refuses an unknown facet or a bad filter', async () => {
      const facet = await t.app.inject({ method: 'GET', url: '/api/search/facets/email?facetQuery=a' });
      expect(facet.statusCode).toBe(400);
      expect(facet.json().message).toContain('params.facet must be one of skills, employer');
      const filter = await t.app.inject({ method: 'GET', url: '/api/search/facets/skills?country=Atlantis' });
      expect(filter.statusCode).toBe(400);
    });
  });

  describe('GET /api/employers/:slug', () => {
    it("counts an employer's published talent by skill and by country", async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/employers/spotify' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        slug: 'spotify',
        name: 'Spotify',
        total: 3,
        hired: 0,
        skills: [
          { value: 'Python', label: 'Python', count: 2 },
          { value: 'C"\\weird', label: 'C"\\weird', count: 1 },
          { value: 'Java', label: 'Java', count: 1 },
          { value: 'Machine Learning', label: 'Machine Learning', count: 1 },
          { value: 'SQL', label: 'SQL', count: 1 },
        ],
        countries: [
          { value: 'GB', label: 'United Kingdom', count: 2 },
          { value: 'FR', label: 'France', count: 1 },
        ],
      });
    });

    it('answers 404 for an unknown employer', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/employers/nobody-inc' });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('No employer "nobody-inc" on Lifeline.');
    });
  });
});

describe('search relevance', () => {
  let t: TestApp;
  const slugs = async (qs: string) =>
    ((await t.app.inject({ method: 'GET', url: `/api/search${qs}` })).json().hits as { slug: string }[]).map((h) => h.slug);

  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, [
      { slug: 'go-dev', name: 'Gina Gopher', role: 'Backend Engineer', skills: ['Go', 'PostgreSQL'], layoff_date: '2025-01-01' },
      { slug: 'google-ads', name: 'Gus Ads', role: 'Google Ads Specialist', skills: ['Marketing'], employer: 'Google', layoff_date: '2026-11-01' },
      { slug: 'gofer', name: 'Goran Gofer', role: 'Office Manager', skills: ['Scheduling'], layoff_date: '2026-10-01' },
      { slug: 'go-new', name: 'Nia New', role: 'Backend Engineer', skills: ['Go', 'PostgreSQL'], layoff_date: '2026-06-01' },
      { slug: 'react-role', name: 'Rae Role', role: 'React Developer', skills: ['CSS'], layoff_date: '2024-01-01' },
      { slug: 'react-bio', name: 'Ben Bio', role: 'Engineer', headline: 'Loves building things', skills: ['Reactive programming'], layoff_date: '2026-11-01' },
    ]);
  });
  afterAll(() => t.close());

  it('puts an exact skill match before words that merely start with the query, recent layoffs first among equals', async () => {
    const hits = await slugs('?q=go');
    expect(hits.slice(0, 2)).toEqual(['go-new', 'go-dev']);
    expect(hits).toEqual(expect.arrayContaining(['google-ads']));
  });

  it('puts an exact title match before a prefix match in a skill', async () => {
    expect((await slugs('?q=react'))[0]).toBe('react-role');
  });

  it('orders the matches by layoff date when asked, whatever their relevance', async () => {
    const hits = await slugs('?q=go&sort=layoff_desc');
    expect(hits.slice(0, 2)).toEqual(['google-ads', 'gofer']);
    expect(hits.indexOf('go-new')).toBeLessThan(hits.indexOf('go-dev'));
  });
});
