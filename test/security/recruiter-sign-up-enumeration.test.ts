import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAILS_PER_ADDRESS } from '../../server/services/limits.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { mailTo } from '../helpers/opt-in.js';
import { createOrganizer } from '../helpers/organizer.js';
import { signUpForm, signedUpRecruiter } from '../helpers/recruiter.js';

/**
 * Someone wants to know who has a Lifeline account (a recruiter at a rival, an organizer, an
 * admin) by signing up with their address, or to flood that address with mail.
 */
describe('enumerating accounts through the recruiter sign-up', () => {
  let t: TestApp;
  const signUp = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/recruiters', payload });
  /** The parts of an answer that could differ: status, body and headers other than the per-request ones. */
  const shape = (res: Awaited<ReturnType<typeof signUp>>) => {
    const { date, 'x-request-id': _id, ...headers } = res.headers;
    void date;
    return { status: res.statusCode, body: res.body, headers };
  };

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it('answers an address with a recruiter account, an organizer or admin account, and a new one alike', async () => {
    const recruiter = (await signedUpRecruiter(t)).form.email;
    const admin = (await createOrganizer(t, 'admin')).user.email;
    const fresh = signUpForm().email;
    const answers = [];
    for (const email of [recruiter, admin, fresh]) answers.push(shape(await signUp(signUpForm(undefined, { email }))));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Only the owner of each address learns which it was, by mail.
    expect((await mailTo(t.app, admin))[0]!.subject).toBe('You already have a Lifeline account');
    expect((await mailTo(t.app, fresh))[0]!.subject).toBe('Confirm your Lifeline recruiter account');
    // The admin stays an admin: a sign-up never turns an account into a recruiter's.
    const row = await t.app.db.selectFrom('users').select(['role', 'recruiter_state']).where('email', '=', admin).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'admin', recruiter_state: null });
  });

  it(`sends one address at most ${MAILS_PER_ADDRESS.max} mails an hour, however many sign-ups name it, and answers them all alike`, async () => {
    const victim = signUpForm().email;
    const answers = new Set<string>();
    for (let i = 0; i < MAILS_PER_ADDRESS.max + 4; i++) answers.add(JSON.stringify(shape(await signUp(signUpForm(undefined, { email: victim })))));
    expect(answers.size).toBe(1);
    expect(await mailTo(t.app, victim)).toHaveLength(MAILS_PER_ADDRESS.max);
  });
});
