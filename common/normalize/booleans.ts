/**
 * Yes/no answers as sheets hold them, in the languages lists are made in: Google Forms writes the
 * option's text ("Sí", "Oui", "Ja", "Sim", "Yes, I agree"), Airtable a checkbox as "checked",
 * Excel TRUE/FALSE (VERDADERO, WAHR, VRAI…), hand-made sheets a tick or an x.
 */
const fold = (value: string) =>
  value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[.!¡¿?]+/g, '').trim();

const YES = new Set([
  'yes', 'y', 'yep', 'yeah', 'true', 't', '1', 'x', 'checked', 'agree', 'i agree', '✓', '✔', '✔️', '☑', '☑️', '✅',
  'si', 'verdadero', 'vrai', 'oui', 'ja', 'wahr', 'sim', 'verdadeiro', 'vero',
]);
const NO = new Set([
  'no', 'n', 'nope', 'false', 'f', '0', 'unchecked', '✗', '✘', '❌',
  'falso', 'faux', 'non', 'nein', 'falsch', 'nao',
]);
/** The first word of an answer that goes on ("Sí, acepto", "Ja, gerne", "Não, obrigado", "Yes - happy to"). */
const YES_FIRST = new Set(['yes', 'si', 'oui', 'ja', 'sim', 'agree', 'absolutely', 'claro', 'gerne']);
const NO_FIRST = new Set(['no', 'non', 'nein', 'nao']);

/** true, false, or undefined when the answer is neither ("maybe", "depends"). */
export function parseYesNo(raw: string): boolean | undefined {
  const value = fold(raw);
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  if (value.startsWith('i agree') || value.startsWith('i consent')) return true;
  // The word must stand alone: "Non-binary" and "Noviembre" are not answers.
  const first = value.split(/[\s,;:(/]/, 1)[0]!;
  if (YES_FIRST.has(first)) return true;
  if (NO_FIRST.has(first)) return false;
  return undefined;
}
