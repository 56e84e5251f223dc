import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepLimits } from '../../../server/services/limits.js';
import { clientNetwork, SIGN_IN_FAILURES_KEPT_MS, signIn } from '../../../server/services/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/stores.js';

const start = new Date(Date.UTC(2026, 11, 1, 12, 0));
const after = (ms: number) => new Date(start.getTime() + ms);

describe('signIn failures', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  const attempt = (now: Date) => signIn(t.db, { email: 'someone@example.org', password: 'guess', ip: '203.0.113.1', now });

  it('are forgotten a day after the last one, before the sweep deletes them and after', async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await attempt(start));
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.problem))).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wait']);

    // A day later the count starts again from nothing, whether or not the rows were swept yet.
    const dayLater = after(SIGN_IN_FAILURES_KEPT_MS);
    for (let i = 0; i < 4; i++) expect(await attempt(dayLater)).toEqual({ ok: false, problem: 'wrong' });
    expect(await attempt(dayLater)).toMatchObject({ ok: false, problem: 'wait', retryAfterMs: 1000 });

    expect(await sweepLimits(t.db, after(2 * SIGN_IN_FAILURES_KEPT_MS))).toBe(2);
    expect(await t.db.selectFrom('sign_in_throttle').selectAll().execute()).toEqual([]);
  });
});

describe('clientNetwork', () => {
  it('is the IPv4 address, or the /64 of an IPv6 address however it is written', () => {
    expect(clientNetwork('203.0.113.1')).toBe('203.0.113.1');
    expect(clientNetwork('::ffff:203.0.113.1')).toBe('203.0.113.1');
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
  });
});
