import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { MANAGE_LINK_SENT, OPT_IN_ACCEPTED } from '../../server/services/opt-in.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { captureLogs } from '../helpers/log-capture.js';
import { joinForm, mailTo, publishedProfile } from '../helpers/opt-in.js';
import { health, processesMentioning, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ATTACKER = '203.0.113.66';
const ABSENT = (path: string) => ({ statusCode: 404, error: 'Not Found', message: `No route GET ${path}` });

/**
 * The dev mailbox holds every link Lifeline mails when it sends no real mail: whoever reads it can
 * ask a manage link for anyone's address and take the profile over. It must answer nobody but a
 * client on the machine itself, connected directly.
 */
describe('the dev mailbox, attacked', () => {
  let t: TestApp;
  let victim: Awaited<ReturnType<typeof publishedProfile>>;

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
    victim = await publishedProfile(t.app);
  });
  afterAll(async () => t?.close());

  const unusedManageTokens = async () =>
    (await t.app.db.selectFrom('profile_tokens').select('id').where('purpose', '=', 'manage').where('used_at', 'is', null).execute()).length;

  it('an attacker on the internet asks a manage link for the victim, then finds no mailbox to read it from', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/api/profiles/${victim.slug}` });
    const asked = await t.app.inject({
      method: 'POST', url: '/api/profiles/manage-link', remoteAddress: ATTACKER, payload: { email: victim.form.email },
    });
    expect(asked.statusCode).toBe(202);
    // Nothing in a public answer tells that mail is kept on this machine, or where.
    expect(asked.json()).toEqual({ message: MANAGE_LINK_SENT });

    for (const url of [`/api/dev/mail?to=${encodeURIComponent(victim.form.email)}`, '/api/dev/mail']) {
      const read = await t.app.inject({ method: 'GET', url, remoteAddress: ATTACKER });
      // The 404 of a path that does not exist, also without `to`: a 400 would tell the route is there.
      expect(read.statusCode, url).toBe(404);
      expect(read.json()).toEqual(ABSENT('/api/dev/mail'));
    }

    // The link went to the mailbox on this machine, unread and unused; the profile is as it was.
    await t.app.optIn.mailSettled();
    expect(await unusedManageTokens()).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/profiles/${victim.slug}` })).json()).toEqual(before.json());
  });

  it('an attacker whose request a reverse proxy on this machine forwards (so it comes from loopback) gets the same 404', async () => {
    const headers = [
      { 'x-forwarded-for': ATTACKER },
      { forwarded: `for=${ATTACKER};proto=https` },
      { 'x-real-ip': ATTACKER },
      { 'X-Client-IP': ATTACKER },
      { 'true-client-ip': ATTACKER },
      { 'cf-connecting-ip': ATTACKER },
      { 'x-forwarded-host': 'lifeline.example.org' },
      { via: '1.1 nginx' },
      // A proxy that adds no header at all (nginx's plain proxy_pass, ssh -R) still names the public host.
      { host: 'lifeline.example.org' },
      // A page on another site whose name now resolves to 127.0.0.1 (DNS rebinding) names its own host.
      { host: 'rebind.evil.example:3000' },
    ];
    for (const header of headers) {
      const read = await t.app.inject({
        method: 'GET', url: `/api/dev/mail?to=${encodeURIComponent(victim.form.email)}`, remoteAddress: '127.0.0.1', headers: header,
      });
      expect(read.statusCode, JSON.stringify(header)).toBe(404);
      expect(read.json()).toEqual(ABSENT('/api/dev/mail'));
    }
  });

  it('the person at the laptop reads the mail of one address, and never the whole mailbox at once', async () => {
    const [mail] = await mailTo(t.app, victim.form.email);
    expect(mail!.links.some((link) => new URL(link).pathname === '/manage')).toBe(true);

    const all = await t.app.inject({ method: 'GET', url: '/api/dev/mail', remoteAddress: '127.0.0.1' });
    expect(all.statusCode).toBe(400);
    expect(all.json().message).toBe('querystring.to is required');
  });
});

describe('a Lifeline where mail has nowhere to go', () => {
  it('on all interfaces without SMTP_URL, keeps mail in Postgres, serves no mailbox even to loopback, and warns once', async () => {
    const logs = captureLogs('warn');
    const t = await createTestApp({ HOST: '0.0.0.0' }, { worker: false, logger: logs.logger });
    try {
      const form = joinForm();
      const joined = await t.app.inject({ method: 'POST', url: '/api/profiles', remoteAddress: ATTACKER, payload: form });
      expect(joined.json()).toEqual({ message: OPT_IN_ACCEPTED });
      await t.app.optIn.mailSettled();

      const read = await t.app.inject({ method: 'GET', url: `/api/dev/mail?to=${encodeURIComponent(form.email)}`, remoteAddress: '127.0.0.1' });
      expect(read.statusCode).toBe(404);
      const kept = await t.app.db.selectFrom('dev_mail').select('subject').where('to_address', '=', form.email).execute();
      expect(kept).toEqual([{ subject: 'Confirm your Lifeline profile' }]);
      expect(logs.text().match(/mail is kept in Postgres/g)).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('DEV_MAILBOX=1 forces the mailbox on (still for direct loopback clients only); 0 forces it off', () => {
    expect(loadConfig({ HOST: '0.0.0.0', DEV_MAILBOX: '1' }).devMailbox).toBe(true);
    expect(loadConfig({ DEV_MAILBOX: '0' }).devMailbox).toBe(false);
    expect(loadConfig({}).devMailbox).toBe(true);
    expect(loadConfig({ HOST: '::' }).devMailbox).toBe(false);
    expect(loadConfig({ SMTP_URL: 'smtp://mail.internal:25' }).devMailbox).toBe(false);
    // A public https address means a deployment, even on a loopback HOST behind a proxy.
    expect(loadConfig({ PUBLIC_URL: 'https://lifeline.example.org' }).devMailbox).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).devMailbox).toBe(true);
  });

  it('answers a NUL in the address with a 400, not a 500', async () => {
    const t = await createTestApp({}, { worker: false });
    try {
      const read = await t.app.inject({ method: 'GET', url: '/api/dev/mail?to=%00', remoteAddress: '127.0.0.1' });
      expect(read.statusCode).toBe(400);
    } finally {
      await t.close();
    }
  });
});

describe('NODE_ENV=production without SMTP_URL', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (!server) return;
    server.child.kill('SIGKILL');
    for (const pid of await processesMentioning(server.dataDir)) process.kill(pid, 'SIGKILL');
    await rm(server.dataDir, { recursive: true, force: true });
  }, 30_000);

  it('refuses to start, in one line that names the variables and the fix, before anything listens', async () => {
    server = await startServerProcess(undefined, { NODE_ENV: 'production', PUBLIC_URL: 'https://lifeline.example.org', SMTP_URL: '' });
    expect(await server.exited).toBe(2);
    const said = server.output().trim();
    expect(said.split('\n')).toHaveLength(1);
    expect(said).toMatch(/^Invalid configuration: SMTP_URL: required with NODE_ENV=production.*DEV_MAILBOX=1/);
    expect(await health(server.url)).toBeUndefined();
    expect(await processesMentioning(server.dataDir)).toEqual([]);
  });

  it('starts with DEV_MAILBOX=1, the mailbox still for direct loopback clients only', () => {
    const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://lifeline.example.org', DEV_MAILBOX: '1' });
    expect(config).toMatchObject({ production: true, devMailbox: true, smtpUrl: undefined });
  });
});
