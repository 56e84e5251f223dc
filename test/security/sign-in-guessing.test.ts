import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganizer } from '../helpers/organizer.js';

const PASSWORD = 'correct horse battery staple';
const GUESSER = '203.0.113.66';
const OWNER = '198.51.100.7';

/**
 * The attack: someone guesses an organizer's password through POST /api/auth/sign-in, from one
 * address or spread over many. The guesses must get slow and then be refused at once, while the
 * owner can still sign in. Time moves with a fake clock (only `Date` is faked), never a sleep.
 */
describe('a password guesser against an organizer account', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  const account = async () => (await createOrganizer(t, 'organizer', PASSWORD)).user.email;
  const signIn = (email: string, password: string, from: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: from });
  const later = (ms: number) => vi.setSystemTime(Date.now() + ms);
  const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

  it('from one address gets 4 guesses, then waits 1 s, 2 s, 4 s … up to 15 minutes, each wait refused at once with 429', async () => {
    const email = await account();
    for (let i = 0; i < 4; i++) expect((await signIn(email, `guess ${i}`, GUESSER)).statusCode).toBe(401);

    const waits: number[] = [];
    for (let round = 0; round < 12; round++) {
      const refused = await signIn(email, 'another guess', GUESSER);
      expect(refused.statusCode).toBe(429);
      waits.push(retryAfter(refused));
      // Even the right password is not checked while the guesser waits: the answer tells nothing.
      later(retryAfter(refused) * 1000 - 1);
      expect((await signIn(email, PASSWORD, GUESSER)).statusCode).toBe(429);
      later(1);
      expect((await signIn(email, `guess after ${round}`, GUESSER)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    const refused = await signIn(email, 'another guess', GUESSER);
    expect(refused.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many failed sign-ins to this account: this one was not checked. Try again in 15 minutes.',
    });

    // The owner, elsewhere, is not locked out.
    const owner = await signIn(email, PASSWORD, OWNER);
    expect(owner.statusCode).toBe(200);
    expect(owner.json().email).toBe(email);
  });

  it('gets no more checks by sending 20 guesses at once', async () => {
    const email = await account();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(email, `guess ${i}`, GUESSER)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(16).fill(429)]);
  });

  it('spread over many addresses, slows the whole account for at most 2 minutes at a time, and never the owner\'s known client', async () => {
    const email = await account();
    expect((await signIn(email, PASSWORD, OWNER)).statusCode).toBe(200);
    let botnet = 0;
    const fromBotnet = (password: string) => signIn(email, password, `10.66.0.${++botnet}`);

    for (let i = 0; i < 21; i++) expect((await fromBotnet(`guess ${i}`)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 9; round++) {
      const refused = await fromBotnet('another guess');
      expect(refused.statusCode).toBe(429);
      waits.push(retryAfter(refused));
      later(retryAfter(refused) * 1000);
      expect((await fromBotnet(`guess after ${round}`)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 120, 120]);

    // The account is waiting for 2 minutes now, for everyone but the owner's usual client.
    const newDevice = await signIn(email, PASSWORD, '192.0.2.200');
    expect(newDevice.statusCode).toBe(429);
    expect(newDevice.json().message).toContain('Try again in 2 minutes');
    expect((await signIn(email, PASSWORD, OWNER)).statusCode).toBe(200);
  });

  it('from IPv6 gets no fresh start by moving to another address of the same /64', async () => {
    const email = await account();
    const statuses = [];
    for (let i = 1; i <= 6; i++) statuses.push((await signIn(email, `guess ${i}`, `2001:db8:66:1::${i.toString(16)}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('cannot tell a real account from an unknown one by how it is slowed', async () => {
    const real = await account();
    const unknown = `nobody-${Date.now()}@example.org`;
    const answers = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await signIn(email, `guess ${i}`, GUESSER);
        seen.push(`${res.statusCode} ${res.headers['retry-after'] ?? '-'} ${res.json().message}`);
      }
      return seen;
    };
    const forReal = await answers(real);
    expect(forReal.map((a) => a.slice(0, 3))).toEqual(['401', '401', '401', '401', '429', '429']);
    expect(await answers(unknown)).toEqual(forReal);
  });

  it('lets the owner who mistyped a few times start afresh once signed in', async () => {
    const email = await account();
    for (let i = 0; i < 3; i++) expect((await signIn(email, `typo ${i}`, OWNER)).statusCode).toBe(401);
    expect((await signIn(email, PASSWORD, OWNER)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(email, `typo again ${i}`, OWNER)).statusCode).toBe(401);
    expect((await signIn(email, PASSWORD, OWNER)).statusCode).toBe(429);
  });

  it('keeps no email and no IP address in the throttle table', async () => {
    const email = await account();
    await signIn(email, 'guess', GUESSER);
    const rows = await t.app.db.selectFrom('sign_in_throttle').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('@');
    expect(stored).not.toContain(GUESSER);
  });
});
