import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../common/normalize/booleans.js';
import { parseSheetDate } from '../../../common/normalize/dates.js';
import { countryCode, parseLocation } from '../../../common/normalize/location.js';
import { parseSeniority, seniorityFromTitle } from '../../../common/normalize/seniority.js';

describe('countries and places in the languages lists are made in', () => {
  it('knows country names in English, Spanish, Portuguese, French and German', () => {
    const cases: [string, string][] = [
      ['España', 'ES'], ['Deutschland', 'DE'], ['Brasil', 'BR'], ['Estados Unidos', 'US'], ['EE.UU.', 'US'], ['EUA', 'US'],
      ['Alemania', 'DE'], ['Alemanha', 'DE'], ['Allemagne', 'DE'], ['États-Unis', 'US'], ['Vereinigte Staaten', 'US'],
      ['Royaume-Uni', 'GB'], ['Reino Unido', 'GB'], ['Großbritannien', 'GB'], ['Mexique', 'MX'], ['México', 'MX'],
      ['Suisse', 'CH'], ['Schweiz', 'CH'], ['Österreich', 'AT'], ['Países Bajos', 'NL'], ['Irlanda', 'IE'], ['Portugal', 'PT'],
    ];
    for (const [name, code] of cases) expect(countryCode(name), name).toBe(code);
    expect(countryCode('Atlantis')).toBeUndefined();
  });

  it('reads "City, ST" for US states and Canadian provinces, and places written in other languages', () => {
    expect(parseLocation('Austin, TX')).toEqual({ city: 'Austin', region: 'Texas', country: 'US' });
    expect(parseLocation('Montréal, QC')).toEqual({ city: 'Montréal', region: 'Quebec', country: 'CA' });
    expect(parseLocation('Vancouver, BC, Canadá')).toEqual({ city: 'Vancouver', region: 'British Columbia', country: 'CA' });
    expect(parseLocation('Madrid, España')).toEqual({ city: 'Madrid', country: 'ES' });
    expect(parseLocation('São Paulo, SP, Brasil')).toEqual({ city: 'São Paulo', region: 'São Paulo', country: 'BR' });
    expect(parseLocation('Curitiba - PR', ['BR', 'US', 'CA'])).toEqual({ city: 'Curitiba', region: 'Paraná', country: 'BR' });
    expect(parseLocation('San Juan, PR')).toEqual({ city: 'San Juan', region: 'Puerto Rico', country: 'US' });
    expect(parseLocation('München (Deutschland)')).toEqual({ city: 'München', country: 'DE' });
    expect(parseLocation('Lyon - France')).toEqual({ city: 'Lyon', country: 'FR' });
  });
});

describe('yes/no answers', () => {
  it('reads them in five languages, as forms, Airtable and Excel write them', () => {
    for (const yes of ['Yes', 'y', 'TRUE', '1', 'Yes, I agree', 'Sí', 'si', 'Sí, acepto', 'Oui', 'Ja', 'Sim', 'VERDADERO', 'VRAI', 'WAHR', 'checked', '✓', 'x']) {
      expect(parseYesNo(yes), yes).toBe(true);
    }
    for (const no of ['No', 'n', 'FALSE', '0', 'Non', 'Nein', 'Não', 'Nao', 'No, gracias', 'FALSO', 'FAUX', 'FALSCH']) expect(parseYesNo(no), no).toBe(false);
    for (const neither of ['maybe', 'Non-binary', 'Noviembre', 'depends', '']) expect(parseYesNo(neither), neither).toBeUndefined();
  });
});

describe('dates as sheets write them', () => {
  it('reads ISO dates, form timestamps, Excel serials and month names in five languages', () => {
    const cases: [string, string][] = [
      ['2026-03-31', '2026-03-31'], ['2026/11/01 10:00:00', '2026-11-01'], ['46112', '2026-03-31'], ['31/03/2026', '2026-03-31'],
      ['31.03.2026', '2026-03-31'], ['3/31/2026', '2026-03-31'], ['March 31, 2026', '2026-03-31'], ['31 de marzo de 2026', '2026-03-31'],
      ['31 de março de 2026', '2026-03-31'], ['31 mars 2026', '2026-03-31'], ['1er mars 2026', '2026-03-01'], ['31. März 2026', '2026-03-31'],
      ['Sept 2026', '2026-09-01'], ['03/2026', '2026-03-01'],
    ];
    for (const [raw, iso] of cases) expect(parseSheetDate(raw), raw).toBe(iso);
  });

  it('reads a date that could go either way in the order of the sheet, and refuses what is no date', () => {
    expect(parseSheetDate('04/03/2026', 'mdy')).toBe('2026-04-03');
    expect(parseSheetDate('04/03/2026', 'dmy')).toBe('2026-03-04');
    expect(parseSheetDate('11/1/2026 10:00:00', 'mdy')).toBe('2026-11-01');
    for (const bad of ['31/31/2026', 'soon', '2026', '30 février 2026', '1/1/1850']) expect(parseSheetDate(bad), bad).toBeUndefined();
  });
});

describe('seniority', () => {
  it('reads seniority columns in five languages', () => {
    const cases: [string, string][] = [
      ['Senior', 'senior'], ['Sr.', 'senior'], ['Mid-level', 'mid'], ['Semi Senior', 'mid'], ['Pleno', 'mid'], ['Junior', 'junior'],
      ['Becario', 'intern'], ['Stagiaire', 'intern'], ['Praktikant', 'intern'], ['Estagiário', 'intern'], ['Manager', 'manager'], ['Gerente', 'manager'],
    ];
    for (const [raw, seniority] of cases) expect(parseSeniority(raw), raw).toBe(seniority);
  });

  it('infers it from titles, and not from words that name a job rather than a rank', () => {
    const cases: [string, string | undefined][] = [
      ['Senior Software Engineer', 'senior'], ['Staff Engineer', 'staff'], ['Principal Designer', 'principal'], ['Lead Designer', 'staff'],
      ['Head of People', 'director'], ['Director of Engineering', 'director'], ['Senior Director, Sales', 'director'], ['VP Engineering', 'executive'],
      ['Software Engineering Intern', 'intern'], ['Junior Developer', 'junior'], ['Engineering Manager', 'manager'],
      ['Desarrolladora Sr.', 'senior'], ['Jefa de Producto', 'director'], ['Desenvolvedor Pleno', 'mid'], ['Estagiária de Marketing', 'intern'],
      ['Directrice marketing', 'director'], ['Développeur Junior', 'junior'], ['Praktikantin Marketing', 'intern'], ['Teamleiter Backend', 'staff'],
      ['Vizepräsident Vertrieb', 'executive'], ['Vicepresidente de Ventas', 'executive'],
      ['Product Manager', undefined], ['Senior Product Manager', 'senior'], ['Chef de projet', undefined], ['Account Executive', undefined],
      ['Solutions Architect', undefined], ['Internal Tools Engineer', undefined], ['Software Engineer', undefined],
    ];
    for (const [title, seniority] of cases) expect(seniorityFromTitle(title), title).toBe(seniority);
  });
});
