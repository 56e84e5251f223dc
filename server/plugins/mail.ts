import fp from 'fastify-plugin';
import { createMailer, type Mailer } from '../mail/mailer.js';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

export default fp(
  async (app) => {
    const { smtpUrl, devMailbox } = app.config;
    const mailer = createMailer({ smtpUrl, from: app.config.mailFrom, db: app.db });
    if (!smtpUrl && !devMailbox) {
      app.log.warn(
        'no SMTP_URL, and the dev mailbox is off (HOST is not loopback, or DEV_MAILBOX=0): mail is kept in Postgres ' +
          '(table dev_mail) and shown to no one; set SMTP_URL to send it, or DEV_MAILBOX=1 to read it from this machine',
      );
    }
    app.decorate('mailer', mailer);
    app.addHook('onClose', async () => mailer.close());
  },
  { name: 'mail', dependencies: ['config', 'stores'] },
);
