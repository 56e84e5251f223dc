import type { Seniority } from '../profile-codes.js';

/**
 * Seniority in the words of English, Spanish, Portuguese, French and German job titles and
 * seniority columns. Text is folded (case, accents) before matching. In order: the first rule
 * that matches wins, so "Senior Director" is a director and "Head of Sales" is not a senior.
 */
const fold = (value: string) =>
  ` ${value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `
    // "Semi Senior" (Latin America's mid-level) is no senior.
    .replace(/ semi senior /g, ' semisenior ');

const RULES: [RegExp, Seniority][] = [
  [/ (intern|internship|interns|becari[oa]|practicante|pasante|estagiari[oa]|estagio|stagiaire|alternant|apprenti|praktikant(in)?|werkstudent(in)?|trainee) /, 'intern'],
  [/ (vp|svp|evp|avp|vice president|vicepresident[ea]|vice presidente|vice president[e]?|vizeprasident(in)?|chief|c level|cto|ceo|cfo|coo|cpo|cio|ciso|cmo|executive|ejecutiv[oa]|executivo|geschaftsfuhrer(in)?|founder|co founder|cofounder|fundador[a]?|fondateur|fondatrice|grunder(in)?|managing director) /, 'executive'],
  [/ (director[a]?|diretor[a]?|directeur|directrice|direktor(in)?|head of|jefe de|jefa de|chefe de|chef de|responsable de departamento|bereichsleiter(in)?|abteilungsleiter(in)?) /, 'director'],
  [/ (principal|distinguished|fellow) /, 'principal'],
  [/ (staff|lead|leader|tech lead|lider|leiter(in)?|teamleiter(in)?|teamlead|architect|arquitect[oa]|arquiteto|architecte|architekt(in)?) /, 'staff'],
  [/ (engineering manager|people manager|manager|management|gerente|coordinador[a]?|coordenador[a]?|responsable|manag(er|erin)) /, 'manager'],
  [/ (senior|sr|snr|experimentad[oa]|confirme[e]?) /, 'senior'],
  [/ (mid|mid level|midlevel|intermediate|intermedi[oa]|semisenior|ssr|pleno|intermediaire) /, 'mid'],
  [/ (junior|jr|entry|entry level|graduate|new grad|associate|debutant[e]?|berufseinsteiger(in)?|einsteiger(in)?) /, 'junior'],
];

/**
 * Words that name a job rather than a rank: a "Product Manager" manages a product, a "Staff
 * Accountant" and a "Solutions Architect" are no staff engineers, an "Account Executive" sells, a "Lead Generation" specialist
 * leads no one. A title is read for its rank with these removed; a seniority column is read whole.
 */
const JOB_WORDS = / (?:chef de projet|chef de produit|jefe de proyecto|chefe de projeto|lead generation|staff accountant|(?:product|project|program|programme|account|accounts|office|community|case|social media|marketing|sales|success|property|content|release|delivery|solutions?|enterprise|cloud|data|proyecto|producto|cuenta|projeto|produto|conta|projet|produit|compte|projekt|produkt) (manager|management|executive|gerente|architect|arquitect[oa]|arquiteto|architecte|architekt(?:in)?|responsable|manag(?:er|erin))) /g;

/** A seniority column's value ("Senior", "Sr.", "Mid-level", "Pleno", "Stagiaire"), or undefined. */
export function parseSeniority(raw: string): Seniority | undefined {
  const value = fold(raw);
  return RULES.find(([pattern]) => pattern.test(value))?.[1];
}

/**
 * The rank a job title tells ("Senior Data Engineer" → senior, "Head of People" → director,
 * "Desarrolladora Sr." → senior), or undefined when it tells none ("Product Manager",
 * "Software Engineer"). It is a guess: imports mark it as inferred and never let it replace
 * what a person said.
 */
export function seniorityFromTitle(title: string): Seniority | undefined {
  const value = fold(title).replace(JOB_WORDS, ' ');
  return RULES.find(([pattern]) => pattern.test(value))?.[1];
}
