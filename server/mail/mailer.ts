import nodemailer from 'nodemailer';
import type { Db } from '../db/client.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

const LINK = /https?:\/\/[^\s<>"')]+/g;

/** Mail over SMTP_URL, or, without it, the dev mailbox (the `dev_mail` table). */
export function createMailer(options: { smtpUrl: string | undefined; from: string; db: Db }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      send: async (message) => {
        await transport.sendMail({ from: options.from, ...message });
      },
      close: async () => transport.close(),
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
        })
        .execute();
    },
    close: async () => undefined,
  };
}
