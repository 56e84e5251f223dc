import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../common/consent.js';
import { suppressionHashes } from '../../../server/privacy/suppression.js';
import { createRecruiter } from '../../helpers/recruiter.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { captureLogs } from '../../helpers/log-capture.js';
import { joinForm, mailTo, mailedToken, publishedProfile, sessionFor } from '../../helpers/opt-in.js';
import { until } from '../../helpers/until.js';


describe('candidate opt-in API', () => {
  let t: TestApp;
  const logs = captureLogs('debug');

  beforeAll(async () => {
    t = await createTestApp({}, { logger: logs.logger });
  });
  afterAll(async () => t?.close());

  /** A request, and the work it left to do once answered (the opt-in and manage links answer first). */
  const post = async (url: string, payload: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'POST', url, payload: payload as object, headers });
    await t.app.optIn.mailSettled();
    return res;
  };
  const profileByEmail = (email: string) =>
    t.app.db.selectFrom('profiles').selectAll().where('email', '=', email).executeTakeFirst();
  const searchDocument = (id: number) =>
    t.app.meili.index(t.app.profilesIndex).getDocument(id).catch(() => undefined);

  describe('POST /api/profiles', () => {
    it('stores a pending, normalized profile with its consent record and mails a confirmation link', async () => {
      const form = joinForm({ name: '  Zoe\u0308 <b>Ünal</b> ' });
      const res = await post('/api/profiles', form);
      expect(res.statusCode).toBe(202);
      const row = await profileByEmail(form.email);
      expect(row).toMatchObject({
        status: 'pending',
        name: 'Zoë <b>Ünal</b>',
        skills: ['JavaScript', 'Kubernetes', 'PostgreSQL'],
        country: 'DE',
        website_url: 'https://ada.dev/',
        consent_source: 'form',
        consent_version: CONSENT_VERSION,
        email_verified_at: null,
        published_at: null,
        // Nothing that another person could be blocked by, or that creates data, before the address is confirmed.
        linkedin_url: null,
        former_employer_id: null,
      });
      expect(row!.consent_at).toBeInstanceOf(Date);

      const [mail] = await mailTo(t.app, form.email);
      expect(mail!.subject).toBe('Confirm your Lifeline profile');
      expect(mail!.links.map((l) => new URL(l).pathname).sort()).toEqual(['/remove', '/verify']);
      // Anyone can type any address: nothing typed on the form is in the mail to it.
      expect(`${mail!.subject}${mail!.text}${mail!.html}`).not.toContain('Ünal');

      expect((await t.app.inject({ method: 'GET', url: `/api/profiles/${row!.slug}` })).statusCode).toBe(404);

      await post('/api/profiles/verify', { token: await mailedToken(t.app, form.email, '/verify') });
      const published = await profileByEmail(form.email);
      expect(published!.linkedin_url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/ada-[0-9a-f]{8}$/);
      const employer = await t.app.db.selectFrom('employers').select('name').where('id', '=', published!.former_employer_id!).executeTakeFirst();
      expect(employer?.name).toBe('Meta');
    });

    it('answers a known address exactly like a new one, and mails it a manage link instead', async () => {
      const { form, slug } = await publishedProfile(t.app);
      const first = await post('/api/profiles', joinForm());
      const again = await post('/api/profiles', { ...form, name: 'Someone Else' });
      expect(again.statusCode).toBe(202);
      expect(again.body).toBe(first.body);
      const [mail] = await mailTo(t.app, form.email);
      expect(mail!.subject).toBe('You are already on Lifeline');
      expect(mail!.links.map((l) => new URL(l).pathname).sort()).toEqual(['/manage', '/remove']);
      const profile = await t.app.inject({ method: 'GET', url: `/api/profiles/${slug}` });
      expect(profile.json().name).toBe('Ada Lovelace');
    });

    it('lets each form before confirming carry its own answers: the link clicked first publishes what was sent with it', async () => {
      const form = joinForm();
      await post('/api/profiles', form);
      const firstToken = await mailedToken(t.app, form.email, '/verify');
      await post('/api/profiles', { ...form, headline: 'Staff engineer' });
      const secondToken = await mailedToken(t.app, form.email, '/verify');
      expect((await profileByEmail(form.email))!.headline).toBe(form.headline);
      const verified = await post('/api/profiles/verify', { token: secondToken });
      expect(verified.json().profile.headline).toBe('Staff engineer');
      // The first link still works, and changes nothing on the published profile.
      const again = await post('/api/profiles/verify', { token: firstToken });
      expect(again.statusCode).toBe(200);
      expect(again.json().profile.headline).toBe('Staff engineer');
      expect(await t.app.db.selectFrom('profiles').select('id').where('email', '=', form.email).execute()).toHaveLength(1);
    });

    it('does nothing, with the same answer, when the hidden honeypot field is filled', async () => {
      const form = joinForm({ website2: 'http://spam.example' });
      const res = await post('/api/profiles', form);
      expect(res.statusCode).toBe(202);
      expect(await profileByEmail(form.email)).toBeUndefined();
      expect(await mailTo(t.app, form.email)).toEqual([]);
    });

    it.each([
      ['missing consent', { consent: undefined }, /body\.consent is required/],
      ['consent not given', { consent: false }, /body\.consent must be true/],
      ['an older consent text', { consentVersion: 'form-2020-01-01.00000000' }, /body\.consent was given to an older text/],
      ['a bad email', { email: 'ada@' }, /body\.email must be an email address/],
      ['an unknown country', { country: 'Narnia' }, /body\.country must be a country/],
      ['200 skills', { skills: Array.from({ length: 200 }, (_, i) => `Skill ${i}`) }, /body\.skills must NOT have more than 50 items/],
      ['no skills', { skills: [] }, /body\.skills must name at least one skill/],
      ['a 1 MB name', { name: 'a'.repeat(1024 * 1024) }, /body\.name must NOT have more than 120 characters/],
      ['a multi-line name', { name: 'Ada\nLovelace' }, /body\.name must be one line/],
      ['a non-LinkedIn URL', { linkedinUrl: 'https://example.com/in/ada' }, /body\.linkedinUrl must be the address of a LinkedIn profile/],
      ['a javascript: website', { websiteUrl: 'javascript:alert(1)' }, /body\.websiteUrl must be a web address/],
      ['an impossible date', { layoffDate: '2026-02-30' }, /body\.layoffDate must be a date like/],
      ['an unknown seniority', { seniority: 'wizard' }, /body\.seniority must be one of intern, junior, mid/],
      ['an employer of punctuation', { formerEmployer: '!!!' }, /body\.formerEmployer must contain letters or digits/],
      ['an unknown field', { phone: '+1 555' }, /body\.phone is not a known field/],
      ['a missing name', { name: undefined }, /body\.name is required/],
    ])('refuses %s with a 400 naming the field, and stores nothing', async (_case, overrides, message) => {
      const form = joinForm(overrides);
      const res = await post('/api/profiles', form);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(message);
      expect(await profileByEmail(form.email)).toBeUndefined();
    });

    it('names every bad field at once', async () => {
      const res = await post('/api/profiles', joinForm({ country: 'Narnia', layoffDate: 'soon', email: 'x' }));
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/body\.country .*; .*body\.layoffDate .*|body\.layoffDate .*; .*body\.country/);
      expect(res.json().message).toContain('body.email');
    });

    it('says clearly when a body is far too large', async () => {
      const res = await post('/api/profiles', joinForm({ bio: 'x'.repeat(5 * 1024 * 1024) }));
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toMatch(/too large/i);
    });
  });

  describe('POST /api/profiles/verify', () => {
    it('publishes the profile in one transaction with its outbox row, and search gets it without the email', async () => {
      const { form, slug, verifyToken } = await publishedProfile(t.app);
      const row = await profileByEmail(form.email);
      expect(row).toMatchObject({ status: 'published', slug });
      expect(row!.email_verified_at).toBeInstanceOf(Date);
      expect(row!.published_at).toBeInstanceOf(Date);
      const doc = await until(() => searchDocument(row!.id));
      expect(doc).toMatchObject({ slug, skills: ['JavaScript', 'Kubernetes', 'PostgreSQL'], former_employer: 'meta' });
      expect(JSON.stringify(doc)).not.toContain(form.email);
      expect(JSON.stringify(doc)).not.toContain('example.org');

      const again = await post('/api/profiles/verify', { token: verifyToken });
      expect(again.statusCode).toBe(410);
      expect(again.json().message).toMatch(/body\.token: This link was already used/);
    });

    it('refuses an unknown or expired link with a message saying what to do', async () => {
      const unknown = await post('/api/profiles/verify', { token: 'nope' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().message).toMatch(/not valid/);

      const form = joinForm();
      await post('/api/profiles', form);
      const token = await mailedToken(t.app, form.email, '/verify');
      const row = await profileByEmail(form.email);
      await t.app.db.updateTable('profile_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('profile_id', '=', row!.id).execute();
      const expired = await post('/api/profiles/verify', { token });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().message).toMatch(/expired.*Ask for a new one/);
      expect((await profileByEmail(form.email))!.status).toBe('pending');
    });
  });

  describe('GET /api/profiles/:slug', () => {
    it('shows public fields only, and the email only to verified recruiters when its owner chose to show it', async () => {
      const hidden = await publishedProfile(t.app);
      const res = await t.app.inject({ method: 'GET', url: `/api/profiles/${hidden.slug}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        slug: hidden.slug,
        name: 'Ada Lovelace',
        country: 'DE',
        formerEmployer: { slug: 'meta', name: 'Meta' },
        websiteUrl: 'https://ada.dev/',
      });
      expect(body.email).toBeUndefined();
      expect(res.body).not.toContain(hidden.form.email);
      for (const key of ['consent_at', 'consentAt', 'consentVersion', 'status', 'id', 'emailVerifiedAt']) expect(body).not.toHaveProperty(key);

      const shown = await publishedProfile(t.app, { showEmail: true });
      const { auth } = await createRecruiter(t);
      const withEmail = (await t.app.inject({ method: 'GET', url: `/api/profiles/${shown.slug}`, headers: auth })).json();
      expect(withEmail.email).toBe(shown.form.email);
      const anonymous = await t.app.inject({ method: 'GET', url: `/api/profiles/${shown.slug}` });
      expect(anonymous.body).not.toContain(shown.form.email);
      const row = await profileByEmail(shown.form.email);
      const doc = await until(() => searchDocument(row!.id));
      expect(JSON.stringify(doc)).not.toContain(shown.form.email);
    });

    it('answers 404 for an unknown slug', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/profiles/no-such-person' });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toMatch(/No public profile/);
    });
  });

  describe('manage links and /api/me/profile', () => {
    it('always answers 202 to a manage-link request, mailing only a listed address', async () => {
      const { form } = await publishedProfile(t.app);
      const stranger = joinForm().email;
      const known = await post('/api/profiles/manage-link', { email: form.email.toUpperCase().replace('EXAMPLE.ORG', 'example.org') });
      const unknown = await post('/api/profiles/manage-link', { email: stranger });
      expect(known.statusCode).toBe(202);
      expect(unknown.body).toBe(known.body);
      expect((await mailTo(t.app, form.email))[0]!.subject).toBe('Your link to manage your Lifeline profile');
      expect(await mailTo(t.app, stranger)).toEqual([]);
      expect((await post('/api/profiles/manage-link', { email: 'nope' })).json().message).toMatch(/body\.email must be an email address/);
    });

    it('sends a new confirmation link instead when the profile is still pending', async () => {
      const form = joinForm();
      await post('/api/profiles', form);
      await post('/api/profiles/manage-link', { email: form.email });
      const mails = await mailTo(t.app, form.email);
      expect(mails.map((m) => m.subject)).toEqual(['Confirm your Lifeline profile', 'Confirm your Lifeline profile']);
    });

    it('trades a manage link once for a session that reads, edits, hides and shows again', async () => {
      const { form, slug } = await publishedProfile(t.app);
      await post('/api/profiles/manage-link', { email: form.email });
      const manage = await mailedToken(t.app, form.email, '/manage');
      const opened = await post('/api/me/session', {}, { authorization: `Bearer ${manage}` });
      expect(opened.statusCode).toBe(201);
      expect(opened.json().profile).toMatchObject({ status: 'published', email: form.email, profile: { slug } });
      const reused = await post('/api/me/session', {}, { authorization: `Bearer ${manage}` });
      expect(reused.statusCode).toBe(401);
      expect(reused.json().message).toMatch(/already used/);

      const auth = { authorization: `Bearer ${opened.json().token}` };
      const own = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: auth });
      expect(own.json().email).toBe(form.email);

      const edited = await t.app.inject({
        method: 'PATCH',
        url: '/api/me/profile',
        headers: auth,
        payload: { headline: '  Staff engineer ', skills: ['reactjs', 'React', 'golang'], country: 'fr', bio: null, formerEmployer: 'Twitter' },
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().profile).toMatchObject({
        headline: 'Staff engineer',
        skills: ['React', 'Go'],
        country: 'FR',
        bio: null,
        formerEmployer: { slug: 'x', name: 'X' },
        name: 'Ada Lovelace',
      });
      const row = await profileByEmail(form.email);
      await until(async () => ((await searchDocument(row!.id)) as { headline?: string } | undefined)?.headline === 'Staff engineer' || undefined);

      const hide = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: auth, payload: { status: 'hidden' } });
      expect(hide.json().status).toBe('hidden');
      await until(async () => ((await searchDocument(row!.id)) === undefined ? true : undefined));
      expect((await t.app.inject({ method: 'GET', url: `/api/profiles/${slug}` })).statusCode).toBe(404);

      const show = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: auth, payload: { status: 'published' } });
      expect(show.json().status).toBe('published');
      await until(() => searchDocument(row!.id));

      const bad = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: auth, payload: { name: '', country: 'Atlantis' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/body\.name must not be empty; body\.country must be a country/);
      const empty = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: auth, payload: {} });
      expect(empty.statusCode).toBe(400);
    });

    it('takes a mailed manage link directly as a Bearer token, once', async () => {
      const { form } = await publishedProfile(t.app);
      await post('/api/profiles/manage-link', { email: form.email });
      const manage = await mailedToken(t.app, form.email, '/manage');
      const auth = { authorization: `Bearer ${manage}` };
      const edited = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: auth, payload: { city: 'Hamburg' } });
      expect(edited.json().profile.city).toBe('Hamburg');
      const again = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: auth });
      expect(again.statusCode).toBe(401);
      expect(again.json().message).toMatch(/already used/);
    });

    it('refuses requests without a usable token', async () => {
      for (const authorization of [undefined, 'Basic abc', 'Bearer unknown-token']) {
        const res = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: authorization ? { authorization } : {} });
        expect(res.statusCode).toBe(401);
        expect(res.json().message).toMatch(/authorization/);
      }
    });
  });

  describe('removal', () => {
    it('erases the PII, suppresses the person, ends their links and takes them out of search', async () => {
      const { form, slug } = await publishedProfile(t.app);
      const row = (await profileByEmail(form.email))!;
      await until(() => searchDocument(row.id));
      const session = await sessionFor(t.app, form.email);
      const auth = { authorization: `Bearer ${session}` };

      const removed = await t.app.inject({ method: 'DELETE', url: '/api/me/profile', headers: auth });
      expect(removed.statusCode).toBe(200);
      expect(removed.json().status).toBe('removed');

      const after = await t.app.db.selectFrom('profiles').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      const text = JSON.stringify(after);
      for (const pii of [form.email, 'Ada', 'Lovelace', row.linkedin_url!, 'ada.dev', 'payments', slug]) expect(text).not.toContain(pii);
      expect(after).toMatchObject({ status: 'removed', email: null, linkedin_url: null, bio: null, skills: [] });
      expect(after.removed_at).toBeInstanceOf(Date);

      const hashes = suppressionHashes({ email: row.email, linkedinUrl: row.linkedin_url });
      const kept = await t.app.db.selectFrom('suppressions').select('key_hash').where('key_hash', 'in', hashes).execute();
      expect(kept).toHaveLength(2);
      const tokens = await t.app.db.selectFrom('profile_tokens').select('purpose').where('profile_id', '=', row.id).execute();
      expect(tokens.every((tk) => tk.purpose === 'remove')).toBe(true);

      await until(async () => ((await searchDocument(row.id)) === undefined ? true : undefined));
      expect((await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: auth })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: `/api/profiles/${slug}` })).statusCode).toBe(404);

      // Joining again with the same address answers the same, and creates and mails nothing.
      const before = (await mailTo(t.app, form.email)).length;
      const rejoin = await post('/api/profiles', { ...form, email: form.email.toUpperCase().replace('EXAMPLE.ORG', 'example.org') });
      expect(rejoin.statusCode).toBe(202);
      expect(await mailTo(t.app, form.email)).toHaveLength(before);
      // Someone else with the removed person's LinkedIn URL joins like anyone, without that URL.
      const viaLinkedin = joinForm({ linkedinUrl: row.linkedin_url });
      await post('/api/profiles', viaLinkedin);
      const verified = await post('/api/profiles/verify', { token: await mailedToken(t.app, viaLinkedin.email, '/verify') });
      expect(verified.json().profile.linkedinUrl).toBeNull();
    });

    it('removes in one click with the link of any mail, and says so again on a second click', async () => {
      const form = joinForm();
      await post('/api/profiles', form);
      const token = await mailedToken(t.app, form.email, '/remove');
      const first = await post('/api/profiles/remove', { token });
      expect(first.statusCode).toBe(200);
      expect((await profileByEmail(form.email))).toBeUndefined();
      const second = await post('/api/profiles/remove', { token });
      expect(second.statusCode).toBe(200);
      expect((await post('/api/profiles/remove', { token: 'bogus' })).statusCode).toBe(400);
    });
  });

  it('keeps emails and tokens out of the logs', async () => {
    const { form } = await publishedProfile(t.app);
    await sessionFor(t.app, form.email);
    await post('/api/profiles', { ...form });
    const log = logs.text();
    expect(log).toContain('profile verified and published');
    expect(log).not.toContain(form.email);
    expect(log).not.toContain('example.org');
    expect(log).not.toMatch(/token=[A-Za-z0-9_-]{20}/);
  });
});

describe('opt-in with limits and real mail', () => {
  it('rate-limits public writes per client, with a message', async () => {
    const t = await createTestApp({ RATE_LIMIT: '2' });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) {
        answers.push(await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: 'a@example.org' } }));
      }
      expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 429]);
      expect(answers[2]!.json().message).toMatch(/Too many requests: at most 2 a minute/);
      // Reading is not limited.
      expect((await t.app.inject({ method: 'GET', url: '/api/skills?q=re' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('has no dev mailbox with SMTP_URL, and keeps the write when sending fails, logging no address', async () => {
    const logs = captureLogs('info');
    const t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' }, { logger: logs.logger, worker: false });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/dev/mail' })).statusCode).toBe(404);
      const form = joinForm();
      const joined = await t.app.inject({ method: 'POST', url: '/api/profiles', payload: form });
      expect(joined.statusCode).toBe(202);
      await t.app.optIn.mailSettled();
      const row = await t.app.db.selectFrom('profiles').select('status').where('email', '=', form.email).executeTakeFirst();
      expect(row?.status).toBe('pending');
      const log = logs.text();
      expect(log).toContain('sending a mail failed');
      expect(log).not.toContain(form.email);
    } finally {
      await t.close();
    }
  });
});
