import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter, signedUpRecruiter } from '../helpers/recruiter.js';

/**
 * A CDN or proxy in front of Lifeline keeps what the origin lets it keep. A recruiter opens a
 * recruiters-only profile (with its LinkedIn URL); a stalker then asks for the same address
 * without signing in. Every reply that depends on who asks must say so (Vary), and a recruiter's
 * must be theirs only, or the shared cache hands it on.
 */
describe('a shared cache between tiers, on every route that answers by tier', () => {
  let t: TestApp;
  let recruiter: Awaited<ReturnType<typeof createRecruiter>>;
  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, [
      { slug: 'quiet-one', name: 'Quinn Quiet', skills: ['Rust'], visibility: 'recruiters', linkedin_url: 'https://www.linkedin.com/in/quinn-quiet' },
    ]);
    recruiter = await createRecruiter(t);
  });
  afterAll(() => t.close());

  const routes = ['/api/profiles/quiet-one', '/api/lists', '/api/search/facets/skills?facetQuery=ru', '/api/search?q=quinn'];

  it.each(routes)("%s: a recruiter's answer is private, and no answer is shared across credentials", async (url) => {
    const mine = await t.app.inject({ method: 'GET', url, headers: recruiter.auth });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toMatch(/private|no-store/);
    expect(mine.headers.vary).toMatch(/Authorization/i);
    expect(mine.headers.vary).toMatch(/Cookie/i);
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.headers.vary).toMatch(/Authorization/i);
    expect(anonymous.headers.vary).toMatch(/Cookie/i);
  });
});

describe('a shared cache in front of a signed-in recruiter’s workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it('is told to keep none of it: shortlists and saved searches (with their private notes) are the session’s only', async () => {
    const { headers } = await signedUpRecruiter(t);
    const created = await t.app.inject({ method: 'POST', url: '/api/shortlists', headers, payload: { name: 'Quiet candidates' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    for (const url of ['/api/shortlists', `/api/shortlists/${id}`, `/api/shortlists/${id}/export.csv`, '/api/saved-searches']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: headers.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });
});
