import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { captureLogs } from '../helpers/log-capture.js';
import { joinForm } from '../helpers/opt-in.js';
import { createList, createOrganizer, importCsv } from '../helpers/organizer.js';
import { writeProfile } from '../helpers/profiles.js';
import { createRecruiter } from '../helpers/recruiter.js';

/**
 * An SMTP server that refuses every recipient the way real ones do, quoting the address:
 * `550 5.1.1 <ada@example.org>: Recipient address rejected`. Nodemailer carries that reply in its
 * error's message, `response` and `rejected`.
 */
async function rejectingSmtpServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((socket) => {
    socket.write('220 mx.test ESMTP\r\n');
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += String(chunk);
      let end: number;
      while ((end = buffered.indexOf('\r\n')) !== -1) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const recipient = /^RCPT TO:\s*<([^>]*)>/i.exec(line)?.[1];
        if (recipient !== undefined) socket.write(`550 5.1.1 <${recipient}>: Recipient address rejected: user unknown\r\n`);
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Who reads the logs (a log vendor, everyone with access to the log pipeline, a support engineer)
 * must not learn who is in the directory. The mail server refuses each recipient and says whom it
 * refused: the failure is logged with its code and SMTP reply code, never with the address.
 */
describe('a mail server that refuses recipients, quoting their address', () => {
  let smtp: Awaited<ReturnType<typeof rejectingSmtpServer>>;
  let t: TestApp;
  const logs = captureLogs('info');
  /** Unique local parts, so that a hit in the log can only come from this test's mail. */
  const address = (who: string) => `${who}.${randomBytes(4).toString('hex')}@example.org`;

  beforeAll(async () => {
    smtp = await rejectingSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url }, { worker: false, logger: logs.logger });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const expectLoggedWithoutAddress = (email: string, line: string) => {
    const text = logs.text();
    const logged = text.split('\n').filter((l) => l.includes(line));
    expect(logged, `no "${line}" in the log`).not.toHaveLength(0);
    expect(text).not.toContain(email.split('@')[0]);
    // What is left says why, for whoever has to fix the mail server.
    for (const entry of logged) expect(JSON.parse(entry).err).toMatchObject({ type: 'MailSendError', code: 'EENVELOPE', responseCode: 550 });
  };

  it('a person joins: their confirmation bounces, and the log says why but not to whom', async () => {
    const form = joinForm({ email: address('joiner') });
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles', payload: form })).statusCode).toBe(202);
    await t.app.optIn.mailSettled();
    expectLoggedWithoutAddress(form.email, 'sending a mail failed');
  });

  it('a recruiter writes to a candidate: the relay bounces, and the log says why but not to whom', async () => {
    const email = address('candidate');
    const slug = `candidate-${randomBytes(4).toString('hex')}`;
    await writeProfile(t.app.db, { slug, status: 'published', email });
    const { auth } = await createRecruiter(t);
    const res = await t.app.inject({
      method: 'POST', url: `/api/profiles/${slug}/contact`, headers: auth,
      payload: { message: 'We are hiring platform engineers in Berlin; your profile fits.' },
    });
    expect(res.statusCode).toBe(503);
    expectLoggedWithoutAddress(email, 'a contact message could not be sent');
  });

  it('an organizer imports a list: the notice to a person on it bounces, and the log says why but not to whom', async () => {
    const { token } = await createOrganizer(t);
    const list = await createList(t, token);
    const email = address('listed');
    const status = await importCsv(t, token, list.slug, `Name,Email,Skills\nListed Person,${email},Go\n`, { attestConsent: true });
    expect(status.counts.created).toBe(1);
    await t.app.imports.sendNotices();
    expectLoggedWithoutAddress(email, 'an import notice could not be sent');
  });
});
