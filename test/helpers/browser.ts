import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../server/embedded/processes.js';
import { launchBrowser } from '../../tools/browser.js';
import { createTestApp, type TestApp } from './app.js';

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  /** Where the app listens, and its PUBLIC_URL: links in mail lead back to it. */
  base: string;
  /** Closes Chromium, then the app. */
  close: () => Promise<void>;
}

/** A test app listening on a port of its own, and Chromium to drive it. */
export async function startBrowserApp(env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<BrowserApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ PUBLIC_URL: base, ...env }, options);
  try {
    await t.app.listen({ port, host: '127.0.0.1' });
    const browser = await launchBrowser();
    return {
      t,
      browser,
      base,
      close: async () => {
        await browser.close();
        await t.close();
      },
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}

/** Set SCREENSHOT_DIR to keep screenshots: saves `page` there as `<name>.png`. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}
