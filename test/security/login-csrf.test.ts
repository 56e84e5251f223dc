import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganizer } from '../helpers/organizer.js';

const PASSWORD = 'correct horse battery staple';
const EVIL = 'https://evil.example';

/**
 * Login CSRF: a page on another site makes its visitor's browser post a sign-in with the
 * attacker's credentials. The visitor is then signed in to the attacker's organizer account,
 * and what they import there (layoff lists full of people) the attacker reads.
 */
describe('a sign-in posted from another site', () => {
  let t: TestApp;
  let attacker: string;
  let victim: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://lifeline.example.org' }, { worker: false });
    attacker = (await createOrganizer(t, 'organizer', PASSWORD)).user.email;
    victim = (await createOrganizer(t, 'organizer', PASSWORD)).user.email;
  });
  afterAll(async () => t?.close());

  const sessions = async () => (await t.app.db.selectFrom('sessions').select('token_hash').execute()).length;
  const signIn = (headers: Record<string, string>, payload: string | object = { email: attacker, password: PASSWORD }) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { host: 'lifeline.example.org', ...headers }, payload });

  it('is refused with 403 before anything is checked, and no session or cookie comes of it', async () => {
    const before = await sessions();
    const attempts = [
      await signIn({ origin: EVIL }),
      // A form with enctype="text/plain" needs no CORS preflight; its body is refused unread.
      await signIn({ origin: EVIL, 'content-type': 'text/plain' }, `{"email":"${attacker}","password":"${PASSWORD}","x":"="}`),
      // A sandboxed iframe or a data: URL sends "null".
      await signIn({ origin: 'null' }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("Signing in and out works only from Lifeline's own pages (https://lifeline.example.org), not from another site.");
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(await sessions()).toBe(before);
  });

  it('a sign-out posted from another site is refused the same way, and the victim stays signed in', async () => {
    const own = await signIn({ origin: 'https://lifeline.example.org' }, { email: victim, password: PASSWORD });
    const cookie = String(own.headers['set-cookie']).split(';')[0]!;
    // The most a cross-site page can send: the cookie (were SameSite to let it through), never the CSRF token.
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { origin: EVIL, cookie } });
    expect(out.statusCode).toBe(403);
    expect(out.json().message).toMatch(/only from Lifeline's own pages/);
    const me = await t.app.inject({ method: 'GET', url: '/api/me/user', headers: { cookie } });
    expect(me.json().user.email).toBe(victim);
  });

  it('still signs in from its own pages, from the same machine reached by another name, and from scripts without Origin', async () => {
    expect((await signIn({ origin: 'https://lifeline.example.org' })).statusCode).toBe(200);
    const byOtherName = await t.app.inject({
      method: 'POST', url: '/api/auth/sign-in', headers: { host: 'laptop.local:3000', origin: 'http://laptop.local:3000' },
      payload: { email: attacker, password: PASSWORD },
    });
    expect(byOtherName.statusCode).toBe(200);
    expect((await signIn({})).statusCode).toBe(200);
  });
});
