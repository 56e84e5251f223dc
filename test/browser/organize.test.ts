import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { watchProblems } from '../../tools/browser.js';
import { createOrganizer } from '../helpers/organizer.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/csv/google-form.csv');

/**
 * The fixture with people of this run's own: both runs share one database, and a list may only
 * add to its list the people another list already imported.
 */
async function fixtureFor(run: number) {
  const csv = (await readFile(FIXTURE, 'utf8')).replaceAll('@', `+${run}@`).replaceAll('/in/ada-lovelace', `/in/ada-lovelace-${run}`);
  return { name: 'google-form.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
}

describe('the Organize page', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;
  let email: string;
  const password = 'organizer password 1';

  beforeAll(async () => {
    ({ t, browser, base, close } = await startBrowserApp({}, { worker: false }));
    ({ user: { email } } = await createOrganizer(t, 'organizer', password));
  });
  afterAll(() => close?.());

  it.each([1280, 375])('signs in, creates a list, previews, remaps, confirms and imports (%i px)', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${base}/organize`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    await page.getByLabel('Password').fill(password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(`Signed in as ${email}`).count()).toBe(1);

    await page.getByRole('button', { name: 'New list' }).click();
    await page.getByLabel('Title').fill(`Meta layoffs ${width}`);
    await page.getByLabel('Employer').fill('Facebook');
    await page.getByRole('button', { name: 'Create list' }).click();
    await expect.poll(() => page.getByLabel('Import into').inputValue()).toBe(`meta-layoffs-${width}`);

    await page.locator('ll-file-drop input[type=file]').setInputFiles(await fixtureFor(width));
    await expect.poll(() => page.getByRole('heading', { name: '3. Check the columns and the first rows' }).count(), { timeout: 15_000 }).toBe(1);
    const table = page.getByRole('region', { name: 'Preview of the first rows' });
    await expect.poll(() => table.textContent()).toContain('Ada Lovelace');
    expect(await table.textContent()).toContain('does not say yes');
    await screenshot(page, `organize-preview-${width}`);

    // Leave the title out: the preview no longer has it.
    await page.getByText(/^Columns/).click();
    await page.getByLabel('Role / title').selectOption('');
    await page.getByRole('button', { name: 'Preview again' }).click();
    await expect.poll(async () => (await table.textContent())?.includes('Staff Engineer')).toBe(false);

    const importButton = page.getByRole('button', { name: /^Import 2 people$/ });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('checkbox').check();
    await importButton.click();
    await expect.poll(() => page.getByText('Done: the list is imported.').count(), { timeout: 15_000 }).toBe(1);
    // The list chooser reloads: its count now has the two people.
    await expect.poll(() => page.getByLabel('Import into').locator('option:checked').textContent()).toContain('· 2 people');
    const report = page.getByRole('link', { name: 'Download the report of the rejected rows (1 row, CSV)' });
    expect(await report.getAttribute('href')).toMatch(/^\/api\/imports\/\d+\/report\.csv$/);
    await screenshot(page, `organize-done-${width}`);

    const download = await page.evaluate(async (href) => (await fetch(href!)).text(), await report.getAttribute('href'));
    expect(download).toContain('does not say yes');
    const { rows } = await sql<{ role: string | null }>`select role from profiles where lower(email) = ${`ada+${width}@example.org`}`.execute(t.app.db);
    expect(rows[0]!.role).toBeNull();
    // Nothing overflows a small screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The one wrong password; being signed out on arrival is not an error.
    expect(problems).toEqual([expect.stringContaining('status of 401')]);
    await page.close();
  });
});
