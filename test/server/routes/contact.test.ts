import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { insertProfiles } from '../../helpers/profiles.js';

const MESSAGE = 'Hello Ada, we are hiring a staff platform engineer in Berlin and your profile fits well.';

describe('POST /api/profiles/:slug/contact', () => {
  let t: TestApp;
  const contact = (slug: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/profiles/${slug}/contact`, payload });
  const mail = () => t.app.db.selectFrom('dev_mail').selectAll().orderBy('id', 'desc').execute();

  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, [
      { slug: 'ada', name: 'Ada Lovelace', role: 'Engineer', skills: ['Go'], email: 'ada@example.org' },
      { slug: 'no-mail', name: 'Imported Person', role: 'Engineer', skills: ['Go'] },
      { slug: 'pending', name: 'Pending Person', status: 'pending', email: 'pending@example.org' },
      { slug: 'removed', name: 'Removed Person', status: 'removed', email: 'removed@example.org' },
    ]);
  });
  afterAll(() => t.close());

  it('relays the message by mail with the recruiter as Reply-To, and shows no address', async () => {
    const res = await contact('ada', { name: 'Rita Recruiter', email: 'rita@hiring.example', company: 'Acme', message: MESSAGE });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: 'sent' });
    expect(res.body).not.toContain('ada@example.org');
    const [sent] = await mail();
    expect(sent).toMatchObject({
      to_address: 'ada@example.org',
      reply_to: 'rita@hiring.example',
      subject: 'Someone wrote to you through Lifeline',
    });
    expect(sent!.text).toContain(MESSAGE);
    expect(sent!.text).toContain('http://lifeline.test/p/ada');
    expect(sent!.links).toEqual(['http://lifeline.test/p/ada', 'http://lifeline.test/manage']);
    const [stored] = await t.app.db.selectFrom('contact_requests').selectAll().execute();
    expect(stored).toMatchObject({ from_name: 'Rita Recruiter', from_email: 'rita@hiring.example', company: 'Acme', message: MESSAGE });
    expect(stored!.sent_at).not.toBeNull();
  });

  it('tells a bot that fills the honeypot it worked, and sends nothing', async () => {
    const before = (await mail()).length;
    const res = await contact('ada', { name: 'Bot', email: 'bot@spam.example', message: MESSAGE, website: 'http://spam.example' });
    expect(res.statusCode).toBe(202);
    expect((await mail()).length).toBe(before);
  });

  it.each(['pending', 'removed', 'nobody-here'])('answers 404 for a profile that is not published (%s)', async (slug) => {
    const res = await contact(slug, { name: 'Rita', email: 'rita@hiring.example', message: MESSAGE });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('@example.org');
  });

  it('answers 409 when the person left no address to relay to', async () => {
    const res = await contact('no-mail', { name: 'Rita', email: 'rita@hiring.example', message: MESSAGE });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('LinkedIn');
  });

  it.each([
    [{ email: 'rita@hiring.example', message: MESSAGE }, 'body.name is required'],
    [{ name: 'Rita', email: 'not-an-address', message: MESSAGE }, 'body.email must match format "email"'],
    [{ name: 'Rita', email: 'rita@hiring.example', message: 'Hi!' }, 'body.message must NOT have fewer than 20 characters'],
    [{ name: 'Rita', email: 'rita@hiring.example', message: 'x'.repeat(5_001) }, 'body.message must NOT have more than 5000 characters'],
    [{ name: 'Rita\r\nBcc: all@example.org', email: 'rita@hiring.example', message: MESSAGE }, 'body.name must be one line'],
    [{ name: '   ', email: 'rita@hiring.example', message: MESSAGE }, 'body.name is required'],
    [{ name: 'Rita', email: 'rita@hiring.example', message: `${' '.repeat(30)}short` }, 'body.message must be at least 20 characters'],
    [{ name: 'Rita', email: 'rita@hiring.example', message: MESSAGE, phone: '123' }, 'body.phone is not a known field'],
  ])('refuses bad input with a 400 that names the field (%#)', async (payload, message) => {
    const before = (await mail()).length;
    const res = await contact('ada', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect((await mail()).length).toBe(before);
  });
});

describe('contact when mail cannot leave', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    await insertProfiles(t.app.db, [{ slug: 'ada', name: 'Ada', skills: [], email: 'ada@example.org' }]);
  });
  afterAll(() => t.close());

  it('answers 503 with what to do, keeps the request unsent, and shows no address', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/profiles/ada/contact',
      payload: { name: 'Rita', email: 'rita@hiring.example', message: MESSAGE },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().message).toBe('Your message could not be sent right now. Please try again in a few minutes.');
    expect(res.body).not.toContain('ada@example.org');
    const [stored] = await t.app.db.selectFrom('contact_requests').selectAll().execute();
    expect(stored!.sent_at).toBeNull();
  });
});

describe('contact rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT: '2' });
    await insertProfiles(t.app.db, [{ slug: 'ada', name: 'Ada', skills: [], email: 'ada@example.org' }]);
  });
  afterAll(() => t.close());

  it('answers 429 once a client sent too many messages in a minute', async () => {
    const send = () =>
      t.app.inject({ method: 'POST', url: '/api/profiles/ada/contact', payload: { name: 'Rita', email: 'rita@hiring.example', message: MESSAGE } });
    expect((await send()).statusCode).toBe(202);
    expect((await send()).statusCode).toBe(202);
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(third.json().message).toContain('Too many requests');
  });
});
