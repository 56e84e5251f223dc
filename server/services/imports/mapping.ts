import { ImportFileError } from './errors.js';

/**
 * Which column of a list feeds which profile field. Real lists come from Google Forms, Sheets,
 * Airtable and Excel, in English, Spanish, Portuguese, French and German, with headers written as
 * people write them: "Full name", "What's your LinkedIn?", "Where are you based? (city, country)",
 * "Current location - City/State", "Correo electrónico", "Vorname". A header is read by meaning:
 * its main words against the phrases of each field, its hint (in parentheses, after a dash or a
 * colon) only as a weaker clue, and every column goes to the field it matches best.
 */
export const TARGETS = [
  'name', 'firstName', 'lastName', 'email', 'linkedin', 'headline', 'role', 'seniority', 'skills',
  'yearsExperience', 'location', 'city', 'region', 'country', 'remote', 'relocation', 'sponsorship',
  'workAuthorization', 'company', 'layoffDate', 'availableFrom', 'consent',
] as const;
export type Target = (typeof TARGETS)[number];

/** Target → the header of the column that feeds it. */
export type Mapping = Partial<Record<Target, string>>;
/** Target → how sure the mapping is of its column, from 0 to 1 (1: chosen by the organizer, or the header says exactly that). */
export type MappingConfidence = Partial<Record<Target, number>>;

/** The languages headers are read in. */
export const HEADER_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de'] as const;
export type HeaderLanguage = (typeof HEADER_LANGUAGES)[number];

/**
 * The phrases of each field, by language, "|"-separated; a word ending in * is a prefix
 * ("relocat*": relocate, relocation). In order of precedence: when a header says two things
 * equally well ("Consent to email you", "Company name"), the field listed first takes it.
 */
