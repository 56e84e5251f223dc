import { describe, expect, it } from 'vitest';
import { applyOverride, autoMapping, distinctHeaders, mappingProblem } from '../../../../server/services/imports/mapping.js';

const mapped = (headers: string[]) => autoMapping(headers).mapping;

describe('autoMapping', () => {
  it('maps the headers of real lists, whatever their case and punctuation', () => {
    expect(mapped(['FULL NAME', 'E-mail', 'LinkedIn URL', 'Job Title', 'City', 'State', 'Country', 'Skills', 'Level', 'Company'])).toEqual({
      name: 'FULL NAME', email: 'E-mail', linkedin: 'LinkedIn URL', role: 'Job Title', city: 'City', region: 'State',
      country: 'Country', skills: 'Skills', seniority: 'Level', company: 'Company',
    });
    expect(mapped(['Timestamp', 'What is your name?', 'Email Address', 'Areas of expertise', 'Willing to relocate', 'Work authorization', 'Position', 'Former employer', 'Location', 'Remote'])).toEqual({
      name: 'What is your name?', email: 'Email Address', skills: 'Areas of expertise', relocation: 'Willing to relocate',
      workAuthorization: 'Work authorization', role: 'Position', company: 'Former employer', location: 'Location', remote: 'Remote',
    });
    expect(mapped(['first_name', 'Last Name', 'Sponsorship needed?', 'Years of Experience', 'I agree to be listed'])).toEqual({
      firstName: 'first_name', lastName: 'Last Name', sponsorship: 'Sponsorship needed?', yearsExperience: 'Years of Experience', consent: 'I agree to be listed',
    });
  });

  it('reads a header by its main words, not by the hint in parentheses or after a dash', () => {
    expect(mapped(['Name', 'Email', 'Where are you based? (city, country)'])).toEqual({ name: 'Name', email: 'Email', location: 'Where are you based? (city, country)' });
    expect(mapped(['Name', 'Email', 'Current location - City/State'])).toEqual({ name: 'Name', email: 'Email', location: 'Current location - City/State' });
    // The hint names LinkedIn, but the column holds the name; the LinkedIn column is the question.
    expect(mapped(['Full name (as on LinkedIn)', "What's your LinkedIn?", 'Experience level', 'Years of experience'])).toEqual({
      name: 'Full name (as on LinkedIn)', linkedin: "What's your LinkedIn?", seniority: 'Experience level', yearsExperience: 'Years of experience',
    });
    expect(mapped(['Name (First)', 'Name (Last)', 'Email'])).toEqual({ firstName: 'Name (First)', lastName: 'Name (Last)', email: 'Email' });
    expect(mapped(['Nombre - Nombre de pila', 'Nombre - Apellido', 'Correo'])).toEqual({ firstName: 'Nombre - Nombre de pila', lastName: 'Nombre - Apellido', email: 'Correo' });
    expect(mapped(['Company name', 'Name (first and last)', 'Email (we will not share it)'])).toEqual({
      company: 'Company name', name: 'Name (first and last)', email: 'Email (we will not share it)',
    });
  });

  it('maps headers in Spanish, Portuguese, French and German, with split and combined names', () => {
    expect(autoMapping(['Marca temporal', 'Nombre', 'Apellidos', 'Correo electrónico', '¿Cuál es tu LinkedIn?', 'Puesto', 'Ubicación (ciudad, país)', 'Fecha de despido'])).toEqual({
      mapping: {
        firstName: 'Nombre', lastName: 'Apellidos', email: 'Correo electrónico', linkedin: '¿Cuál es tu LinkedIn?', role: 'Puesto',
        location: 'Ubicación (ciudad, país)', layoffDate: 'Fecha de despido',
      },
      confidence: { firstName: 0.8, lastName: 1, email: 1, linkedin: 1, role: 1, location: 1, layoffDate: 1 },
      language: 'es',
    });
    expect(mapped(['Nome completo', 'E-mail', 'Cargo', 'Cidade', 'Estado', 'País', 'Anos de experiência', 'Senioridade', 'Precisa de visto?'])).toEqual({
      name: 'Nome completo', email: 'E-mail', role: 'Cargo', city: 'Cidade', region: 'Estado', country: 'País',
      yearsExperience: 'Anos de experiência', seniority: 'Senioridade', sponsorship: 'Precisa de visto?',
    });
    expect(mapped(['Prénom', 'Nom', 'Adresse e-mail', 'Poste', 'Ville', 'Pays', 'Compétences', 'Télétravail ?', 'Disponibilité'])).toEqual({
      firstName: 'Prénom', lastName: 'Nom', email: 'Adresse e-mail', role: 'Poste', city: 'Ville', country: 'Pays', skills: 'Compétences',
      remote: 'Télétravail ?', availableFrom: 'Disponibilité',
    });
    expect(mapped(['Vorname', 'Name', 'E-Mail-Adresse', 'Jobtitel', 'Standort', 'Kenntnisse', 'Verfügbar ab', 'Einwilligung'])).toEqual({
      firstName: 'Vorname', lastName: 'Name', email: 'E-Mail-Adresse', role: 'Jobtitel', location: 'Standort', skills: 'Kenntnisse',
      availableFrom: 'Verfügbar ab', consent: 'Einwilligung',
    });
  });

  it('leaves out only the columns whose whole header says to', () => {
    expect(mapped(['Timestamp', 'Name', 'LinkedIn ID', 'Phone number', 'Comments about your skills'])).toEqual({
      name: 'Name', linkedin: 'LinkedIn ID', skills: 'Comments about your skills',
    });
  });

  it('is less sure of a column that another column says as well, or that only its hint names', () => {
    const { mapping, confidence } = autoMapping(['Name', 'Email', 'Work email', 'Anything else? (skills, stack)']);
    expect(mapping).toMatchObject({ name: 'Name', email: 'Email', skills: 'Anything else? (skills, stack)' });
    expect(confidence.name).toBe(1);
    expect(confidence.skills).toBeLessThan(0.5);
    expect(autoMapping(['Name', 'Personal email', 'Work email']).confidence.email).toBeLessThan(0.8);
  });

  it('finds the email and LinkedIn columns by their values where the headers do not say, and doubts a header its values belie', () => {
    const headers = ['Name', 'Contact', 'Profile', 'Notes'];
    const sample = [
      ['Ada', 'ada@example.org', 'https://www.linkedin.com/in/ada', ''],
      ['Alan', 'alan@example.org', 'linkedin.com/in/alan', 'met at the meetup'],
      ['Grace', '', 'https://www.linkedin.com/in/grace', ''],
    ];
    expect(autoMapping(headers, sample)).toEqual({
      mapping: { name: 'Name', email: 'Contact', linkedin: 'Profile' },
      confidence: { name: 1, email: 0.6, linkedin: 0.6 },
      language: 'en',
    });
    // Without rows to look at, only the headers speak.
    expect(autoMapping(headers).mapping).toEqual({ name: 'Name' });
    const belied = autoMapping(['Name', 'Email'], [['Ada', 'Ada Lovelace'], ['Alan', 'Alan Turing']]);
    expect(belied.mapping).toEqual({ name: 'Name', email: 'Email' });
    expect(belied.confidence.email).toBe(0.5);
  });

  it('lets an override take a column from another field, and unmap one with null; what the organizer chose is sure', () => {
    const headers = ['Name', 'Email', 'Notes'];
    expect(applyOverride(headers, autoMapping(headers), { headline: 'Notes', email: null })).toEqual({
      mapping: { name: 'Name', headline: 'Notes' }, confidence: { name: 1, headline: 1 }, language: 'en',
    });
    expect(applyOverride(headers, autoMapping(headers), { role: 'Email' }).mapping).toEqual({ name: 'Name', role: 'Email' });
    expect(mappingProblem({ name: 'Name' }, headers)).toContain('No column for the email or the LinkedIn URL');
  });

  it('names duplicate and empty headers apart', () => {
    expect(distinctHeaders(['Name', 'Name', ' ', 'Email'])).toEqual(['Name', 'Name (2)', 'Column 3', 'Email']);
  });
});
