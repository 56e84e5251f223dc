import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { watchProblems } from '../../tools/browser.js';

describe('the web shell', () => {
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;

  beforeAll(async () => {
    ({ browser, base, close } = await startBrowserApp());
  });
  afterAll(() => close?.());

  it('navigates between pages client-side, with Back working and no CSP or console errors', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    let documents = 0;
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents++;
    });
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('ll-app nav a[aria-current="page"]').textContent()).toBe('Search talent');

    await page.getByRole('link', { name: 'Join the directory' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/join`);
    await expect.poll(() => page.title()).toBe('Join · Lifeline');
    expect(await page.locator('ll-app nav a[aria-current="page"]').textContent()).toBe('Join the directory');

    await page.goBack();
    await expect.poll(() => page.title()).toBe('Search · Lifeline');
    expect(documents).toBe(1);
    expect(problems).toEqual([]);
  });

  it('reaches every navigation link with the keyboard, after a skip link', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/organize`);
    await expect.poll(() => page.title()).toBe('Organize · Lifeline');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('ll-app')?.shadowRoot?.activeElement?.textContent)).toBe('Skip to content');
    const labels: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      labels.push((await page.evaluate(() => document.querySelector('ll-app')?.shadowRoot?.activeElement?.textContent)) ?? '');
    }
    expect(labels).toEqual(['Lifeline', 'Search talent', 'Join the directory', 'Import a list']);
  });

  it('shows a page for an unknown address', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/no/such/page`);
    await expect.poll(() => page.title()).toBe('Not found · Lifeline');
  });

  it('renders the API docs at /docs under the same CSP, every section, with no console errors', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/docs`);
    await expect.poll(() => page.locator('.info .title').textContent()).toContain('Lifeline API');
    await expect.poll(() => page.locator('.opblock-tag').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'POST /api/lists', exact: false }).first().click();
    await expect.poll(() => page.locator('.opblock.is-open .opblock-section-header').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});
