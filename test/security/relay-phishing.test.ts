import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES_PER_CANDIDATE } from '../../server/services/limits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter } from '../helpers/recruiter.js';

const MESSAGE = 'Hello Ada, we are hiring a staff platform engineer in Berlin and your profile fits well.';

/**
 * A phisher who got a verified recruiter account (or many) uses the contact relay to reach
 * candidates with Lifeline's name on the envelope: a subject that reads like Lifeline's own
 * words, a message full of links, as many messages as they like, each carrying a fresh one-year
 * removal token.
 */
describe('a phisher using the contact relay', () => {
  let t: TestApp;
  let adaId: number;
  let phisher: Record<string, string>;
  const contact = (slug: string, payload: Record<string, unknown>, headers = phisher) =>
    t.app.inject({ method: 'POST', url: `/api/profiles/${slug}/contact`, payload, headers });
  const mailToAda = () => t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', 'ada@example.org').orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp();
    const ids = await insertProfiles(t.app.db, [
      { slug: 'ada', name: 'Ada Lovelace', skills: ['Go'], email: 'ada@example.org' },
      { slug: 'grace', name: 'Grace Hopper', skills: ['COBOL'], email: 'grace@example.org' },
    ]);
    adaId = ids.get('ada')!;
    phisher = (await createRecruiter(t, 'verified', { name: 'Lifeline Security Team', company: 'Your account will be deleted today' })).auth;
  });
  afterAll(() => t.close());

  it('cannot put its own words in the subject, and its message is quoted as its own', async () => {
    const res = await contact('ada', { message: `${MESSAGE}\nVerify your account now.` });
    expect(res.statusCode).toBe(202);
    const [mail] = await mailToAda();
    expect(mail!.subject).toBe('A recruiter wrote to you through Lifeline');
    expect(mail!.subject).not.toMatch(/Security|deleted/);
    expect(mail!.text).toContain('Lifeline Security Team, a recruiter at Your account will be deleted today');
    expect(mail!.text).toContain(`> ${MESSAGE}\n> Verify your account now.`);
    expect(mail!.html).toContain(`<blockquote`);
    expect(mail!.text).toMatch(/never send a password/);
  });

  it('cannot send a message full of links', async () => {
    const before = (await mailToAda()).length;
    const links = ['https://evil.example/a', 'http://evil.example/b', 'www.evil.example/c'].join(' ');
    const res = await contact('ada', { message: `${MESSAGE} ${links}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body.message may hold at most 2 links: keep the one to the role, and say the rest in words');
    expect(await mailToAda()).toHaveLength(before);
  });

  it('cannot send one candidate more than the daily quota, from any number of accounts', async () => {
    const sent = (await mailToAda()).length;
    const answers = [];
    for (let i = 0; i < MESSAGES_PER_CANDIDATE.max + 2; i++) {
      answers.push(await contact('ada', { message: MESSAGE }, (await createRecruiter(t)).auth));
    }
    const accepted = answers.filter((a) => a.statusCode === 202).length;
    expect(accepted).toBe(MESSAGES_PER_CANDIDATE.max - sent);
    const refused = answers.at(-1)!;
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().message).toMatch(/the most we pass on\. Try again after \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in \d+ hours?\)/);
    expect(await mailToAda()).toHaveLength(MESSAGES_PER_CANDIDATE.max);
    // Another candidate is not affected.
    expect((await contact('grace', { message: MESSAGE })).statusCode).toBe(202);
  });

  it('mints no removal token per message, and puts no one-click removal link where a reply hands it to the sender', async () => {
    const mails = await mailToAda();
    expect(mails.length).toBeGreaterThan(1);
    for (const mail of mails) {
      expect(mail.links.filter((l) => new URL(l).pathname === '/remove')).toEqual([]);
      expect(mail.text).toContain('To hide or remove your profile, ask for a link at http://lifeline.test/manage');
    }
    const stored = await t.app.db.selectFrom('profile_tokens').select('id').where('profile_id', '=', adaId).execute();
    expect(stored).toEqual([]);
  });

  it('cannot hide more links than the cap behind bare domains or glued schemes', async () => {
    const sneaky = 'evil-one.example/login and evil-two.example/x, xhttps://evil-three.example';
    const res = await contact('grace', { message: `${MESSAGE} ${sneaky}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/at most 2 links/);
  });
});
