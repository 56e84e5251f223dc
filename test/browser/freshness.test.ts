import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { enqueue } from '../../db/outbox.js';
import { mailedToken, publishedProfile } from '../helpers/opt-in.js';
import { outboxDrained } from '../helpers/profiles.js';
import { watchProblems } from '../../tools/browser.js';

const DAY = 24 * 60 * 60 * 1000;

describe('a candidate in Chromium answers "Still looking?"', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;

  beforeAll(async () => {
    ({ t, browser, base, close } = await startBrowserApp());
  });
  afterAll(() => close?.());

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

  it('the list page tells how many people found jobs, and cards say when people confirmed', async () => {
    const { slug } = await publishedProfile(t.app, { name: 'Katherine Johnson', skills: ['Fortran'] });
    const { id } = await t.app.db.selectFrom('profiles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const other = await publishedProfile(t.app, { name: 'Dorothy Vaughan', skills: ['Fortran'] });
    const { id: otherId } = await t.app.db.selectFrom('profiles').select('id').where('slug', '=', other.slug).executeTakeFirstOrThrow();
    const list = await t.app.db.insertInto('layoff_lists').values({ slug: 'nasa-2026', title: 'NASA 2026' }).returning('id').executeTakeFirstOrThrow();
    await t.app.db.transaction().execute(async (trx) => {
      await trx.insertInto('profile_lists').values([{ profile_id: id, list_id: list.id }, { profile_id: otherId, list_id: list.id }]).execute();
      await enqueue(trx, [id, otherId]);
    });
    await t.app.freshness.hiredOwn(id);
    await outboxDrained(t.app.db);
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const problems = watchProblems(page);

    await page.goto(`${base}/lists/nasa-2026`);
    await expect.poll(() => page.getByText('1 person from this list found jobs').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Hires by month' }).isVisible()).toBe(true);

    await expect.poll(() => page.getByText('1 person open to work').isVisible()).toBe(true);

    await page.goto(`${base}/?q=fortran`);
    const card = page.locator('ll-profile-card');
    await expect.poll(() => card.allTextContents()).toHaveLength(1);
    await expect.poll(() => card.getByText('Dorothy Vaughan').isVisible()).toBe(true);
    await expect.poll(() => card.getByText('Confirmed today').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('the manage page says when the profile was confirmed, and "I found a job" and "I am looking again" work there', async () => {
    const { form, slug } = await publishedProfile(t.app, { name: 'Mary Jackson' });
    await t.app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email: form.email } });
    const manage = await mailedToken(t.app, form.email, '/manage');
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    const problems = watchProblems(page);

    await page.goto(`${base}/manage?token=${manage}`);
    const stillLooking = page.getByRole('region', { name: 'Still looking?' });
    await expect.poll(() => stillLooking.getByText('Confirmed today').isVisible()).toBe(true);
    await stillLooking.getByRole('button', { name: 'I found a job' }).click();
    await expect.poll(() => page.getByText('Congratulations on the new job!').isVisible()).toBe(true);
    expect(await status(slug)).toEqual({ status: 'hidden', hidden_reason: 'hired' });

    await stillLooking.getByRole('button', { name: 'I am looking again' }).click();
    await expect.poll(() => page.getByText('You are listed, confirmed today').isVisible()).toBe(true);
    expect(await status(slug)).toEqual({ status: 'published', hidden_reason: null });
    expect(problems).toEqual([]);
  });
});
