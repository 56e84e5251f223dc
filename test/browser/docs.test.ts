import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, watchProblems } from '../../tools/browser.js';

describe('the API docs at /docs', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('render every section and route under the app CSP, with no console errors', async () => {
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
