import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter, signedUpRecruiter } from '../helpers/recruiter.js';

const MESSAGE = 'Hello, we are hiring platform engineers in Berlin and your profile fits what we need.';

/**
 * A recruiter suspended (by an admin, or by candidates' reports) owns their company domain: they
 * open a second mailbox on it and sign up again, hoping to be verified at once like any address on
 * a company domain, and to write to candidates again.
 */
describe('a suspended recruiter coming back with another address on the same domain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, [{ slug: 'target', name: 'Tara Target', skills: ['Go'], email: 'tara@example.org' }]);
  });
  afterAll(() => t.close());

  it('waits for an admin: the new account is in review, and cannot write to anyone', async () => {
    await createRecruiter(t, 'suspended', { email: 'spammer@spam-works.example' });
    const second = await signedUpRecruiter(t, 'spam-works.example');
    expect(second.state).toBe('in_review');
    const res = await t.app.inject({ method: 'POST', url: '/api/profiles/target/contact', headers: second.headers, payload: { message: MESSAGE } });
    expect(res.statusCode).toBe(403);
  });

  it('a domain with no suspended account still verifies its recruiters at once', async () => {
    expect((await signedUpRecruiter(t, 'honest-hiring.example')).state).toBe('verified');
  });
});
