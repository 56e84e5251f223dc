import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { publishedProfile } from '../helpers/opt-in.js';

const ATTACKER = '203.0.113.7';
const NEIGHBOUR = '198.51.100.20';
const BALANCER = '10.0.0.5';
/** A different made-up address in X-Forwarded-For on every request. */
const forged = (i: number) => `198.18.0.${i + 1}`;

/**
 * Per-client rate limits key on the client's address. An attacker who could choose that address
 * by sending X-Forwarded-For would never be limited: mail bombing a person through the manage
 * link, guessing passwords. The header is believed only from the proxies TRUST_PROXY names.
 */
describe('a forged X-Forwarded-For, attacking the rate limits', () => {
  describe('with TRUST_PROXY unset, the app facing the internet', () => {
    let t: TestApp;
    let victim: string;
    beforeAll(async () => {
      t = await createTestApp({ RATE_LIMIT: '2' }, { worker: false });
      victim = (await publishedProfile(t.app)).form.email;
    });
    afterAll(async () => t?.close());

    const manageLinksMailed = async () => {
      await t.app.optIn.mailSettled();
      const rows = await t.app.db.selectFrom('dev_mail').select('links').where('to_address', '=', victim).execute();
      return rows.filter((r) => r.links.some((link) => new URL(link).pathname === '/manage')).length;
    };

    it('an attacker asking manage links for one person with a new X-Forwarded-For each time is limited all the same', async () => {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const res = await t.app.inject({
          method: 'POST', url: '/api/profiles/manage-link', remoteAddress: ATTACKER,
          headers: { 'x-forwarded-for': forged(i) }, payload: { email: victim },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([202, 202, 429, 429, 429]);
      // The person's inbox got at most what the limit lets through.
      expect(await manageLinksMailed()).toBeLessThanOrEqual(2);
    });
  });

  describe('with TRUST_PROXY naming the load balancer', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ RATE_LIMIT: '2', TRUST_PROXY: `${BALANCER}/32` }, { worker: false });
    });
    afterAll(async () => t?.close());

    const ask = (remoteAddress: string, xForwardedFor: string) =>
      t.app.inject({
        method: 'POST', url: '/api/profiles/manage-link', remoteAddress,
        headers: { 'x-forwarded-for': xForwardedFor }, payload: { email: 'nobody@example.org' },
      });

    it('an attacker behind it who prepends made-up addresses is counted by the address the balancer saw', async () => {
      const statuses = [];
      // The balancer appends the address it saw to whatever the client sent.
      for (let i = 0; i < 4; i++) statuses.push((await ask(BALANCER, `${forged(i)}, ${ATTACKER}`)).statusCode);
      expect(statuses).toEqual([202, 202, 429, 429]);
      // Another person behind the same balancer is someone else, not limited by the attacker.
      expect((await ask(BALANCER, NEIGHBOUR)).statusCode).toBe(202);
      // Going around the balancer does not help: a header from anyone else is not believed.
      expect((await ask(ATTACKER, forged(9))).statusCode).toBe(429);
    });
  });

  describe('with TRUST_PROXY as a hop count', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ RATE_LIMIT: '2', TRUST_PROXY: '1' }, { worker: false });
    });
    afterAll(async () => t?.close());

    it('believes only the entry its one proxy added, not what the attacker wrote before it', async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.inject({
          method: 'POST', url: '/api/profiles/manage-link', remoteAddress: BALANCER,
          headers: { 'x-forwarded-for': `${forged(i)}, ${ATTACKER}` }, payload: { email: 'nobody@example.org' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([202, 202, 429, 429]);
    });
  });
});