const PHRASES: [Target | 'ignore', Partial<Record<HeaderLanguage, string>>][] = [
  ['ignore', {
    en: 'timestamp|submitted at|submission date|created time|created|last modified|id|row id|record id|phone|phone number|notes|comments',
    es: 'marca temporal|fecha de envío|teléfono|celular|notas|comentarios',
    pt: 'carimbo de data/hora|data de envio|telefone|celular|observações|comentários',
    fr: 'horodateur|horodatage|téléphone|portable|remarques|commentaires',
    de: 'zeitstempel|telefon|telefonnummer|handy|anmerkungen|kommentare',
  }],
  ['consent', {
    en: 'consent*|opt in|agree*|permission|ok to share|ok to list|publicly list*|share my profile|list me',
    es: 'consentimiento|acepto|autorizo|doy mi consentimiento|aceptas*',
    pt: 'consentimento|concordo|autorizo|aceito',
    fr: 'consentement|j accepte|accepte*|autorise*',
    de: 'einwilligung|zustimmung|einverstand*|ich stimme zu|datenschutz*',
  }],
  ['linkedin', { en: 'linkedin|linkedin url|linkedin profile', es: 'perfil de linkedin', pt: 'perfil do linkedin', fr: 'profil linkedin', de: 'linkedin profil' }],
  ['email', {
    en: 'email|email address|mail|work email|personal email|contact email',
    es: 'correo|correo electrónico|dirección de correo|correo electronico',
    pt: 'endereço de email|endereço de e-mail',
    fr: 'courriel|adresse email|adresse électronique|adresse e-mail|adresse mail',
    de: 'e-mail-adresse|emailadresse|mailadresse',
  }],
  ['firstName', { en: 'first name|first|given name|forename', es: 'nombre de pila|primer nombre', pt: 'primeiro nome|nome próprio', fr: 'prénom', de: 'vorname|rufname' }],
  ['lastName', { en: 'last name|last|surname|family name', es: 'apellido*|primer apellido', pt: 'sobrenome|último nome', fr: 'nom de famille', de: 'nachname|familienname' }],
  ['sponsorship', {
    en: 'sponsor*|visa|need visa|visa status|require visa',
    es: 'visa|visado|patrocinio*|necesitas visa',
    pt: 'visto|patrocínio*',
    fr: 'visa|parrainage',
    de: 'visum|sponsoring',
  }],
  ['workAuthorization', {
    en: 'work authorization|work authorisation|authorized to work|authorised to work|work permit|right to work|eligible to work|legally authorized',
    es: 'permiso de trabajo|autorización de trabajo|autorización para trabajar',
    pt: 'autorização de trabalho|permissão de trabalho',
    fr: 'autorisation de travail|permis de travail',
    de: 'arbeitserlaubnis|arbeitsgenehmigung',
  }],
  ['relocation', {
    en: 'relocat*|willing to move|open to moving|move',
    es: 'reubica*|mudarte|mudanza|dispuesto a mudarse|traslado',
    pt: 'mudança|mudar de cidade|realocação|relocação',
    fr: 'déménag*|mobilité|mobilité géographique',
    de: 'umzug*|umziehen|umzugsbereit*',
  }],
  ['remote', {
    en: 'remote|open to remote|remote work|work preference|work location preference|work arrangement|work mode|remote hybrid onsite|workplace',
    es: 'remoto|trabajo remoto|modalidad|modalidad de trabajo|teletrabajo',
    pt: 'remoto|trabalho remoto|modalidade|modalidade de trabalho|home office',
    fr: 'télétravail|à distance|mode de travail|travail à distance',
    de: 'homeoffice|home-office|remote arbeit|arbeitsmodell|fernarbeit',
  }],
  ['layoffDate', {
    en: 'layoff date|date of layoff|laid off on|when were you laid off|date laid off|last day|termination date|separation date',
    es: 'fecha de despido|fecha del despido|cuándo te despidieron|último día',
    pt: 'data de demissão|data do desligamento|data da demissão|último dia',
    fr: 'date de licenciement|date du licenciement|dernier jour',
    de: 'kündigungsdatum|datum der kündigung|letzter arbeitstag|entlassungsdatum',
  }],
  ['availableFrom', {
    en: 'available from|availability|available|start date|available to start|earliest start date|when can you start',
    es: 'disponible desde|disponibilidad|fecha de incorporación|disponible a partir de',
    pt: 'disponível a partir de|disponibilidade|data de início',
    fr: 'disponible à partir du|disponible à partir de|disponibilité|disponible dès',
    de: 'verfügbar ab|verfügbarkeit|eintrittsdatum|frühester eintritt',
  }],
  ['yearsExperience', {
    en: 'years of experience|years experience|yoe|experience years|experience|years in industry',
    es: 'años de experiencia|experiencia',
    pt: 'anos de experiência|experiência',
    fr: 'années d expérience|ans d expérience|expérience',
    de: 'jahre berufserfahrung|berufserfahrung|jahre erfahrung|erfahrung in jahren|erfahrung',
  }],
  ['seniority', {
    en: 'seniority|level|career level|job level|experience level|seniority level',
    es: 'nivel|senioridad|seniority|nivel de experiencia|nivel profesional',
    pt: 'nível|senioridade|nível de experiência|nível profissional',
    fr: 'niveau|séniorité|niveau d expérience|niveau de séniorité',
    de: 'erfahrungsstufe|karrierestufe|senioritätsstufe|level',
  }],
  ['skills', {
    en: 'skill*|areas of expertise|expertise|specialt*|technologies|tech stack|stack|tools|top skills|key skills',
    es: 'habilidades|competencias|tecnologías|conocimientos|especialidades|áreas de especialización',
    pt: 'habilidades|competências|tecnologias|conhecimentos|especialidades|áreas de atuação',
    fr: 'compétences|technologies|domaines d expertise|expertises',
    de: 'fähigkeiten|kenntnisse|kompetenzen|technologien|fachgebiete',
  }],
  ['company', {
    en: 'company|employer|former employer|former company|previous company|previous employer|organization|organisation|laid off from|last company|company name',
    es: 'empresa|empresa anterior|última empresa|compañía|empleador',
    pt: 'empresa|empresa anterior|última empresa|empregador',
    fr: 'entreprise|ancienne entreprise|société|employeur|dernier employeur',
    de: 'unternehmen|firma|arbeitgeber|ehemaliger arbeitgeber|letzter arbeitgeber',
  }],
  // Not "Summary" or "Resumen": a paragraph is no headline (at most 160 characters), and would fail its row.
  ['headline', { en: 'headline|tagline|one liner|elevator pitch', es: 'titular', pt: 'título do perfil', fr: 'titre du profil|accroche' }],
  ['role', {
    en: 'title|job title|job|role|position|job function|occupation|most recent title|current title|last role',
    es: 'cargo|puesto|título|rol|función|último cargo|último puesto',
    pt: 'cargo|função|título|último cargo|posição',
    fr: 'poste|intitulé de poste|fonction|titre|métier|dernier poste',
    de: 'berufsbezeichnung|jobtitel|position|rolle|funktion|stelle|beruf|letzte position',
  }],
  ['name', {
    en: 'name|full name|first and last name|candidate|person|names',
    es: 'nombre|nombre completo|nombre y apellido*',
    pt: 'nome|nome completo|nome e sobrenome',
    fr: 'nom|nom complet|prénom et nom|nom et prénom|nom prénom',
    de: 'name|vollständiger name|vor und nachname|vor- und nachname',
  }],
  ['country', { en: 'country|country of residence', es: 'país|país de residencia', pt: 'país|país de residência', fr: 'pays|pays de résidence', de: 'land|wohnsitzland' }],
  ['region', { en: 'state|province|region|state province|county', es: 'estado|provincia|región|comunidad autónoma|departamento', pt: 'estado|província|região|uf', fr: 'région|province|département|état', de: 'bundesland|region|kanton|bundesstaat' }],
  ['city', { en: 'city|town|metro|metro area', es: 'ciudad|localidad', pt: 'cidade|município', fr: 'ville|commune', de: 'stadt|ort|wohnort' }],
  ['location', {
    en: 'location|based|based in|where based|where located|where live|where reside|city country|city state|residence|current location|geography',
    es: 'ubicación|localización|dónde vives|dónde resides|dónde estás|residencia|lugar de residencia|ciudad país',
    pt: 'localização|onde mora|onde reside|onde está|residência|local|cidade país|cidade estado',
    fr: 'localisation|lieu|lieu de résidence|où habitez|où êtes basé|ville pays|résidence',
    de: 'standort|wo wohnst|wo lebst|wohnsitz|stadt land',
  }],
];

