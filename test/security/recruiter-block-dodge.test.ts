import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter, signedUpRecruiter } from '../helpers/recruiter.js';

const MESSAGE = 'Hello again, I really think we should talk about the role, please answer me this time.';

/**
 * A stalker with a recruiter account on a domain of their own is blocked by the person they
 * write to. They open another mailbox on the same domain, sign up again (verified at once: a
 * company domain) and write again.
 */
describe('a blocked recruiter coming back with a new account on the same domain', () => {
  let t: TestApp;
  const mailTo = (email: string) => t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', email).orderBy('id', 'desc').execute();
  const contact = (slug: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/api/profiles/${slug}/contact`, headers, payload: { message: MESSAGE } });

  beforeAll(async () => {
    t = await createTestApp();
    await insertProfiles(t.app.db, [
      { slug: 'blocker', name: 'Bea Blocker', skills: ['Go'], email: 'bea@example.org' },
      { slug: 'bystander', name: 'Bo Bystander', skills: ['Go'], email: 'bo@example.org' },
    ]);
  });
  afterAll(() => t.close());

  it('is dropped in silence like the blocked account; people who blocked no one still hear from the domain', async () => {
    const first = await createRecruiter(t, 'verified', { email: 'me@obsessed.example' });
    expect((await contact('blocker', first.auth)).statusCode).toBe(202);
    const [mail] = await mailTo('bea@example.org');
    const link = mail!.links.find((l) => l.includes('token=block-recruiter.'))!;
    const block = await t.app.inject({ method: 'POST', url: '/api/message-actions', payload: { token: new URL(link).searchParams.get('token') } });
    expect(block.statusCode).toBe(200);

    const second = await signedUpRecruiter(t, 'obsessed.example');
    expect(second.state).toBe('verified');
    const again = await contact('blocker', second.headers);
    expect(again.statusCode).toBe(202);
    expect(await mailTo('bea@example.org')).toHaveLength(1);

    expect((await contact('bystander', second.headers)).statusCode).toBe(202);
    expect(await mailTo('bo@example.org')).toHaveLength(1);
  });
});
