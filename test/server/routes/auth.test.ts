import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { createOrganizer } from '../../helpers/organizer.js';
import { createRecruiter } from '../../helpers/recruiter.js';

describe('organizer authentication', () => {
  let t: TestApp;
  const password = 'correct horse battery staple';
  let email: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://lifeline.example' }, { worker: false });
    ({ user: { email } } = await createOrganizer(t, 'organizer', password));
  });
  afterAll(() => t?.close());

  const signIn = (body: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: body });
  const newList = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/lists', headers, payload: { title: 'Auth list', employer: 'Stripe' } });

  it('signs in with the password: a secure, HttpOnly, SameSite=Lax session cookie and a CSRF token', async () => {
    const res = await signIn({ email: email.toUpperCase(), password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email, name: null, role: 'organizer', company: null, recruiterState: null, csrfToken: expect.any(String) });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-ll_session=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
    // Only the hash of the session is stored.
    const [session] = await t.app.db.selectFrom('sessions').select('token_hash').execute();
    expect(cookie).not.toContain(session!.token_hash);
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    const wrong = await signIn({ email, password: 'nope' });
    const unknown = await signIn({ email: 'nobody@example.org', password });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('needs the CSRF header for cookie-authenticated writes, not for bearer tokens', async () => {
    const res = await signIn({ email, password });
    const { csrfToken } = res.json();
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const withoutHeader = await newList({ cookie });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().message).toContain('x-csrf-token');
    expect((await newList({ cookie, 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await newList({ cookie, 'x-csrf-token': csrfToken })).statusCode).toBe(201);

    const me = await t.app.inject({ method: 'GET', url: '/api/me/user', headers: { cookie } });
    expect(me.json()).toEqual({ user: { email, name: null, role: 'organizer', company: null, recruiterState: null, csrfToken } });

    const signOut = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(signOut.statusCode).toBe(204);
    const signedOut = await t.app.inject({ method: 'GET', url: '/api/me/user', headers: { cookie } });
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ user: null });
  });

  it('answers 401 without or with a bad credential, 403 for a role that is not organizer', async () => {
    const none = await newList({});
    expect(none.statusCode).toBe(401);
    expect(none.json().message).toContain('Sign in as an organizer');
    const bad = await newList({ authorization: 'Bearer llt_not-a-token' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().message).toContain('API token is not valid');
    const recruiter = await createRecruiter(t);
    const forbidden = await newList(recruiter.auth);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().message).toContain('Only organizers and admins');
    const admin = await createOrganizer(t, 'admin');
    expect((await newList(admin.auth)).statusCode).toBe(201);
    for (const url of ['/api/imports/1', '/api/imports/1/report.csv']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url, headers: recruiter.auth })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/lists/x/imports', headers: recruiter.auth })).statusCode).toBe(403);
  });

  it('keeps an import to its organizer (and admins)', async () => {
    const owner = await createOrganizer(t);
    const other = await createOrganizer(t);
    const list = await newList(owner.auth);
    const form = new FormData();
    form.append('attestConsent', 'true');
    form.append('file', new Blob(['Name,Email\nA B,ab@example.org\n']), 'a.csv');
    const url = `/api/lists/${list.json().slug}/imports`;
    const refused = await t.app.inject({ method: 'POST', url, headers: other.auth, payload: form });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('belongs to another organizer');
    const accepted = await t.app.inject({ method: 'POST', url, headers: owner.auth, payload: form });
    expect(accepted.statusCode).toBe(202);
    await t.app.imports.idle();
    const status = `/api/imports/${accepted.json().id}`;
    expect((await t.app.inject({ method: 'GET', url: status, headers: owner.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: status, headers: other.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${status}/report.csv`, headers: other.auth })).statusCode).toBe(404);
  });
});

describe('layoff lists', () => {
  let t: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
    ({ auth } = await createOrganizer(t));
  });
  afterAll(() => t?.close());

  it('creates a list with a canonical employer, a normalized source URL and a unique slug', async () => {
    const body = { title: 'Meta layoffs — November 2026', employer: 'Facebook', sourceUrl: 'docs.google.com/spreadsheets/d/abc', description: 'Crowdsourced.' };
    const first = await t.app.inject({ method: 'POST', url: '/api/lists', headers: auth, payload: body });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      slug: 'meta-layoffs-november-2026',
      title: 'Meta layoffs — November 2026',
      employer: { name: 'Meta', slug: 'meta' },
      sourceUrl: 'https://docs.google.com/spreadsheets/d/abc',
      description: 'Crowdsourced.',
      profiles: 0,
    });
    const second = await t.app.inject({ method: 'POST', url: '/api/lists', headers: auth, payload: body });
    expect(second.json().slug).toMatch(/^meta-layoffs-november-2026-[0-9a-f]{6}$/);

    const one = await t.app.inject({ method: 'GET', url: '/api/lists/meta-layoffs-november-2026' });
    expect(one.statusCode).toBe(200);
    expect(Object.keys(one.json()).sort()).toEqual(['createdAt', 'description', 'employer', 'hired', 'hiresByMonth', 'profiles', 'slug', 'sourceUrl', 'stale', 'title']);
    const all = await t.app.inject({ method: 'GET', url: '/api/lists' });
    expect(all.json().lists.map((l: { slug: string }) => l.slug)).toContain('meta-layoffs-november-2026');
    expect(all.body).not.toMatch(/organizer|@example/);
  });

  it('answers bad input with a 400 naming the field, and an unknown slug with a 404', async () => {
    const badUrl = await t.app.inject({ method: 'POST', url: '/api/lists', headers: auth, payload: { title: 'X', employer: 'Y', sourceUrl: 'javascript:alert(1)' } });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().message).toContain('body.sourceUrl');
    const noTitle = await t.app.inject({ method: 'POST', url: '/api/lists', headers: auth, payload: { employer: 'Y' } });
    expect(noTitle.json().message).toBe('body.title is required');
    const control = await t.app.inject({ method: 'POST', url: '/api/lists', headers: auth, payload: { title: 'a\u0000b', employer: 'Y' } });
    expect(control.statusCode).toBe(400);
    expect(control.json().message).toContain('body.title');
    expect((await t.app.inject({ method: 'GET', url: '/api/lists/nope' })).statusCode).toBe(404);
  });
});