/**
 * Words that carry no meaning in a header ("What's your…", "Please enter…", "¿Cuál es tu…?",
 * "Votre…", "Ihr…"): dropped from headers and phrases alike.
 */
const FILLER = new Set((
  'what whats s is are you your yours please enter the a an do did have optional required if any my current currently ' +
  'preferred here which to of in at for on and or ' +
  'cual es tu su sus tus el la los las de del en y o por favor cuál qual e o os as seu sua seus suas do da dos das em ' +
  'votre vos ton ta tes le les du des est et quel quelle d l ' +
  'ihr ihre dein deine wie ist der die das und oder bitte im am zu'
).split(' '));

/** "Correo electrónico" → ["correo", "electronico"]; "E-mail" and "Linked In" are one word. */
function words(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss')
    .replace(/\be[\s-]?mail/g, 'email').replace(/\blinked[\s-]?in\b/g, 'linkedin').replace(/\bhome[\s-]office\b/g, 'homeoffice');
  return folded.split(/[^a-z0-9*]+/).filter((w) => w && !FILLER.has(w));
}

interface Phrase { target: Target | 'ignore'; language: HeaderLanguage; words: string[] }
const PHRASE_LIST: Phrase[] = PHRASES.flatMap(([target, byLanguage]) =>
  HEADER_LANGUAGES.flatMap((language) => (byLanguage[language] ?? '').split('|').filter(Boolean).map((p) => ({ target, language, words: words(p) }))),
).filter((p) => p.words.length > 0);
const PRECEDENCE = new Map(PHRASES.map(([target], i) => [target, i]));

