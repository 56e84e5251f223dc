import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { screenshot, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { launchBrowser, watchProblems } from '../../tools/browser.js';
import { createAppWithMeiliDown } from '../helpers/meili-down.js';
import { insertProfiles } from '../helpers/profiles.js';
import { talentCrowd } from '../helpers/talent.js';

const crowd = talentCrowd(40);

describe('recruiter search in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;

  beforeAll(async () => {
    ({ t, browser, base, close } = await startBrowserApp());
    const [meta] = await t.app.db.insertInto('employers').values({ slug: 'meta', name: 'Meta' }).returning('id').execute();
    await t.app.db
      .insertInto('layoff_lists')
      .values([
        { slug: 'meta-layoffs-2026', title: 'Meta layoffs, spring 2026', employer_id: meta!.id, description: 'People laid off by Meta in 2026 who are open to work, gathered by former colleagues.' },
        { slug: 'google-layoffs-2026', title: 'Google layoffs 2026' },
      ])
      .execute();
    await insertProfiles(t.app.db, crowd);
  });
  afterAll(() => close?.());

  const cards = (page: Page) => page.locator('ll-profile-card');
  const summary = (page: Page) => page.locator('ll-search-page .summary').textContent();

  it('searches as you type, narrows by a facet, keeps it all in the URL, and Back restores the earlier results', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${base}/`);
    await expect.poll(() => cards(page).count()).toBe(20);
    expect(await summary(page)).toContain('40 people');

    await page.locator('ll-search-box input').pressSequentially('kubernets', { delay: 30 });
    await expect.poll(() => page.url()).toBe(`${base}/?q=kubernets`);
    const withKubernetes = crowd.filter((p) => p.skills!.includes('Kubernetes')).length;
    await expect.poll(() => summary(page)).toContain(`${withKubernetes} people for “kubernets”`);
    expect(await cards(page).count()).toBe(withKubernetes);

    const inGermany = crowd.filter((p) => p.skills!.includes('Kubernetes') && p.country === 'DE').length;
    expect(inGermany).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Country' }).getByLabel('Germany').check();
    await expect.poll(() => page.url()).toBe(`${base}/?q=kubernets&country=DE`);
    await expect.poll(() => cards(page).count()).toBe(inGermany);
    await expect.poll(() => page.locator('ll-filter-chips button.chip').allTextContents()).toEqual([expect.stringContaining('Germany')]);

    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${base}/?q=kubernets`);
    await expect.poll(() => cards(page).count()).toBe(withKubernetes);
    expect(await page.locator('ll-search-box input').inputValue()).toBe('kubernets');
    expect(await page.getByRole('group', { name: 'Country' }).getByLabel('Germany').isChecked()).toBe(false);

    await page.goForward();
    await expect.poll(() => cards(page).count()).toBe(inGermany);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/?q=kubernets`);
    expect(problems).toEqual([]);
  });

  it('filters long facets through their filter box, and pages through results', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${base}/`);
    await expect.poll(() => cards(page).count()).toBe(20);
    const skills = page.getByRole('group', { name: 'Skills' });
    await skills.getByRole('searchbox').fill('pyt');
    await expect.poll(() => skills.getByRole('checkbox').count()).toBe(2);
    await skills.getByLabel('PyTorch').check();
    await expect.poll(() => page.url()).toBe(`${base}/?skills=PyTorch`);
    await expect.poll(() => cards(page).count()).toBe(crowd.filter((p) => p.skills!.includes('PyTorch')).length);

    await page.goto(`${base}/?sort=layoff_desc`);
    await expect.poll(() => cards(page).count()).toBe(20);
    await page.getByRole('navigation', { name: 'Pages of results' }).getByRole('link', { name: 'Next' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/?sort=layoff_desc&page=2`);
    await expect.poll(() => page.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
    const newestFirst = [...crowd].sort((a, b) => b.layoff_date!.localeCompare(a.layoff_date!));
    await expect.poll(() => cards(page).first().locator('h3').textContent()).toBe(newestFirst[20]!.name);
    expect(problems).toEqual([]);
  });

  it('opens a profile from a result, and asks a visitor to sign in as a recruiter to write', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${base}/?q=data%20scientist`);
    const first = cards(page).first();
    await expect.poll(() => first.locator('h3').textContent()).toBeTruthy();
    const name = (await first.locator('h3').textContent())!.trim();
    const person = crowd.find((p) => p.name === name)!;
    await first.getByRole('link', { name, exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${base}/p/${person.slug}`);
    await expect.poll(() => page.locator('ll-profile-page h1').textContent()).toBe(name);
    await expect.poll(() => page.locator('ll-profile-page .bio').textContent()).toBe(person.bio);
    const profileText = await page.locator('ll-profile-page article').innerText();
    expect(profileText).toContain(person.headline!);
    expect(profileText).toContain(person.city!);
    expect(profileText).not.toContain('@example.org');

    // Contact is for verified recruiters (test/browser/recruiter.test.ts): a visitor is asked to sign in as one.
    expect(await page.locator('ll-contact-form').count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Sign in as a recruiter to contact' }).getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(`/p/${person.slug}`)}`);

    await page.getByRole('link', { name: '← Back to search' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/?q=data%20scientist`);
    expect(problems).toEqual([]);
  });

  it('shows a layoff list and an employer with charts that lead into search', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${base}/lists/meta-layoffs-2026`);
    const onList = crowd.filter((p) => p.lists!.includes('meta-layoffs-2026'));
    await expect.poll(() => page.locator('ll-list-page h1').textContent()).toBe('Meta layoffs, spring 2026');
    await expect.poll(() => page.locator('ll-talent-overview .big').textContent()).toBe(String(onList.length));
    const topSkill = page.locator('ll-bar-chart').first().getByRole('link').first();
    const skill = (await topSkill.textContent())!;
    await topSkill.click();
    await expect.poll(() => page.url()).toBe(`${base}/?list=meta-layoffs-2026&skills=${encodeURIComponent(skill)}`);
    await expect.poll(() => cards(page).count()).toBe(onList.filter((p) => p.skills!.includes(skill)).length);

    // A profile names its lists by their titles.
    await page.goto(`${base}/p/${onList[0]!.slug}`);
    await expect.poll(() => page.locator('ll-profile-page a[href="/lists/meta-layoffs-2026"]').textContent()).toBe('Meta layoffs, spring 2026');

    await page.goto(`${base}/employers/google`);
    await expect.poll(() => page.locator('ll-employer-page h1').textContent()).toBe('Ex-Google talent');
    await page.goto(`${base}/employers/nobody-inc`);
    await expect.poll(() => page.locator('ll-employer-page h1').textContent()).toBe('No such employer');
    await page.goto(`${base}/lists/no-such-list`);
    await expect.poll(() => page.locator('ll-list-page h1').textContent()).toBe('No such list');
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });

  it('keeps filters in a collapsible panel on a 375 px screen', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${base}/`);
    await expect.poll(() => cards(page).count()).toBe(20);
    const toggle = page.getByRole('button', { name: 'Filters' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('group', { name: 'Skills' }).isVisible()).toBe(false);
    await toggle.click();
    expect(await page.getByRole('group', { name: 'Skills' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('lays out the search, profile, list and employer pages at 1280 and 375 px with nothing cut off sideways', async () => {
    const shoot = async (page: Page, name: string, fullPage = true) => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
      await screenshot(page, name, fullPage);
    };
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems = watchProblems(page);
      await page.goto(`${base}/?q=engineer&country=US,DE`);
      await expect.poll(() => cards(page).count()).toBeGreaterThan(0);
      await shoot(page, `search-search-${width}`, width === 1280);
      if (width === 375) {
        await page.getByRole('button', { name: /Filters/ }).click();
        await shoot(page, 'search-filters-375');
      }
      await page.goto(`${base}/p/${crowd[3]!.slug}`);
      await expect.poll(() => page.locator('ll-profile-page h1').textContent()).toBe(crowd[3]!.name);
      await shoot(page, `search-profile-${width}`);
      await page.goto(`${base}/lists/meta-layoffs-2026`);
      await expect.poll(() => page.locator('ll-talent-overview').count()).toBe(1);
      await shoot(page, `search-list-${width}`);
      await page.goto(`${base}/employers/google`);
      await expect.poll(() => page.locator('ll-talent-overview').count()).toBe(1);
      await shoot(page, `search-employer-${width}`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe('search page when Meilisearch is down', () => {
  let t: TestApp;
  let app: App;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
    app = await createAppWithMeiliDown(t.databaseUrl);
    await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.close();
  });

  it('says search is temporarily unavailable, with a way to retry', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/?q=go`);
    const alert = page.locator('ll-search-page').getByRole('alert');
    await expect.poll(() => alert.locator('h2').textContent()).toBe('Search is temporarily unavailable');
    expect(await alert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  });
});
