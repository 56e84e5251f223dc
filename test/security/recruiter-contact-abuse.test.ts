import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecruiterState } from '../../db/schema.js';
import { MESSAGES_PER_RECRUITER } from '../../server/services/limits.js';
import { REPORTS_TO_SUSPEND } from '../../server/services/message-actions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganizer } from '../helpers/organizer.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter } from '../helpers/recruiter.js';

const MESSAGE = 'Hello, we are hiring platform engineers in Berlin and your profile fits what we need.';

/**
 * People who should not reach candidates try the contact relay anyway: without an account, with
 * one that is not verified, in review or suspended; after the candidate blocked them or their
 * company; more often than the quotas allow. And candidates' one-click links are forged or
 * pre-fetched by a mail scanner.
 */
describe('abusing the contact relay', () => {
  let t: TestApp;
  let ids: Map<string, number>;
  const people = Array.from({ length: MESSAGES_PER_RECRUITER.max + 2 }, (_, i) => ({
    slug: `person-${i}`,
    name: `Person ${i}`,
    skills: ['Go'],
    email: `person${i}@example.org`,
  }));
  const contact = (slug: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/api/profiles/${slug}/contact`, headers, payload: { message: MESSAGE } });
  const mailTo = (email: string) => t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', email).orderBy('id', 'desc').execute();
  const actionToken = async (email: string, action: string) => {
    const [mail] = await mailTo(email);
    const link = mail!.links.find((l) => l.includes(`token=${action}.`));
    return new URL(link!).searchParams.get('token')!;
  };
  const act = (token: string) => t.app.inject({ method: 'POST', url: '/api/message-actions', payload: { token } });
  const stateOf = async (id: number) => (await t.app.db.selectFrom('users').select('recruiter_state').where('id', '=', id).executeTakeFirstOrThrow()).recruiter_state;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await insertProfiles(t.app.db, people);
  });
  afterAll(() => t.close());

  it('a stranger without an account is asked to sign in, and nothing is sent', async () => {
    const res = await contact('person-0', {});
    expect(res.statusCode).toBe(401);
    expect(await mailTo('person0@example.org')).toEqual([]);
  });

  it.each<RecruiterState>(['unverified', 'in_review', 'suspended'])('a recruiter %s is refused with 403, and nothing is sent or stored', async (state) => {
    const { auth } = await createRecruiter(t, state);
    const res = await contact('person-0', auth);
    expect(res.statusCode).toBe(403);
    expect(await mailTo('person0@example.org')).toEqual([]);
    expect(await t.app.db.selectFrom('contact_requests').select('id').execute()).toEqual([]);
  });

  it('a blocked recruiter is told "sent" as usual, and nothing reaches the candidate or is stored', async () => {
    const stalker = await createRecruiter(t, 'verified', { email: 'stalker@stalk-co.example' });
    expect((await contact('person-1', stalker.auth)).statusCode).toBe(202);
    const block = await act(await actionToken('person1@example.org', 'block-recruiter'));
    expect(block.statusCode).toBe(200);
    expect(block.json()).toEqual({ action: 'block-recruiter', message: 'Done: this recruiter can no longer write to you through Lifeline.' });
    const before = await t.app.db.selectFrom('contact_requests').select('id').execute();

    const again = await contact('person-1', stalker.auth);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ status: 'sent' });
    expect(await mailTo('person1@example.org')).toHaveLength(1);
    expect(await t.app.db.selectFrom('contact_requests').select('id').execute()).toEqual(before);
    // A colleague on another domain still can; other candidates still hear from the stalker.
    expect((await contact('person-1', (await createRecruiter(t)).auth)).statusCode).toBe(202);
    expect(await mailTo('person1@example.org')).toHaveLength(2);
    expect((await contact('person-2', stalker.auth)).statusCode).toBe(202);
    expect(await mailTo('person2@example.org')).toHaveLength(1);
  });

  it('a company block stops every recruiter of its domain, including accounts opened after it', async () => {
    const first = await createRecruiter(t, 'verified', { email: 'one@pushy-agency.example' });
    await contact('person-3', first.auth);
    expect((await act(await actionToken('person3@example.org', 'block-company'))).statusCode).toBe(200);
    const later = await createRecruiter(t, 'verified', { email: 'two@pushy-agency.example' });
    expect((await contact('person-3', later.auth)).statusCode).toBe(202);
    expect(await mailTo('person3@example.org')).toHaveLength(1);
  });

  it('a spammer is stopped at the daily quota per recruiter, with Retry-After and when to try again', async () => {
    const spammer = await createRecruiter(t);
    const answers = [];
    for (const person of people.slice(0, MESSAGES_PER_RECRUITER.max + 1)) answers.push(await contact(person.slug, spammer.auth));
    expect(answers.map((a) => a.statusCode)).toEqual([...Array(MESSAGES_PER_RECRUITER.max).fill(202), 429]);
    const sent = await t.app.db.selectFrom('contact_requests').select('id').where('recruiter_id', '=', spammer.user.id).execute();
    expect(sent).toHaveLength(MESSAGES_PER_RECRUITER.max);
    expect(await mailTo(people[MESSAGES_PER_RECRUITER.max]!.email)).toEqual([]);
    const refused = answers.at(-1)!;
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    expect(refused.json().message).toMatch(/^You have sent 20 messages through Lifeline in the last 24 hours, the most a recruiter can send\. Try again after \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in 24 hours\)\.$/);
  });

  it(`${REPORTS_TO_SUSPEND} reports from different candidates suspend the account until an admin approves it again`, async () => {
    const abuser = await createRecruiter(t, 'verified', { email: 'abuser@scam-co.example' });
    const targets = people.slice(10, 10 + REPORTS_TO_SUSPEND);
    for (const person of targets) expect((await contact(person.slug, abuser.auth)).statusCode).toBe(202);
    const first = await actionToken(targets[0]!.email, 'report');
    expect((await act(first)).json().action).toBe('report');
    // One candidate reporting twice counts once.
    await act(first);
    await act(await actionToken(targets[1]!.email, 'report'));
    expect(await stateOf(abuser.user.id)).toBe('verified');
    await act(await actionToken(targets[2]!.email, 'report'));
    expect(await stateOf(abuser.user.id)).toBe('suspended');
    expect((await contact('person-20', abuser.auth)).statusCode).toBe(403);

    const admin = (await createOrganizer(t, 'admin')).auth;
    const review = (await t.app.inject({ method: 'GET', url: '/api/admin/recruiters', headers: admin })).json();
    expect(review.recruiters.find((r: { id: number }) => r.id === abuser.user.id)).toMatchObject({ state: 'suspended', reports: REPORTS_TO_SUSPEND });
    await t.app.inject({ method: 'POST', url: `/api/admin/recruiters/${abuser.user.id}/approve`, headers: admin });
    expect(await stateOf(abuser.user.id)).toBe('verified');
    // The count starts afresh: old reports do not suspend again.
    const after = (await t.app.inject({ method: 'GET', url: '/api/admin/recruiters', headers: admin })).json();
    expect(after.recruiters.find((r: { id: number }) => r.id === abuser.user.id)).toBeUndefined();
  });

  it('a forged or altered link does nothing', async () => {
    const real = await actionToken('person1@example.org', 'block-recruiter');
    const [, profile, recruiter, mac] = real.split('.');
    const forged = [
      `report.${profile}.${recruiter}.${mac}`,
      `block-recruiter.${ids.get('person-5')}.${recruiter}.${mac}`,
      `block-recruiter.${profile}.${recruiter}.${'A'.repeat(43)}`,
      'block-recruiter.1.2',
    ];
    const reportsBefore = await t.app.db.selectFrom('abuse_reports').select('id').execute();
    for (const token of forged) {
      const res = await act(token);
      expect(res.statusCode, token).toBe(400);
      expect(res.json().message).toContain('This link is not valid');
    }
    expect(await t.app.db.selectFrom('abuse_reports').select('id').execute()).toEqual(reportsBefore);
  });

  it("a mail scanner fetching a link's page changes nothing: only the page's button does", async () => {
    const spare = await createRecruiter(t, 'verified', { email: 'fine@decent-co.example' });
    await contact('person-21', spare.auth);
    const [mail] = await mailTo('person21@example.org');
    const blocksBefore = await t.app.db.selectFrom('recruiter_blocks').select('id').execute();
    for (const link of mail!.links.filter((l) => new URL(l).pathname === '/message-action')) {
      const url = new URL(link);
      const res = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(await t.app.db.selectFrom('recruiter_blocks').select('id').execute()).toEqual(blocksBefore);
    expect(await stateOf(spare.user.id)).toBe('verified');
  });
});