const wordMatches = (word: string, pattern: string) => (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern);

/** Whether `pattern` occurs in `text` as a run of whole words. */
function contains(text: string[], pattern: string[]): boolean {
  for (let i = 0; i + pattern.length <= text.length; i++) if (pattern.every((p, j) => wordMatches(text[i + j]!, p))) return true;
  return false;
}

const HEADER_WORDS = 40;

/** The header's main words and its hint: what is in parentheses, or after a dash or a colon. */
function headerParts(header: string): { main: string[]; hint: string[] } {
  const hints: string[] = [];
  let main = header.replace(/[([{]([^)\]}]*)[)\]}]?/g, (_, inner: string) => (hints.push(inner), ' '));
  const split = /\s[-–—]\s|:\s|\s\/\s(?=\S+\s*$)/.exec(main);
  if (split && split.index > 0) {
    hints.push(main.slice(split.index + split[0].length));
    main = main.slice(0, split.index);
  }
  // What a header says, it says in its first words: a pasted paragraph is not read to its end.
  const mainWords = words(main).slice(0, HEADER_WORDS);
  const hintWords = words(hints.join(' ')).slice(0, HEADER_WORDS);
  return mainWords.length > 0 ? { main: mainWords, hint: hintWords } : { main: hintWords, hint: [] };
}

/** Exactly the phrase, the phrase among other words, the phrase only in the hint. */
const EXACT = 1;
const WITHIN = 0.8;
const IN_HINT = 0.45;
/** A column is never mapped on a weaker clue than this. */
const FLOOR = 0.4;

interface Score {
  target: Target | 'ignore';
  /** How surely the header says the field: EXACT, WITHIN or IN_HINT. */
  confidence: number;
  /** The confidence, a longer phrase ranking above a shorter one found in the same place of the header. */
  rank: number;
  /** The languages whose phrase matched ("Empresa anterior" is Spanish and Portuguese alike). */
  languages: Set<HeaderLanguage>;
}

/** A bare "Name"/"Nombre"/"Nom": the whole name, or its missing half beside "Vorname", "Apellidos", "Prénom". */
const BARE_NAME = new Set(['name', 'nombre', 'nome', 'nom']);

/** How well a header says each field: its best phrase per field. */
function scoreHeader(header: string): Score[] {
  const { main, hint } = headerParts(header);
  // "Name (First)", "Nombre - Apellido": a bare name whose hint says which half it is ("Name (first and last)" is whole).
  const halves = BARE_NAME.has(main.join(' '))
    ? new Set(PHRASE_LIST.filter((p) => (p.target === 'firstName' || p.target === 'lastName') && contains(hint, p.words)).map((p) => p.target))
    : new Set();
  const best = new Map<Target | 'ignore', Score>();
  for (const phrase of PHRASE_LIST) {
    const names = halves.size === 1 && halves.has(phrase.target) && contains(hint, phrase.words);
    const confidence =
      names || (phrase.words.length === main.length && contains(main, phrase.words)) ? EXACT
      : contains(main, phrase.words) ? WITHIN
      : contains(hint, phrase.words) ? IN_HINT
      : 0;
    // A column is left out only when that is all its header says: "LinkedIn ID" is no row id.
    if (confidence === 0 || (phrase.target === 'ignore' && confidence !== EXACT)) continue;
    // Among looser matches, a longer phrase is the surer clue ("years of experience" over "experience").
    const rank = confidence === EXACT ? EXACT : confidence - 0.01 / phrase.words.length;
    const known = best.get(phrase.target);
    if (known && known.rank === rank) known.languages.add(phrase.language);
    else if (!known || rank > known.rank) best.set(phrase.target, { target: phrase.target, confidence, rank, languages: new Set([phrase.language]) });
  }
  return [...best.values()];
}

