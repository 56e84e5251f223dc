import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAILS_PER_ADDRESS } from '../../server/services/limits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { captureLogs } from '../helpers/log-capture.js';
import { joinForm, mailTo, publishedProfile } from '../helpers/opt-in.js';

/**
 * The attack: someone who knows (or guesses) a person's address asks for manage links for it
 * over and over, from as many IP addresses as they like, to bury the person's mailbox (or to get
 * Lifeline's mail marked as spam). Per-client limits cannot stop that; a limit per address can.
 */
describe('an attacker flooding a victim with manage links', () => {
  let t: TestApp;
  const { logger, lines: log } = captureLogs();

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false, logger });
  });
  afterAll(() => t?.close());
  afterEach(() => vi.useRealTimers());

  /** 50 requests for `email`, each from another IP address, as a botnet would send them. */
  const flood = (email: string) =>
    Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email }, remoteAddress: `198.51.100.${i + 1}` }),
      ),
    );

  it('gets the same 202 for each of 50 requests, and the victim receives 5 mails in the hour, not 50', async () => {
    const { form } = await publishedProfile(t.app);
    const before = await mailTo(t.app, form.email);

    const answers = await flood(form.email);

    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`))).toEqual(new Set([`202 ${answers[0]!.body}`]));
    expect(MAILS_PER_ADDRESS.max).toBe(5);
    // One limit for every mail anyone can cause to the address: its confirmation took one.
    const mails = await mailTo(t.app, form.email);
    expect(before).toHaveLength(1);
    expect(mails).toHaveLength(5);
    expect(mails.slice(0, 4).map((m) => m.subject)).toEqual(Array(4).fill('Your link to manage your Lifeline profile'));
    // The refusals are logged, without the address.
    expect(log.join('')).toContain('past its hourly mail limit');
    expect(log.join('')).not.toContain(form.email);
  });

  it('learns nothing from the limit: an unlisted address answers exactly as a listed one', async () => {
    const { form } = await publishedProfile(t.app);
    const stranger = joinForm().email;

    const listed = await flood(form.email);
    const unlisted = await flood(stranger);

    expect(unlisted.map((a) => [a.statusCode, a.body])).toEqual(listed.map((a) => [a.statusCode, a.body]));
    // Both were limited alike: the listed address got its confirmation and 4 links, the other nothing.
    expect(await mailTo(t.app, form.email)).toHaveLength(5);
    expect(await mailTo(t.app, stranger)).toEqual([]);
  });

  it('cannot get around the limit by changing the case of the address', async () => {
    const { form } = await publishedProfile(t.app);
    const before = (await mailTo(t.app, form.email)).length;
    const [local, domain] = form.email.split('@') as [string, string];
    for (const spelling of [form.email, form.email.toUpperCase(), `${local.toUpperCase()}@${domain}`]) {
      for (let i = 0; i < 4; i++) await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: spelling } });
    }
    expect(await mailTo(t.app, form.email)).toHaveLength(before + 4);
  });

  it('does not keep the owner from a link for long: an hour after the flood, a request is mailed again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { form } = await publishedProfile(t.app);
    await flood(form.email);
    const afterFlood = (await mailTo(t.app, form.email)).length;

    vi.setSystemTime(Date.now() + 59 * 60_000);
    await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: form.email } });
    expect(await mailTo(t.app, form.email)).toHaveLength(afterFlood);

    vi.setSystemTime(Date.now() + 60_000);
    await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: form.email } });
    expect(await mailTo(t.app, form.email)).toHaveLength(afterFlood + 1);
  });

  it('keeps no address in the limits table', async () => {
    const { form } = await publishedProfile(t.app);
    await flood(form.email);
    const rows = await t.app.db.selectFrom('limit_hits').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/@|example\.org/);
  });
});
