import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/embedded/processes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { mailedToken, publishedProfile } from '../helpers/opt-in.js';
import { launchBrowser, watchProblems } from '../../tools/browser.js';

const DAY = 24 * 60 * 60 * 1000;

describe('a candidate in Chromium answers "Still looking?"', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ PUBLIC_URL: base });
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const status = (slug: string) => t.app.db.selectFrom('profiles').select(['status', 'hidden_reason']).where('slug', '=', slug).executeTakeFirstOrThrow();

  it('opening /hired says what a click does and changes nothing; the click hides the profile as hired; /confirm brings it back', async () => {
    const { form, slug } = await publishedProfile(t.app, { name: 'Grace Hopper' });
    await t.app.scheduler.runOnce(new Date(Date.now() + 61 * DAY));
    const token = await mailedToken(t.app, form.email, '/hired');
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const problems = watchProblems(page);

    await page.goto(`${base}/hired?token=${token}`);
    await expect.poll(() => page.getByRole('heading', { name: 'I found a job' }).isVisible()).toBe(true);
    expect(await status(slug)).toEqual({ status: 'published', hidden_reason: null });
    await page.getByRole('button', { name: 'Yes, I found a job' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Congratulations on the new job!' }).isVisible()).toBe(true);
    expect(await status(slug)).toEqual({ status: 'hidden', hidden_reason: 'hired' });

    await page.getByRole('link', { name: 'I am looking again' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/confirm');
    await page.getByRole('button', { name: 'Keep me listed' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You are listed' }).isVisible()).toBe(true);
    expect(await status(slug)).toEqual({ status: 'published', hidden_reason: null });
    expect(problems).toEqual([]);
  });
});
