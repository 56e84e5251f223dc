import { randomBytes } from 'node:crypto';
import type { App } from '../../server/app.js';
import { CONSENT_VERSION } from '../../common/consent.js';
import type { DevMessage } from '../../server/schemas/dev-mail.js';

/** A complete, valid Join form with an address of its own. */
export function joinForm(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ada Lovelace',
    email: `ada.${randomBytes(4).toString('hex')}@example.org`,
    headline: 'Backend engineer, payments',
    role: 'Software Engineer',
    seniority: 'senior',
    skills: ['js', 'k8s', 'PostgreSQL'],
    yearsExperience: 9,
    country: 'Germany',
    region: 'Berlin',
    city: 'Berlin',
    remote: 'hybrid',
    relocation: false,
    workAuthorization: 'authorized',
    employmentTypes: ['full_time'],
    formerEmployer: 'Facebook',
    layoffDate: '2026-10-15',
    availableFrom: '2026-11-01',
    linkedinUrl: `https://www.linkedin.com/in/ada-${randomBytes(4).toString('hex')}/`,
    websiteUrl: 'ada.dev',
    bio: 'Built payment systems.\nLoves Rust.',
    showEmail: false,
    consent: true,
    consentVersion: CONSENT_VERSION,
    ...overrides,
  };
}

/** The dev mailbox of `to`, newest first, once the mail handed out so far has been sent. */
export async function mailTo(app: App, to: string): Promise<DevMessage[]> {
  await Promise.all([app.optIn.mailSettled(), app.recruiters.mailSettled()]);
  const res = await app.inject({ method: 'GET', url: `/api/dev/mail?to=${encodeURIComponent(to)}` });
  return (res.json() as { messages: DevMessage[] }).messages;
}

/** The token of the newest link to `path` (/verify, /manage, /remove) mailed to `to`. */
export async function mailedToken(app: App, to: string, path: string): Promise<string> {
  for (const message of await mailTo(app, to)) {
    const link = message.links.find((l) => new URL(l).pathname === path);
    if (link) return new URL(link).searchParams.get('token')!;
  }
  throw new Error(`no ${path} link mailed to ${to}`);
}

/** Joins and confirms: a published profile, with its address and slug. */
export async function publishedProfile(app: App, overrides: Record<string, unknown> = {}) {
  const form = joinForm(overrides);
  const created = await app.inject({ method: 'POST', url: '/api/profiles', payload: form });
  if (created.statusCode !== 202) throw new Error(`join failed: ${created.body}`);
  const token = await mailedToken(app, form.email, '/verify');
  const verified = await app.inject({ method: 'POST', url: '/api/profiles/verify', payload: { token } });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
  const { profile } = verified.json() as { profile: { slug: string } };
  return { form, slug: profile.slug, verifyToken: token };
}

/** A session for the profile of `email`, through a mailed manage link. */
export async function sessionFor(app: App, email: string): Promise<string> {
  await app.inject({ method: 'POST', url: '/api/profiles/manage-link', payload: { email } });
  const manage = await mailedToken(app, email, '/manage');
  const res = await app.inject({ method: 'POST', url: '/api/me/session', headers: { authorization: `Bearer ${manage}` } });
  if (res.statusCode !== 201) throw new Error(`session failed: ${res.body}`);
  return (res.json() as { token: string }).token;
}
