import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecruiterState } from '../../../db/schema.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { insertProfiles } from '../../helpers/profiles.js';
import { createRecruiter } from '../../helpers/recruiter.js';

const MESSAGE = 'Hello Ada, we are hiring a staff platform engineer in Berlin and your profile fits well.';

describe('POST /api/profiles/:slug/contact', () => {
  let t: TestApp;
  let rita: Awaited<ReturnType<typeof createRecruiter>>;
  const contact = (slug: string, payload: Record<string, unknown>, headers: Record<string, string> = rita.auth) =>
    t.app.inject({ method: 'POST', url: `/api/profiles/${slug}/contact`, payload, headers });
  const mail = () => t.app.db.selectFrom('dev_mail').selectAll().orderBy('id', 'desc').execute();

  beforeAll(async () => {
    t = await createTestApp();
    rita = await createRecruiter(t, 'verified', { email: 'rita@hiring.example', name: 'Rita Recruiter', company: 'Acme' });
    await insertProfiles(t.app.db, [
      { slug: 'ada', name: 'Ada Lovelace', role: 'Engineer', skills: ['Go'], email: 'ada@example.org' },
      { slug: 'hidden-from-public', name: 'Quiet Person', skills: ['Go'], email: 'quiet@example.org', visibility: 'recruiters' },
      { slug: 'no-mail', name: 'Imported Person', role: 'Engineer', skills: ['Go'] },
      { slug: 'pending', name: 'Pending Person', status: 'pending', email: 'pending@example.org' },
      { slug: 'removed', name: 'Removed Person', status: 'removed', email: 'removed@example.org' },
    ]);
  });
  afterAll(() => t.close());

  it("relays the message signed with the recruiter's account, with the recruiter as Reply-To, and shows no address", async () => {
    const res = await contact('ada', { message: MESSAGE });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: 'sent' });
    expect(res.body).not.toContain('ada@example.org');
    const [sent] = await mail();
    expect(sent).toMatchObject({ to_address: 'ada@example.org', reply_to: 'rita@hiring.example', subject: 'A recruiter wrote to you through Lifeline' });
    expect(sent!.text).toContain('Rita Recruiter, a recruiter at Acme');
    expect(sent!.text).toContain('Lifeline checked that they use a work address at hiring.example.');
    expect(sent!.text).toContain(MESSAGE);
    const actions = sent!.links.filter((l) => new URL(l).pathname === '/message-action').map((l) => new URL(l).searchParams.get('token')!.split('.')[0]);
    expect(actions).toEqual(['block-recruiter', 'block-company', 'report']);
    const [stored] = await t.app.db.selectFrom('contact_requests').selectAll().execute();
    expect(stored).toMatchObject({ recruiter_id: rita.user.id, from_name: 'Rita Recruiter', from_email: 'rita@hiring.example', company: 'Acme', message: MESSAGE });
    expect(stored!.sent_at).not.toBeNull();
  });

  it('reaches a recruiters-only profile too: verified recruiters are who it is shown to', async () => {
    expect((await contact('hidden-from-public', { message: MESSAGE })).statusCode).toBe(202);
  });

  it('offers no "block the company" link for a recruiter on a personal domain, and says the team reviewed them', async () => {
    const gmail = await createRecruiter(t, 'verified', { email: `approved.${Date.now()}@gmail.com` });
    const res = await contact('ada', { message: MESSAGE }, gmail.auth);
    expect(res.statusCode).toBe(202);
    const [sent] = await mail();
    expect(sent!.text).toContain('personal address at gmail.com');
    expect(sent!.links.filter((l) => l.includes('block-company'))).toEqual([]);
  });

  it('tells a bot that fills the honeypot it worked, and sends nothing', async () => {
    const before = (await mail()).length;
    const res = await contact('ada', { message: MESSAGE, website: 'http://spam.example' });
    expect(res.statusCode).toBe(202);
    expect((await mail()).length).toBe(before);
  });

  it.each(['pending', 'removed', 'nobody-here'])('answers 404 for a profile that is not published (%s)', async (slug) => {
    const res = await contact(slug, { message: MESSAGE });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('@example.org');
  });

  it('answers 409 when the person left no address to relay to', async () => {
    const res = await contact('no-mail', { message: MESSAGE });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('LinkedIn');
  });

  it.each([
    [{ message: 'Hi!' }, 'body.message must NOT have fewer than 20 characters'],
    [{ message: 'x'.repeat(5_001) }, 'body.message must NOT have more than 5000 characters'],
    [{ message: `${' '.repeat(30)}short` }, 'body.message must be at least 20 characters'],
    [{ message: MESSAGE, email: 'someone@else.example' }, 'body.email is not a known field'],
    [{ message: MESSAGE, name: 'Someone Else' }, 'body.name is not a known field'],
  ])('refuses bad input with a 400 that names the field (%#)', async (payload, message) => {
    const before = (await mail()).length;
    const res = await contact('ada', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect((await mail()).length).toBe(before);
  });

  it('answers 401 signed out', async () => {
    const res = await contact('ada', { message: MESSAGE }, {});
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toContain('/recruiters/join');
  });

  it.each<[RecruiterState, RegExp]>([
    ['unverified', /Confirm your work email/],
    ['in_review', /waiting for a review/],
    ['suspended', /suspended/],
  ])('answers 403 to a recruiter %s, saying why', async (state, why) => {
    const before = (await mail()).length;
    const { auth } = await createRecruiter(t, state);
    const res = await contact('ada', { message: MESSAGE }, auth);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(why);
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
    const { auth } = await createRecruiter(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/profiles/ada/contact', headers: auth, payload: { message: MESSAGE } });
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

  it('answers 429 once a client sent too many requests in a minute', async () => {
    const { auth } = await createRecruiter(t);
    const send = () => t.app.inject({ method: 'POST', url: '/api/profiles/ada/contact', headers: auth, payload: { message: MESSAGE } });
    expect((await send()).statusCode).toBe(202);
    expect((await send()).statusCode).toBe(202);
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(third.json().message).toContain('Too many requests');
  });
});
