import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { watchProblems } from '../../tools/browser.js';
import { until } from '../helpers/until.js';

describe('a candidate in Chromium: join, confirm, manage, remove', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;

  beforeAll(async () => {
    ({ t, browser, base, close } = await startBrowserApp());
  });
  afterAll(() => close?.());

  const searchDocument = (id: number) => t.app.meili.index(t.app.profilesIndex).getDocument(id).catch(() => undefined);

  /** Opens the dev mailbox of `to` and follows the newest link to `path`. */
  async function followMailedLink(page: Page, to: string, path: string) {
    await t.app.optIn.mailSettled();
    await page.goto(`${base}/dev/mailbox?to=${encodeURIComponent(to)}`);
    await page.locator(`ll-dev-mailbox-page a[href*="${path}?token="]`).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(path);
  }

  it('walks the whole path, with the email never on a public page or in search', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const problems = watchProblems(page);
    const email = `grace.${Date.now()}@example.org`;

    await page.goto(`${base}/join`);
    await page.getByLabel('Full name').fill('Grace Hopper');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Headline' }).fill('Compiler engineer');
    const skill = page.getByRole('combobox', { name: 'Skills' });
    await skill.pressSequentially('k8s');
    await skill.press('Enter');
    await skill.pressSequentially('typescript, cobol');
    await skill.press('Enter');
    await expect.poll(() => page.locator('ll-skill-input li').allTextContents()).toEqual([
      expect.stringContaining('Kubernetes'),
      expect.stringContaining('TypeScript'),
      expect.stringContaining('COBOL'),
    ]);
    await page.getByRole('combobox', { name: 'Former employer' }).pressSequentially('Facebook');
    await page.getByLabel('Country').selectOption('US');
    await page.getByRole('textbox', { name: 'City' }).fill('Arlington');
    await page.getByLabel('Layoff date').fill('2026-10-01');
    await page.getByRole('checkbox', { name: /I want Lifeline to publish my profile/ }).check();
    await page.getByRole('button', { name: 'Join the directory' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // On Lifeline's own machine the page points to the dev mailbox, which answers this browser only.
    await expect
      .poll(() => page.getByRole('link', { name: 'dev mailbox' }).getAttribute('href'))
      .toBe(`/dev/mailbox?to=${encodeURIComponent(email)}`);

    await followMailedLink(page, email, '/verify');
    // The link shows what it would publish, and publishes nothing until asked.
    await expect.poll(() => page.getByRole('button', { name: 'Publish my profile' }).isVisible()).toBe(true);
    expect(await page.locator('ll-profile-preview').evaluate((el) => el.shadowRoot!.textContent)).toContain('Grace Hopper');
    expect((await t.app.db.selectFrom('profiles').select('status').where('email', '=', email).executeTakeFirstOrThrow()).status).toBe('pending');
    await page.getByRole('button', { name: 'Publish my profile' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You are in the directory' }).isVisible()).toBe(true);
    const preview = await page.locator('ll-profile-preview').evaluate((el) => el.shadowRoot!.textContent);
    expect(preview).toContain('Grace Hopper');
    expect(preview).toContain('Meta');
    expect(preview).not.toContain(email);
    expect(await page.content()).not.toContain(email);
    expect(await page.locator('ll-verify-page').evaluate((el) => el.shadowRoot!.textContent)).not.toContain(email);

    const row = await t.app.db.selectFrom('profiles').select(['id', 'slug']).where('email', '=', email).executeTakeFirstOrThrow();
    const doc = await until(() => searchDocument(row.id));
    expect(doc).toMatchObject({ name: 'Grace Hopper', skills: ['Kubernetes', 'TypeScript', 'COBOL'] });
    expect(JSON.stringify(doc)).not.toContain('example.org');

    // Manage: ask for a link, open it, edit, hide and show again.
    await page.goto(`${base}/manage`);
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);
    await followMailedLink(page, email, '/manage');
    await expect.poll(() => page.url()).toBe(`${base}/manage`);
    const headline = page.getByRole('textbox', { name: 'Headline' });
    await expect.poll(() => headline.inputValue()).toBe('Compiler engineer');
    await headline.fill('Rear admiral of compilers');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Saved. Search shows your changes').isVisible()).toBe(true);
    await until(async () => ((await searchDocument(row.id)) as { headline?: string } | undefined)?.headline === 'Rear admiral of compilers' || undefined);

    await page.getByRole('button', { name: 'Hide my profile' }).click();
    await expect.poll(() => page.getByText('Your profile is hidden.').isVisible()).toBe(true);
    await until(async () => ((await searchDocument(row.id)) === undefined ? true : undefined));
    await page.getByRole('button', { name: 'Show my profile again' }).click();
    await until(() => searchDocument(row.id));

    // A reload keeps the session of this tab.
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Headline' }).inputValue()).toBe('Rear admiral of compilers');

    await page.getByRole('button', { name: 'Remove my profile…' }).click();
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your profile is removed' }).isVisible()).toBe(true);
    await until(async () => ((await searchDocument(row.id)) === undefined ? true : undefined));
    const gone = await t.app.inject({ method: 'GET', url: `/api/profiles/${row.slug}` });
    expect(gone.statusCode).toBe(404);
    expect(problems).toEqual([]);
  });

  it('works with the keyboard alone, and shows every problem next to its field', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/join`);
    await page.getByLabel('Full name').focus();
    await page.keyboard.type('Katherine Johnson');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-an-address');
    // Skills: chips added with Enter and removed from the keyboard.
    await page.getByRole('combobox', { name: 'Skills' }).focus();
    await page.keyboard.type('Orbital mechanics');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Fortran');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('ll-skill-input li').count()).toBe(1);
    await page.getByRole('button', { name: 'Join the directory' }).focus();
    await page.keyboard.press('Enter');

    const summary = page.getByRole('alert').filter({ hasText: 'Please fix' });
    await expect.poll(() => summary.isVisible()).toBe(true);
    const text = await summary.textContent();
    for (const field of ['Email', 'Headline', 'Former employer', 'Country', 'Consent']) expect(text).toContain(field);
    expect(await page.locator('#email-error').textContent()).toContain('must be an email address');
    // Focus went to the summary; its links move focus to the field.
    await page.getByRole('link', { name: 'Headline' }).press('Enter');
    expect(await page.locator('ll-optin-form').evaluate((el) => el.shadowRoot!.activeElement?.id)).toBe('headline');
  });

  it('removes in one click from the link in the mail', async () => {
    const page = await browser.newPage();
    const email = `ada.${Date.now()}@example.org`;
    const join = await t.app.inject({
      method: 'POST',
      url: '/api/profiles',
      payload: { name: 'Ada', email, headline: 'Engineer', skills: ['Go'], country: 'GB', formerEmployer: 'Twitter', consent: true },
    });
    expect(join.statusCode).toBe(202);
    await followMailedLink(page, email, '/remove');
    await page.getByRole('button', { name: 'Remove my profile' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Profile removed' }).isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    const row = await t.app.db.selectFrom('profiles').select('status').where('email', '=', email).executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
