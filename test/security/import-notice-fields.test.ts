import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicProfile } from '../../server/schemas/profiles.js';
import type { TestApp } from '../helpers/app.js';
import { mailTo, publishedProfile } from '../helpers/opt-in.js';
import { appWithOrganizer, createList, importCsv } from '../helpers/organizer.js';
import { createRecruiter } from '../helpers/recruiter.js';

/**
 * The privacy failure: a list's organizer imports a person, and the notice mail tells them "this
 * is what recruiters can see", but leaves out some of it (their LinkedIn URL, whether they need a
 * visa). The person cannot judge what they are removing themselves from, or staying in. The
 * notice must list every public field that has a value, and nothing that is not public.
 */
describe('the notice a person gets when an import lists them', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await appWithOrganizer());
  });
  afterAll(() => t?.close());

  /** The notice for `listTitle` in the mailbox of `email`, once the notices owed are sent. */
  const noticeFor = async (email: string, listTitle: string) => {
    await t.app.imports.sendNotices();
    const notices = (await mailTo(t.app, email)).filter((m) => m.subject === 'You are now listed on Lifeline' && m.text.includes(`"${listTitle}"`));
    expect(notices).toHaveLength(1);
    return notices[0]!;
  };

  it('lists every public field of a profile with every field set, as the public profile shows it', async () => {
    // Every field set: the form takes all of them, then a list imports the person by email.
    const { form, slug } = await publishedProfile(t.app, { showEmail: false });
    const list = await createList(t, token, { title: 'Every Field Layoffs' });
    await importCsv(t, token, list.slug, `Name,Email\n${form.name},${form.email}\n`);
    const notice = await noticeFor(form.email, 'Every Field Layoffs');

    // As the verified recruiters see it: every public field (visitors see fewer).
    const { auth } = await createRecruiter(t);
    const shown = (await t.app.inject({ method: 'GET', url: `/api/profiles/${slug}`, headers: auth })).json() as PublicProfile;
    // How each public value reads in the mail; a public field added later fails here until it is listed.
    const expected: Record<string, string> = {
      name: `Name: ${shown.name}`,
      headline: `Headline: ${shown.headline}`,
      role: `Role: ${shown.role}`,
      seniority: 'Seniority: Senior',
      skills: `Skills: ${shown.skills.join(', ')}`,
      yearsExperience: `Years of experience: ${shown.yearsExperience}`,
      country: 'Country: Germany',
      region: `Region: ${shown.region}`,
      city: `City: ${shown.city}`,
      remote: 'Remote work: Hybrid',
      relocation: 'Open to relocation: No',
      workAuthorization: 'Work authorization: No sponsorship needed',
      employmentTypes: 'Employment types: Full-time',
      formerEmployer: `Former employer: ${shown.formerEmployer!.name}`,
      lists: 'Layoff lists: Every Field Layoffs',
      layoffDate: `Laid off on: ${shown.layoffDate}`,
      availableFrom: `Available from: ${shown.availableFrom}`,
      linkedinUrl: `LinkedIn: ${shown.linkedinUrl}`,
      websiteUrl: `Website: ${shown.websiteUrl}`,
      bio: `About: ${shown.bio}`,
    };
    // Dates the system keeps (not facts the list gave) are not in the notice.
    const facts = Object.entries(shown).filter(([key, value]) => !['slug', 'updatedAt', 'confirmedAt'].includes(key) && value !== null);
    expect(facts.map(([key]) => key).sort()).toEqual(Object.keys(expected).sort());
    // Soft: a failure names every line that is missing, not only the first.
    for (const line of Object.values(expected)) expect.soft(notice.text).toContain(`\n\n${line}\n\n`);

    // Nothing private: the address stays out of what it lists, and the mail says so.
    expect(shown.email).toBeUndefined();
    expect(notice.text).not.toContain(`Email: ${form.email}`);
    expect(notice.text).toContain('Your email address is not shown to anyone');
  });

  it('lists the address too when its owner chose to show it, and does not claim it is hidden', async () => {
    const { form } = await publishedProfile(t.app, { showEmail: true });
    const list = await createList(t, token, { title: 'Shown Email Layoffs' });
    await importCsv(t, token, list.slug, `Name,Email\n${form.name},${form.email}\n`);
    const notice = await noticeFor(form.email, 'Shown Email Layoffs');

    expect(notice.text).toContain(`\n\nEmail: ${form.email}\n\n`);
    expect(notice.text).not.toContain('Your email address is not shown');
  });
});
