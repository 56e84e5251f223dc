import { describe, expect, it } from 'vitest';
import { contactMail } from '../../../server/mail/contact.js';
import { escapeHtml } from '../../../server/mail/layout.js';
import { manageLinkMail } from '../../../server/mail/manage-link.js';
import { verifyMail } from '../../../server/mail/verify.js';

const EVIL = `"><img src=x onerror=alert(1)>&'`;

describe('mail templates', () => {
  const verify = verifyMail({ verifyUrl: 'https://l.test/verify?token=a&b="c', removalUrl: 'https://l.test/remove?token=r' });
  const manage = [true, false].map((alreadyListed) =>
    manageLinkMail({ name: EVIL, manageUrl: 'https://l.test/manage?token=m', removalUrl: 'https://l.test/remove?token=r', alreadyListed }),
  );
  const contact = contactMail({
    name: EVIL,
    from: { name: EVIL, company: EVIL, domain: 'acme.example', personalDomain: false },
    message: `${EVIL}\nsecond line`,
    profileUrl: 'https://l.test/p/x',
    manageUrl: 'https://l.test/manage',
    links: { blockRecruiter: 'https://l.test/b1', blockCompany: 'https://l.test/b2', report: 'https://l.test/r' },
  });

  it('escapes every value in the HTML and keeps it as typed in the text', () => {
    for (const mail of [...manage, contact]) {
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain(escapeHtml(EVIL));
      expect(mail.text).toContain(EVIL);
    }
    expect(verify.html).not.toContain('b="c');
  });

  it('puts the one-click removal link in every mail about a profile that only its owner reads, in both bodies', () => {
    for (const mail of [verify, ...manage]) {
      expect(mail.text).toContain('https://l.test/remove?token=r');
      expect(mail.html).toContain('href="https://l.test/remove?token=r"');
    }
  });

  it('leaves it out of a relayed message, whose reply quotes it to a stranger, and says where to remove instead', () => {
    expect(contact.text).not.toContain('/remove?token=');
    expect(contact.text).toContain('https://l.test/manage');
  });
});
