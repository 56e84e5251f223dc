import { describe, expect, it } from 'vitest';
import { contactMail } from '../../../server/mail/contact.js';
import { hiddenAsStaleMail, stillLookingMail } from '../../../server/mail/freshness.js';
import { escapeHtml } from '../../../server/mail/layout.js';
import { manageLinkMail } from '../../../server/mail/manage-link.js';
import { savedSearchAlertMail } from '../../../server/mail/saved-search-alert.js';
import { sheetSyncPausedMail } from '../../../server/mail/sheet-sync-paused.js';
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

  // The list's title is the organizer's, the reason may quote the sheet's own headers.
  const paused = sheetSyncPausedMail({ listTitle: EVIL, sheetUrl: 'https://l.test/sheet.csv', reason: EVIL, organizeUrl: 'https://l.test/organize' });

  const freshnessLinks = {
    name: EVIL,
    confirmUrl: 'https://l.test/confirm?token=c&x="y',
    hiredUrl: 'https://l.test/hired?token=c',
    removalUrl: 'https://l.test/remove?token=r',
  };
  const freshness = [stillLookingMail({ ...freshnessLinks, confirmedDaysAgo: 61, hideAfterDays: 14 }), hiddenAsStaleMail(freshnessLinks)];

  it('gives the freshness mails both answers and the removal link, in the text and the HTML', () => {
    for (const mail of freshness) {
      for (const url of ['https://l.test/hired?token=c', 'https://l.test/remove?token=r']) {
        expect(mail.text).toContain(url);
        expect(mail.html).toContain(escapeHtml(url));
      }
      expect(mail.text).toContain('https://l.test/confirm?token=c&x="y');
      expect(mail.html).not.toContain('x="y');
      expect(mail.subject).not.toContain(EVIL);
    }
    expect(freshness[0]!.text).toContain('last confirmed 61 days ago');
    expect(freshness[0]!.text).toContain('in 14 days');
  });

  const alert = savedSearchAlertMail({
    recruiterName: EVIL,
    searchName: EVIL,
    cadence: 'daily',
    since: new Date('2026-12-01T00:00:00Z'),
    total: 3,
    people: [{ name: EVIL, detail: EVIL, url: 'https://l.test/p/x' }],
    seeAllUrl: 'https://l.test/?skills=Go&since=1&saved=1',
    workspaceUrl: 'https://l.test/workspace',
    unsubscribeUrl: 'https://l.test/unsubscribe?token=u',
  });

  it('escapes every value in the HTML and keeps it as typed in the text', () => {
    for (const mail of [...manage, contact, paused, ...freshness, alert]) {
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

  it('keeps what a recruiter or a candidate typed out of an alert\'s subject, and carries its unsubscribe link in both bodies', () => {
    expect(alert.subject).toBe('3 new people match your saved search');
    expect(alert.text).toContain('See all 3 new matches:\nhttps://l.test/?skills=Go&since=1&saved=1');
    expect(alert.text).toContain('Stop these emails, in one click:\nhttps://l.test/unsubscribe?token=u');
    expect(alert.html).toContain('href="https://l.test/unsubscribe?token=u"');
    expect(alert.html).toContain('href="https://l.test/p/x"');
  });

  it('leaves it out of a relayed message, whose reply quotes it to a stranger, and says where to remove instead', () => {
    expect(contact.text).not.toContain('/remove?token=');
    expect(contact.text).toContain('https://l.test/manage');
  });
});
