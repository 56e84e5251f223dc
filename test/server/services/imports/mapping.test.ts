import { describe, expect, it } from 'vitest';
import { applyOverride, autoMapping, distinctHeaders, mappingProblem } from '../../../../server/services/imports/mapping.js';
import { parseYesNo } from '../../../../server/services/imports/rows.js';

describe('autoMapping', () => {
  it('maps the headers of real lists, whatever their case and punctuation', () => {
    expect(autoMapping(['FULL NAME', 'E-mail', 'LinkedIn URL', 'Job Title', 'City', 'State', 'Country', 'Skills', 'Level', 'Company'])).toEqual({
      name: 'FULL NAME', email: 'E-mail', linkedin: 'LinkedIn URL', role: 'Job Title', city: 'City', region: 'State',
      country: 'Country', skills: 'Skills', seniority: 'Level', company: 'Company',
    });
    expect(autoMapping(['Timestamp', 'What is your name?', 'Email Address', 'Areas of expertise', 'Willing to relocate', 'Work authorization', 'Position', 'Former employer', 'Location', 'Remote'])).toEqual({
      name: 'What is your name?', email: 'Email Address', skills: 'Areas of expertise', relocation: 'Willing to relocate',
      workAuthorization: 'Work authorization', role: 'Position', company: 'Former employer', location: 'Location', remote: 'Remote',
    });
    expect(autoMapping(['first_name', 'Last Name', 'Sponsorship needed?', 'Years of Experience', 'I agree to be listed'])).toEqual({
      firstName: 'first_name', lastName: 'Last Name', sponsorship: 'Sponsorship needed?', yearsExperience: 'Years of Experience', consent: 'I agree to be listed',
    });
  });

  it('lets an override take a column from another field, and unmap one with null', () => {
    const headers = ['Name', 'Email', 'Notes'];
    expect(applyOverride(headers, autoMapping(headers), { headline: 'Notes', email: null })).toEqual({ name: 'Name', headline: 'Notes' });
    expect(applyOverride(headers, autoMapping(headers), { role: 'Email' })).toEqual({ name: 'Name', role: 'Email' });
    expect(mappingProblem({ name: 'Name' }, headers)).toContain('No column for the email or the LinkedIn URL');
  });

  it('names duplicate and empty headers apart', () => {
    expect(distinctHeaders(['Name', 'Name', ' ', 'Email'])).toEqual(['Name', 'Name (2)', 'Column 3', 'Email']);
  });

  it('reads yes/no columns', () => {
    for (const yes of ['Yes', 'y', 'TRUE', '1', 'Yes, I agree']) expect(parseYesNo(yes)).toBe(true);
    for (const no of ['No', 'n', 'FALSE', '0']) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo('maybe')).toBeUndefined();
  });
});
