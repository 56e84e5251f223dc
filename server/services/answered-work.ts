import type { Executor } from '../../db/client.js';
import type { Log } from '../logger.js';
import type { RenderedMail } from '../mail/layout.js';
import type { Mailer } from '../mail/mailer.js';
import { MAILS_PER_ADDRESS, takeLimit } from './limits.js';

export type Mail = RenderedMail & { to: string };

/**
 * The work of requests that must not reveal whether an address is known (an opt-in, a manage
 * link, a recruiter sign-up): they are checked and answered, and only then worked on here, so
 * that what the work finds takes the same time to answer whatever it is. Mail goes out when the
 * work is done; a failed mail is logged, never the work undone.
 */
export class AnsweredWork {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: { db: Executor; mailer: Mailer; log: Log }) {}

  /**
   * Works on an answered request in the background; its mail, if any, goes out when it is done.
   * Every request that can mail `address` counts against one limit per address first (counted
   * whether or not a mail follows, so that being limited tells nothing either).
   */
  later(task: string, address: string, work: () => Promise<Mail | undefined>): void {
    const limited = async () => {
      const share = await takeLimit(this.deps.db, { ...MAILS_PER_ADDRESS, key: address.toLowerCase() });
      if (share.ok) return work();
      this.deps.log.info({ task }, 'a request for an address past its hourly mail limit: nothing done or sent');
      return undefined;
    };
    const done = limited()
      .then(
        (mail) =>
          mail &&
          this.deps.mailer
            .send({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html })
            // A MailSendError: says why, never to whom.
            .catch((err: unknown) => this.deps.log.error({ err, task }, 'sending a mail failed')),
        (err: unknown) => {
          // A database error's detail may quote the address: only what failed is logged.
          const { name, code } = err as { name?: string; code?: string };
          this.deps.log.error({ task, error: { name, code } }, 'working on an answered request failed');
        },
      )
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Resolves when every request answered so far was worked on and its mail sent or failed (for shutdown and tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
