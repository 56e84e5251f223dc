import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';

interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe; names and values are ours, never a stranger's text. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * A mail that could not be sent, told without the words of the failure: nodemailer's errors
 * quote the recipient (in their message, `response`, `rejected`), a Postgres error its row, and
 * addresses stay out of logs. What is kept says why: nodemailer's code (EENVELOPE, EAUTH,
 * ECONNECTION…) or Postgres's, the SMTP reply code (550…) and the command it answered.
 */
class MailSendError extends Error {
  override name = 'MailSendError';
  readonly code: string | undefined;
  readonly responseCode: number | undefined;
  readonly command: string | undefined;

  constructor(failure: unknown) {
    const { code, responseCode, command } = failure as { code?: unknown; responseCode?: unknown; command?: unknown };
    const safeCode = typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
    const safeResponse = typeof responseCode === 'number' ? responseCode : undefined;
    const safeCommand = typeof command === 'string' && /^[A-Z][A-Z0-9 -]{0,30}$/.test(command) ? command : undefined;
    const smtp = safeResponse ? ` (SMTP ${safeResponse}${safeCommand ? ` at ${safeCommand}` : ''})` : '';
    super(`sending a mail failed: ${safeCode ?? 'unknown error'}${smtp}`);
    this.code = safeCode;
    this.responseCode = safeResponse;
    this.command = safeCommand;
  }
}

const LINK = /https?:\/\/[^\s<>"')]+/g;

/**
 * Mail over SMTP_URL, or, without it, kept in Postgres for the dev mailbox (the `dev_mail`
 * table). Its `send` rejects with a MailSendError only, whatever failed.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string; db: Db }): Mailer {
  const { send, close } = transport(options);
  return {
    send: (message) =>
      send(message).catch((failure: unknown) => {
        throw new MailSendError(failure);
      }),
    close,
  };
}

/** The way mail leaves, with its own errors. */
function transport(options: { smtpUrl: string | undefined; from: string; db: Db }): Mailer {
  if (options.smtpUrl) {
    const smtp = nodemailer.createTransport(options.smtpUrl);
    return {
      send: async (message) => {
        await smtp.sendMail({ from: options.from, ...message });
      },
      close: async () => smtp.close(),
    };
  }
  return {
    send: async (message) => {
      await options.db
        .insertInto('dev_mail')
        .values({
          to_address: message.to,
          reply_to: message.replyTo ?? null,
          subject: message.subject,
          text: message.text,
          html: message.html ?? null,
          links: [...new Set(message.text.match(LINK) ?? [])],
          headers: message.headers ? JSON.stringify(message.headers) : null,
        })
        .execute();
    },
    close: async () => undefined,
  };
}
