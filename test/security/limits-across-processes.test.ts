import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createPeerApp, createTestApp, type TestApp } from '../helpers/app.js';
import { mailTo, publishedProfile } from '../helpers/opt-in.js';
import { createOrganizer } from '../helpers/organizer.js';

/**
 * The attack: behind a load balancer, each request may land on another API process. An attacker
 * who spreads requests over them must not get each process's allowance: the per-target limits
 * live in Postgres, which every process shares.
 */
describe('an attacker whose requests land on two API processes', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await createTestApp({}, { worker: false });
    second = await createPeerApp(first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('gets 5 mails an hour to a victim in all (its confirmation and 4 manage links), not 5 per process', async () => {
    const { form } = await publishedProfile(first.app);
    for (let i = 0; i < 6; i++) {
      for (const t of [first, second]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: form.email } });
        expect(res.statusCode).toBe(202);
      }
    }
    await second.app.optIn.mailSettled();
    const mails = await mailTo(first.app, form.email);
    expect(mails.map((m) => m.subject)).toEqual([...Array(4).fill('Your link to manage your Lifeline profile'), 'Confirm your Lifeline profile']);
  });

  it('gets 4 password guesses from one address in all, not 4 per process', async () => {
    // The clock stands still, so the 1 s wait the fourth failure earns cannot pass during the test.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { user } = await createOrganizer(first, 'organizer', 'correct horse battery staple');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      for (const t of [first, second]) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: user.email, password: `guess ${statuses.length}` },
          remoteAddress: '203.0.113.66',
        });
        statuses.push(res.statusCode);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
  });
});