export interface HeaderMatch {
  mapping: Mapping;
  confidence: MappingConfidence;
  /** The language most of the matched headers are in; it decides how "03/04/2026" reads. */
  language: HeaderLanguage;
}

/**
 * The mapping an organizer would pick by hand, with how sure it is of each column: from the
 * headers, and from the values of the first rows (`sample`, aligned with `headers`) where the
 * headers say nothing of an email or a LinkedIn URL, or say it of a column that holds none.
 */
export function autoMapping(headers: string[], sample: string[][] = []): HeaderMatch {
  const candidates: (Score & { header: string; index: number })[] = [];
  headers.forEach((header, index) => {
    const scores = scoreHeader(header);
    const top = Math.max(0, ...scores.map((s) => s.rank));
    // A column competes only for what it says best: "Full name (as on LinkedIn)" is no LinkedIn column.
    for (const s of scores) if (s.rank >= FLOOR && s.rank >= top - 0.2) candidates.push({ ...s, header, index });
  });
  candidates.sort((a, b) => b.rank - a.rank || a.index - b.index || PRECEDENCE.get(a.target)! - PRECEDENCE.get(b.target)!);

  const mapping: Mapping = {};
  const confidence: MappingConfidence = {};
  const used = new Set<string>();
  const votes = new Map<HeaderLanguage, number>();
  for (const c of candidates) {
    if (used.has(c.header) || (c.target !== 'ignore' && mapping[c.target] !== undefined)) continue;
    used.add(c.header);
    if (c.target === 'ignore') continue;
    mapping[c.target] = c.header;
    // Another column said the same as well: the organizer should look.
    const rival = candidates.some((o) => o !== c && o.target === c.target && !used.has(o.header) && o.rank >= c.rank - 0.05);
    confidence[c.target] = rival ? Math.round(c.confidence * 75) / 100 : c.confidence;
    // English words ("Email", "LinkedIn", "Name") turn up in every language's sheets: they count less,
    // and for English only, even where another language spells the word the same.
    for (const language of c.languages.has('en') ? ['en' as const] : c.languages) {
      votes.set(language, (votes.get(language) ?? 0) + (language === 'en' ? 0.5 : 1));
    }
  }

  // "Vorname" + "Name", "Prénom" + "Nom", "Nombre" + "Apellidos": the bare one is the other half.
  const bare = mapping.name !== undefined && BARE_NAME.has(headerParts(mapping.name).main.join(' '));
  if (bare && (mapping.firstName === undefined) !== (mapping.lastName === undefined)) {
    const half = mapping.firstName === undefined ? 'firstName' : 'lastName';
    mapping[half] = mapping.name;
    // Read from the columns around it, not from the header itself.
    confidence[half] = WITHIN;
    delete mapping.name;
    delete confidence.name;
  }
  checkValues(headers, sample, mapping, confidence);
  const language = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
  return { mapping, confidence, language };
}

