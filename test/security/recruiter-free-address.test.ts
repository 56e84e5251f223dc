import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signedUpRecruiter } from '../helpers/recruiter.js';

/**
 * A scraper wants the recruiter tier (every LinkedIn URL, deep paging) without being anyone: it
 * signs up with an address anyone gets for free in a minute but that is not on the free-mail
 * lists as such: a mail relay's alias, a free tenant's subdomain, a subdomain of a free or
 * throwaway domain. None of them proves an employer, so each waits for an admin.
 */
describe('a recruiter sign-up with a free address that looks like a company domain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it.each([
    'mozmail.com', // Firefox Relay
    'simplelogin.com',
    'passmail.net', // Proton Pass aliases
    'anonaddy.me',
    'scraper.anonaddy.me',
    'scraper.33mail.com',
    'scraper-inc.onmicrosoft.com', // a Microsoft 365 trial tenant
    'inbox.mailinator.com',
  ])('%s is in review, not verified', async (domain) => {
    expect((await signedUpRecruiter(t, domain)).state).toBe('in_review');
  });
});
