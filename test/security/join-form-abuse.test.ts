import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAILS_PER_ADDRESS } from '../../server/services/limits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { joinForm, mailTo, mailedToken, publishedProfile, sessionFor } from '../helpers/opt-in.js';

/**
 * A spammer or a stalker uses the Join form, which anyone can send with any address, as a way to
 * mail someone Lifeline's name with their own words, or to change what another person publishes.
 */
describe('abusing the Join form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const join = async (payload: Record<string, unknown>, remoteAddress?: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/profiles', payload, ...(remoteAddress ? { remoteAddress } : {}) });
    await t.app.optIn.mailSettled();
    return res;
  };

  it('cannot mail a listed address more than the per-address limit, from any number of clients', async () => {
    const { form } = await publishedProfile(t.app);
    const before = (await mailTo(t.app, form.email)).length;
    for (let i = 0; i < 20; i++) expect((await join(joinForm({ email: form.email }), `198.51.100.${i + 1}`)).statusCode).toBe(202);
    // The Join form's "already listed" mails and the manage links share one count.
    await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: form.email } });
    await t.app.optIn.mailSettled();
    expect((await mailTo(t.app, form.email)).length - before).toBe(MAILS_PER_ADDRESS.max - 1);
  });

  it('cannot send a stranger its own words and links in a confirmation mail', async () => {
    const victim = joinForm().email;
    for (let i = 0; i < 20; i++) {
      await join(joinForm({ email: victim, name: 'Account team', headline: 'Your payroll is on hold: https://evil.example/payroll' }), `203.0.113.${i + 1}`);
    }
    const mails = await mailTo(t.app, victim);
    expect(mails).toHaveLength(MAILS_PER_ADDRESS.max);
    for (const mail of mails) {
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(/Account team|payroll|evil\.example/);
      expect(mail.links.map((l) => new URL(l).pathname).sort()).toEqual(['/remove', '/verify']);
    }
  });

  it('shows what a link would publish before publishing, and a stranger\'s answers never reach a published profile', async () => {
    const own = joinForm({ name: 'Olga Owner', headline: 'Data engineer', showEmail: false });
    await join(own);
    const ownToken = await mailedToken(t.app, own.email, '/verify');
    // A stalker who knows the address copies the public name and headline: the two mails read the same.
    await join(joinForm({ email: own.email, name: 'Olga Owner', headline: 'Data engineer', showEmail: true, websiteUrl: 'https://evil.example' }));
    const stalkerToken = await mailedToken(t.app, own.email, '/verify');

    // The owner's page shows the stalker's answers for what they are, before anything is published.
    const preview = await t.app.inject({ method: 'POST', url: '/api/profiles/verify/preview', payload: { token: stalkerToken } });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().profile).toMatchObject({ websiteUrl: 'https://evil.example/', email: own.email });
    expect((await t.app.db.selectFrom('profiles').select('status').where('email', '=', own.email).executeTakeFirstOrThrow()).status).toBe('pending');

    const verified = await t.app.inject({ method: 'POST', url: '/api/profiles/verify', payload: { token: ownToken } });
    const { slug } = verified.json().profile as { slug: string };
    // Later the owner opens the other mail: the link changes nothing any more.
    const late = await t.app.inject({ method: 'POST', url: '/api/profiles/verify', payload: { token: stalkerToken } });
    expect(late.statusCode).toBe(200);
    const shown = (await t.app.inject({ method: 'GET', url: `/api/profiles/${slug}` })).json();
    expect(shown.email).toBeUndefined();
    expect(shown.websiteUrl).toBe('https://ada.dev/');
    const again = await t.app.inject({ method: 'POST', url: '/api/profiles/verify/preview', payload: { token: stalkerToken } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already confirmed/);
  });

  it('cannot take the LinkedIn URL of a person who removed themselves by editing a profile', async () => {
    const gone = await publishedProfile(t.app);
    await t.app.inject({ method: 'DELETE', url: '/api/me/profile', headers: { authorization: `Bearer ${await sessionFor(t.app, gone.form.email)}` } });
    const imposter = await publishedProfile(t.app, { linkedinUrl: null });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { authorization: `Bearer ${await sessionFor(t.app, imposter.form.email)}` },
      payload: { linkedinUrl: gone.form.linkedinUrl },
    });
    // The same answer as for a URL another profile holds: it tells no more than it must.
    expect(patched.statusCode).toBe(409);
    expect(patched.json().message).toBe('body.linkedinUrl is already part of another Lifeline profile');
    const row = await t.app.db.selectFrom('profiles').select('linkedin_url').where('email', '=', imposter.form.email).executeTakeFirstOrThrow();
    expect(row.linkedin_url).toBeNull();
  });
});
