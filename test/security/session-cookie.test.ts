import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganizer } from '../helpers/organizer.js';

const PASSWORD = 'correct horse battery staple';

/** Signs in; the Set-Cookie header and the `name=value` pair a browser would send back. */
async function signIn(t: TestApp, email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const setCookie = String(res.headers['set-cookie']);
  return { setCookie, pair: setCookie.split(';')[0]! };
}

const signedInAs = async (t: TestApp, cookie: string) =>
  ((await t.app.inject({ method: 'GET', url: '/api/me/user', headers: { cookie } })).json() as { user: { email: string } | null }).user?.email;

/**
 * An organizer's session cookie on a Lifeline served over https. The attackers: someone on the
 * victim's network who makes the browser load any http:// URL of the site and reads what it
 * sends, and someone who controls a sibling subdomain (or an http page of the site) and plants
 * a cookie with their own session in the victim's browser, so the victim works in the
 * attacker's account (and imports their lists into it).
 */
describe('the session cookie on https', () => {
  let t: TestApp;
  let victim: string;
  let attacker: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://lifeline.example.org' }, { worker: false });
    victim = (await createOrganizer(t, 'organizer', PASSWORD)).user.email;
    attacker = (await createOrganizer(t, 'organizer', PASSWORD)).user.email;
  });
  afterAll(async () => t?.close());

  it('is __Host- prefixed, Secure, host-only and HttpOnly, so it never travels over http nor comes from a sibling domain', async () => {
    const { setCookie, pair } = await signIn(t, victim);
    expect(setCookie).toMatch(/^__Host-ll_session=[\w-]+; /);
    const attributes = setCookie.split('; ').slice(1);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']));
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(await signedInAs(t, pair)).toBe(victim);
  });

  it('an attacker who plants their own session under the plain name, from a sibling domain, does not sign the victim in', async () => {
    const { pair } = await signIn(t, attacker);
    const token = pair.split('=')[1]!;
    // What the victim's browser sends once evil.example.org set `ll_session=…; Domain=example.org`.
    expect(await signedInAs(t, `ll_session=${token}`)).toBeUndefined();
    // The victim's own session, sent beside the planted one, is the one that counts.
    const own = (await signIn(t, victim)).pair;
    expect(await signedInAs(t, `ll_session=${token}; ${own}`)).toBe(victim);
  });

  it('production will not serve it over plain http: an http PUBLIC_URL stops the start', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.internal:25', PUBLIC_URL: 'http://lifeline.example.org' });
    expect(attempt).toThrow(/PUBLIC_URL: must be an https:\/\/ URL with NODE_ENV=production/);
  });
});

describe('the session cookie on a laptop over plain http', () => {
  it('keeps a plain name without Secure, since browsers drop Secure and __Host- cookies on http, and works', async () => {
    const t = await createTestApp({ PUBLIC_URL: 'http://127.0.0.1:3000' }, { worker: false });
    try {
      const { user } = await createOrganizer(t, 'organizer', PASSWORD);
      const { setCookie, pair } = await signIn(t, user.email);
      expect(setCookie).toMatch(/^ll_session=[\w-]+; /);
      expect(setCookie).not.toContain('Secure');
      expect(await signedInAs(t, pair)).toBe(user.email);
    } finally {
      await t.close();
    }
  });
});
