import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchProblems } from '../../tools/browser.js';
import type { TestApp } from '../helpers/app.js';
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { messageActionLink } from '../../server/services/message-actions.js';
import { unsubscribeLinks } from '../../server/services/alert-links.js';
import { insertProfiles } from '../helpers/profiles.js';
import { createRecruiter } from '../helpers/recruiter.js';
import { talentCrowd } from '../helpers/talent.js';

const PASSWORD = 'recruiter password 1';

describe('the recruiter workspace in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;

  beforeAll(async () => {
    ({ t, browser, base, close } = await startBrowserApp());
    await insertProfiles(t.app.db, talentCrowd(40));
  });
  afterAll(() => close?.());

  it.each([1280, 375])('signs in, saves a search, adds two people to a shortlist with a note, downloads the export (%i px)', async (width) => {
    const { user } = await createRecruiter(t, 'verified', { password: PASSWORD });
    const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
    const problems = watchProblems(page);

    await page.goto(`${base}/workspace`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Saved searches' }).count()).toBe(1);

    // Save a search, by keyboard.
    await page.goto(`${base}/?skills=Go&country=US`);
    await expect.poll(() => page.locator('ll-profile-card').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Save this search' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Name of this search').inputValue()).toContain('Go');
    await page.getByLabel('Name of this search').fill(`Go in the US ${width}`);
    await page.getByLabel('Email me new matches').selectOption('daily');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved as' }).textContent()).toContain(`Go in the US ${width}`);

    // Two people onto a new shortlist: the first starts it, the second picks it.
    const names = await page.locator('ll-profile-card h3 a').allTextContents();
    const first = page.locator('ll-profile-card').nth(0);
    await first.getByRole('button', { name: 'Add to shortlist' }).click();
    await first.getByLabel('New shortlist name').fill(`Call this week ${width}`);
    await first.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => first.getByRole('status').textContent()).toContain(`Added ${names[0]}`);
    const second = page.locator('ll-profile-card').nth(1);
    await second.getByRole('button', { name: 'Add to shortlist' }).click();
    await second.getByRole('button', { name: new RegExp(`^Call this week ${width}`) }).click();
    await expect.poll(() => second.getByRole('status').textContent()).toContain(`Added ${names[1]}`);
    await screenshot(page, `workspace-search-${width}`);

    // The workspace: the saved search, the shortlist, a note, the export.
    await page.goto(`${base}/workspace`);
    await expect.poll(() => page.getByRole('link', { name: `Run Go in the US ${width}` }).count()).toBe(1);
    await page.getByRole('button', { name: `Open Call this week ${width}` }).click();
    await expect.poll(() => page.locator('ll-shortlist-detail li').count()).toBe(2);
    await page.getByLabel(`Private note about ${names[0]}`).fill('=SUM(A1) Strong Go; call Tuesday.');
    await page.getByRole('button', { name: 'Save note' }).first().click();
    await expect.poll(() => page.getByText('Saved', { exact: true }).count()).toBe(1);
    await screenshot(page, `workspace-${width}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`shortlist-call-this-week-${width}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFName,Headline')).toBe(true);
    expect(csv).toContain(names[0]!);
    expect(csv).toContain(names[1]!);
    expect(csv).toContain("'=SUM(A1)");
    expect(csv).not.toContain('@example.org');

    // Run the saved search from the workspace: the search page opens with its filters.
    await page.getByRole('link', { name: `Run Go in the US ${width}` }).click();
    await expect.poll(() => new URL(page.url()).search).toContain('skills=Go');
    await expect.poll(() => page.locator('ll-profile-card').count()).toBeGreaterThan(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks results new since the last visit, and the alert mail reads well', async () => {
    const recruiter = await createRecruiter(t, 'verified', { password: PASSWORD });
    const saved = (await t.app.inject({ method: 'POST', url: '/api/saved-searches', headers: recruiter.auth, payload: { name: 'Kotlin', query: 'skills=Kotlin', alert: 'daily' } })).json();
    const savedAt = new Date(saved.createdAt);
    await t.app.inject({ method: 'POST', url: `/api/saved-searches/${saved.id}/visit`, headers: recruiter.auth });
    await insertProfiles(t.app.db, [
      { slug: 'kotlin-newcomer', name: 'Nadia Newcomer', headline: 'Android apps in Kotlin', role: 'Mobile Engineer', skills: ['Kotlin'], city: 'Lyon', country: 'FR', published_at: new Date(savedAt.getTime() + 60 * 60 * 1000), email: 'nadia@example.org' },
    ]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/workspace`);
    await page.getByLabel('Email').fill(recruiter.user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Run Kotlin' }).click();
    await expect.poll(() => page.locator('ll-profile-card').filter({ hasText: 'New since your last visit' }).locator('h3').textContent()).toContain('Nadia Newcomer');
    expect(await page.locator('ll-profile-card').filter({ hasText: 'New since your last visit' }).count()).toBe(1);

    // From her profile page, onto a new shortlist.
    await page.getByRole('link', { name: 'Nadia Newcomer' }).click();
    await page.getByRole('button', { name: 'Add to shortlist' }).click();
    await page.getByLabel('New shortlist name').fill('Mobile');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added Nadia Newcomer to “Mobile”' }).count()).toBe(1);

    await t.app.scheduler.runOnce(new Date(savedAt.getTime() + 25 * 60 * 60 * 1000));
    const mail = await t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', recruiter.user.email).executeTakeFirstOrThrow();
    // As a mail client shows it: a blank page, not under the app's CSP (which blocks inline styles).
    const inbox = await browser.newPage({ viewport: { width: 640, height: 900 } });
    await inbox.setContent(mail.html!);
    expect(await inbox.getByRole('link', { name: 'Nadia Newcomer' }).getAttribute('href')).toMatch(/\/p\/kotlin-newcomer$/);
    await screenshot(inbox, 'alert-mail');
    await inbox.close();
    await page.goto(`${base}/dev/mailbox?to=${encodeURIComponent(recruiter.user.email)}`);
    await expect.poll(() => page.getByRole('heading', { name: '1 new person matches your saved search' }).count()).toBe(1);
    await screenshot(page, 'alert-mail-dev-mailbox');
    await page.close();
  });

  it('stopping alerts and blocking a recruiter from a mail act only on the button, and move focus to the answer', async () => {
    const recruiter = await createRecruiter(t, 'verified');
    const saved = (await t.app.inject({ method: 'POST', url: '/api/saved-searches', headers: recruiter.auth, payload: { name: 'Go people', query: 'skills=Go', alert: 'daily' } })).json();
    const alertDue = () => t.app.db.selectFrom('saved_searches').select('alert_due_at').where('id', '=', saved.id).executeTakeFirstOrThrow();
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const problems = watchProblems(page);
    const focused = (selector: string) => page.locator(selector).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);

    await page.goto((await unsubscribeLinks(t.app.db, saved.id, base)).page);
    await page.getByRole('button', { name: 'Stop these alerts' }).waitFor();
    expect((await alertDue()).alert_due_at).not.toBeNull();
    await page.getByRole('button', { name: 'Stop these alerts' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Alerts stopped' }).count()).toBe(1);
    expect(await page.getByRole('status').textContent()).toContain('“Go people”');
    expect(new URL(page.url()).search).toBe('');
    expect(await focused('ll-unsubscribe-page #result')).toBe(true);
    expect((await alertDue()).alert_due_at).toBeNull();

    const { id: profileId } = await t.app.db.selectFrom('profiles').select('id').orderBy('id').executeTakeFirstOrThrow();
    const blocks = () => t.app.db.selectFrom('recruiter_blocks').select('id').where('profile_id', '=', profileId).where('recruiter_id', '=', recruiter.user.id).execute();
    await page.goto(await messageActionLink(t.app.db, base, 'block-recruiter', profileId, recruiter.user.id));
    await page.getByRole('button', { name: 'Block this recruiter' }).waitFor();
    expect(await blocks()).toEqual([]);
    await page.getByRole('button', { name: 'Block this recruiter' }).click();
    await expect.poll(() => focused('ll-message-action-page #result')).toBe(true);
    expect(await blocks()).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
