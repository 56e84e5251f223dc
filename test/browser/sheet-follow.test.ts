import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchProblems } from '../../tools/browser.js';
import type { TestApp } from '../helpers/app.js';
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { createList, createOrganizer } from '../helpers/organizer.js';
import { startSheetServer } from '../helpers/sheet-server.js';

describe('Follow a sheet, on the Organize page (SYNC_ALLOW_PRIVATE=1)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;
  let sheet: Awaited<ReturnType<typeof startSheetServer>>;
  let organizer: Awaited<ReturnType<typeof createOrganizer>>;
  const password = 'organizer password 1';

  beforeAll(async () => {
    ({ t, browser, base, close } = await startBrowserApp({ SYNC_ALLOW_PRIVATE: '1' }, { worker: false }));
    organizer = await createOrganizer(t, 'organizer', password);
    sheet = await startSheetServer({ csv: 'Name,Email,Title\n' });
  });
  afterAll(async () => {
    await sheet?.close();
    await close?.();
  });

  it.each([375, 1280])('pastes a link, previews, confirms, follows, then syncs again and sees it unchanged, by keyboard (%i px)', async (width) => {
    sheet.answer = { csv: `Name,Email,Title\nAda Lovelace,ada+${width}@example.org,Staff Engineer\nGrace Hopper,grace+${width}@example.org,Admiral\n` };
    const { slug } = await createList(t, organizer.token, { title: `Followed ${width}` });
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${base}/organize`);
    await page.getByLabel('Email').fill(organizer.user.email);
    await page.getByLabel('Password').fill(password);
    await page.keyboard.press('Enter');
    await page.getByLabel('Import into').selectOption(slug);

    await page.getByLabel('Sheet link').fill(sheet.url(`/sheet-${width}.csv`));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'What the first sync would do' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Preview of the first rows' }).textContent()).toContain('Grace Hopper');
    await screenshot(page, `sheet-preview-${width}`);
    const follow = page.getByRole('button', { name: 'Follow this sheet (2 people)' });
    expect(await follow.isDisabled()).toBe(true);
    await page.getByLabel('Every hour').check();
    await page.getByRole('checkbox', { name: /every person on this sheet/ }).focus();
    await page.keyboard.press('Space');
    await follow.focus();
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Synced:' }).textContent(), { timeout: 15_000 }).toContain('2 people added');
    expect(await page.getByText('every hour').count()).toBe(1);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'has not changed' }).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, `sheet-followed-${width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Being signed out on arrival is not an error.
    expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    await page.close();
  });
});
