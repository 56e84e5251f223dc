import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../server/mail/layout.js';
import { manageLinkMail } from '../../../server/mail/manage-link.js';
import { verifyMail } from '../../../server/mail/verify.js';

const EVIL = `"><img src=x onerror=alert(1)>&'`;

describe('mail templates', () => {
  const mails = [
    verifyMail({ name: EVIL, headline: EVIL, verifyUrl: 'https://l.test/verify?token=a&b="c', removalUrl: 'https://l.test/remove?token=r' }),
    manageLinkMail({ name: EVIL, manageUrl: 'https://l.test/manage?token=m', removalUrl: 'https://l.test/remove?token=r', alreadyListed: true }),
    manageLinkMail({ name: EVIL, manageUrl: 'https://l.test/manage?token=m', removalUrl: 'https://l.test/remove?token=r', alreadyListed: false }),
  ];

  it('escapes every value in the HTML and keeps it as typed in the text', () => {
    for (const mail of mails) {
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain(escapeHtml(EVIL));
      expect(mail.text).toContain(EVIL);
      expect(mail.html).not.toContain('b="c');
    }
  });

  it('puts the one-click removal link in every mail about a profile, in both bodies', () => {
    for (const mail of mails) {
      expect(mail.text).toContain('https://l.test/remove?token=r');
      expect(mail.html).toContain('href="https://l.test/remove?token=r"');
    }
  });
});
