import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { joinForm, mailTo, publishedProfile } from '../helpers/opt-in.js';

/**
 * Someone who holds one removal link (from a mail that reached them somehow) tries to remove
 * other people with it; every mail to the same person must carry the same, single link.
 */
describe('forging removal links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const removalTokens = async (email: string) =>
    (await mailTo(t.app, email)).flatMap((m) => m.links.filter((l) => new URL(l).pathname === '/remove').map((l) => new URL(l).searchParams.get('token')!));
  const remove = (token: string) => t.app.inject({ method: 'POST', url: '/api/profiles/remove', payload: { token } });

  it('gives every mail to one person the same link, stores none, and no other profile id can be signed with its code', async () => {
    const ada = await publishedProfile(t.app, joinForm());
    const grace = await publishedProfile(t.app, joinForm());
    await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: ada.form.email } });
    const tokens = new Set(await removalTokens(ada.form.email));
    expect(tokens.size).toBe(1);
    const [token] = [...tokens];
    const [adaId, mac] = token!.split('.');
    expect(await t.app.db.selectFrom('profile_tokens').select('id').where('purpose', '=', 'remove').execute()).toEqual([]);

    const graceId = (await t.app.db.selectFrom('profiles').select('id').where('email', '=', grace.form.email).executeTakeFirstOrThrow()).id;
    for (const forged of [`${graceId}.${mac}`, `${adaId}.${'A'.repeat(43)}`, `${adaId}.${mac!.slice(0, 42)}`, `9999999999.${mac}`]) {
      expect((await remove(forged)).statusCode, forged).toBe(400);
    }
    expect((await t.app.db.selectFrom('profiles').select('status').where('id', '=', graceId).executeTakeFirstOrThrow()).status).toBe('published');

    expect((await remove(token!)).statusCode).toBe(200);
    expect((await t.app.db.selectFrom('profiles').select('status').where('id', '=', Number(adaId)).executeTakeFirstOrThrow()).status).toBe('removed');
  });
});
