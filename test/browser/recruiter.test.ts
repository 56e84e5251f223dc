import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchProblems } from '../../tools/browser.js';
import type { TestApp } from '../helpers/app.js';
import { startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { insertProfiles } from '../helpers/profiles.js';

describe('a recruiter in Chromium at 375 px: sign up, verify, sign in, contact', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let close: BrowserApp['close'] | undefined;

  beforeAll(async () => {
    ({ t, browser, base, close } = await startBrowserApp());
    await insertProfiles(t.app.db, [
      {
        slug: 'ada-lovelace-1',
        name: 'Ada Lovelace',
        headline: 'Platform engineer',
        skills: ['Go'],
        country: 'GB',
        email: 'ada@example.org',
        linkedin_url: 'https://www.linkedin.com/in/ada-lovelace',
        years_experience: 12,
      },
    ]);
  });
  afterAll(() => close?.());

  it('walks the whole path, by keyboard where a person would', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const problems = watchProblems(page);
    const email = `rita.${Date.now()}@acme-hiring.example`;
    const password = 'a long enough password';

    // A visitor sees the public card and is asked to sign in as a recruiter.
    await page.goto(`${base}/p/ada-lovelace-1`);
    await expect.poll(() => page.locator('ll-profile-page h1').textContent()).toBe('Ada Lovelace');
    await expect.poll(() => page.locator('ll-profile-page article').innerText()).toContain('Platform engineer');
    const visitorView = await page.locator('ll-profile-page article').innerText();
    expect(visitorView).not.toContain('LinkedIn');
    expect(visitorView).not.toContain('12 years');
    await expect.poll(() => page.getByRole('link', { name: 'Sign in as a recruiter to contact' }).count()).toBe(1);
    expect(await page.locator('ll-contact-form').count()).toBe(0);

    // Sign up.
    await page.getByRole('link', { name: 'For recruiters' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/recruiters/join');
    await page.getByLabel('Your name').fill('Rita Recruiter');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Company you hire for').fill('Acme Robotics');
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Check your inbox');

    // Verify with the link from the dev mailbox: opening it changes nothing, the button does.
    await t.app.recruiters.mailSettled();
    await page.goto(`${base}/dev/mailbox?to=${encodeURIComponent(email)}`);
    await page.locator('ll-dev-mailbox-page a[href*="/recruiter/verify?token="]').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/recruiter/verify');
    // The page says who signed up before anything happens.
    await expect.poll(() => page.locator('ll-recruiter-verify-page section').first().innerText()).toContain('Rita Recruiter, hiring for Acme Robotics');
    expect((await t.app.db.selectFrom('users').select('recruiter_state').where('email', '=', email).executeTakeFirstOrThrow()).recruiter_state).toBe('unverified');
    // Only the password of this sign-up finishes it.
    await page.getByLabel('The password you chose when you signed up').fill('not my password');
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('does not match the password chosen');
    // The browser logs the refused request; that one is expected.
    expect(problems.splice(0)).toEqual([expect.stringContaining('status of 400')]);
    await page.getByLabel('The password you chose when you signed up').fill(password);
    await page.getByLabel('The password you chose when you signed up').press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your account is verified');

    // Sign in: the header says who.
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account');
    await expect.poll(() => page.locator('ll-app').getByRole('link', { name: /Your account: Rita Recruiter/ }).count()).toBe(1);
    await expect.poll(() => page.locator('ll-account-page section').innerText()).toContain('Acme Robotics');

    // Contact: the recruiter sees what visitors do not, and writes.
    await page.goto(`${base}/p/ada-lovelace-1`);
    const form = page.locator('ll-contact-form');
    await expect.poll(() => form.count()).toBe(1);
    await expect.poll(() => page.locator('ll-profile-page article').innerText()).toContain('12 years');
    await form.getByLabel('Message').fill('Hello Ada! We are hiring a platform engineer for our robotics fleet in London. Interested?');
    await form.getByRole('button', { name: 'Send message' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Message sent.');
    const mail = await t.app.db.selectFrom('dev_mail').selectAll().where('to_address', '=', 'ada@example.org').executeTakeFirstOrThrow();
    expect(mail.reply_to).toBe(email);
    expect(mail.text).toContain('Rita Recruiter, a recruiter at Acme Robotics');
    expect(mail.text).toContain('robotics fleet in London');

    // Nothing overflows the narrow screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // Sign out from the header.
    await page.locator('ll-app').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('ll-app').getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