/** Values that can only be one thing, whatever their column is called. */
const RECOGNIZABLE: [Target, RegExp][] = [
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['linkedin', /linkedin\.com\/in\//i],
];
/** A column is taken for its values when this share of its filled cells looks right, and doubted below half. */
const TAKEN_FOR_VALUES = 0.8;
/** Read from the values, not the header: the organizer should look. */
const FROM_VALUES = 0.6;

function checkValues(headers: string[], sample: string[][], mapping: Mapping, confidence: MappingConfidence): void {
  const share = (index: number, pattern: RegExp): number | undefined => {
    const cells = sample.map((row) => row[index]?.trim() ?? '').filter(Boolean);
    return cells.length === 0 ? undefined : cells.filter((cell) => pattern.test(cell)).length / cells.length;
  };
  const mapped = new Set(Object.values(mapping));
  for (const [target, pattern] of RECOGNIZABLE) {
    const header = mapping[target];
    if (header !== undefined) {
      // "Email" over a column of names: the header promised what the values do not hold.
      if ((share(headers.indexOf(header), pattern) ?? 1) < 0.5) confidence[target] = Math.min(confidence[target] ?? 1, 0.5);
      continue;
    }
    const found = headers
      .map((h, index) => ({ h, value: mapped.has(h) ? undefined : share(index, pattern) }))
      .filter((c): c is { h: string; value: number } => c.value !== undefined && c.value >= TAKEN_FOR_VALUES)
      .sort((a, b) => b.value - a.value)[0];
    if (found) {
      mapping[target] = found.h;
      confidence[target] = FROM_VALUES;
      mapped.add(found.h);
    }
  }
}

/** An override as the organizer sends it: `{ "email": "E-mail address", "phone": null }`. */
export type MappingOverride = Partial<Record<Target, string | null>>;

/** The override's problems, each naming the key to fix; empty when it is usable. */
export function overrideProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['mapping must be a JSON object from field to column header, like {"email": "E-mail address"}'];
  }
  const problems: string[] = [];
  for (const [key, header] of Object.entries(value)) {
    if (!(TARGETS as readonly string[]).includes(key)) problems.push(`mapping.${key} is not a field; fields are ${TARGETS.join(', ')}`);
    else if (header !== null && (typeof header !== 'string' || header.length > 500)) problems.push(`mapping.${key} must be a column header or null`);
    else if (header?.includes('\0')) problems.push(`mapping.${key} contains a NUL character, which no column header has`);
  }
  return problems;
}

/** The automatic mapping with the organizer's choices on top (sure, since they chose); throws naming a missing column. */
export function applyOverride(headers: string[], auto: HeaderMatch, override: MappingOverride = {}): HeaderMatch {
  const mapping: Mapping = { ...auto.mapping };
  const confidence: MappingConfidence = { ...auto.confidence };
  for (const [target, header] of Object.entries(override) as [Target, string | null][]) {
    if (header === null || header === '') {
      delete mapping[target];
      delete confidence[target];
      continue;
    }
    if (!headers.includes(header)) {
      throw new ImportFileError(`mapping.${target} names the column "${header}", which the file does not have. Its columns are: ${headers.map((h) => `"${h}"`).join(', ')}.`);
    }
    // A column feeds one field: taking it for this one takes it from any other.
    for (const t of Object.keys(mapping) as Target[]) {
      if (mapping[t] === header) {
        delete mapping[t];
        delete confidence[t];
      }
    }
    mapping[target] = header;
    confidence[target] = 1;
  }
  return { mapping, confidence, language: auto.language };
}

/** Why a mapping cannot make profiles, or undefined when it can. */
export function mappingProblem(mapping: Mapping, headers: string[]): string | undefined {
  const columns = headers.map((h) => `"${h}"`).join(', ');
  if (!mapping.name && !(mapping.firstName || mapping.lastName)) {
    return `No column for the name was found (looked for headers like "Name", "Full name", "First name" + "Last name", "Nombre" + "Apellidos", "Nome completo", "Prénom" + "Nom", "Vorname" + "Nachname"). The file's columns are: ${columns}. Choose one in the mapping.`;
  }
  if (!mapping.email && !mapping.linkedin) {
    return `No column for the email or the LinkedIn URL was found, by its header or by its values in the first rows: each person needs one of them. The file's columns are: ${columns}. Choose one in the mapping.`;
  }
  return undefined;
}

/** "Name", "Name" → "Name", "Name (2)": every column gets a distinct header to be mapped by. */
export function distinctHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    const base = cell.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
