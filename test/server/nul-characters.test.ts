import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appWithOrganizer, createList, importCsv, importStatus, reportOf, uploadCsv } from '../helpers/organizer.js';

/** Postgres stores no NUL character: wherever one comes in, the answer is a 4xx or a failed row, never a 500. */
describe('NUL characters in requests and files', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  it('refuses a path holding %00 with a 400 that says so', async () => {
    for (const url of ['/api/lists/a%00b', '/api/profiles/a%00b', '/api/imports/1%00', '/a%00b']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/NUL character/);
    }
  });

  it('does not take an email address holding a NUL for an address', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: 'a\u0000b@example.org' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/email/);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'a\u0000@example.org', password: 'whatever-it-is' } });
    expect(signIn.statusCode).toBe(401);
  });

  it('fails the rows that hold one, with their report in U+FFFD, and imports the others', async () => {
    const list = await createList(t, token);
    const status = await importCsv(t, token, list.slug, 'Name,Email,City\nNul Email,a\u0000b@example.org,\nNul City,nul-city@example.org,Ber\u0000lin\nFine,fine@example.org,\n');
    expect(status.status).toBe('done');
    expect(status.counts).toMatchObject({ total: 3, created: 1, failed: 2 });
    const report = await reportOf(t, token, status.id);
    expect(report).toContain('2,failed,The row contains a NUL character');
    expect(report).toContain('Nul City,nul-city@example.org,Ber\uFFFDlin');
  });

  it('fails a file whose header holds one, saying which encoding to choose', async () => {
    const status = await importCsv(t, token, (await createList(t, token)).slug, 'Na\u0000me,Email\nA,a@example.org\n');
    expect(status.status).toBe('failed');
    expect(status.error).toMatch(/UTF-16/);
  });

  it('refuses a mapping that names a column with one, and drops one from the file name', async () => {
    const list = await createList(t, token);
    const mapped = await uploadCsv(t, token, list.slug, 'Name,Email\nA,a@example.org\n', { mapping: { email: 'E\u0000mail' } });
    expect(mapped.statusCode).toBe(400);
    expect(mapped.json().message).toMatch(/mapping\.email contains a NUL character/);
    const named = await uploadCsv(t, token, list.slug, 'Name,Email\nNamed,named@example.org\n', {}, 'li\u0000st.csv');
    expect(named.statusCode, named.body).toBe(202);
    await t.app.imports.idle();
    expect((await importStatus(t, token, named.json().id)).fileName).toBe('list.csv');
  });
});
