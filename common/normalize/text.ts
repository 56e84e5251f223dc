/**
 * Text at the edge: NFC, trimmed, bounded, and free of control characters that no person types
 * (and that Postgres or a spreadsheet would choke on). What passes is stored exactly as returned.
 */
type TextResult = { ok: true; value: string } | { ok: false; reason: string };

// C0 and C1 controls, except tab and line breaks (allowed in multi-line fields only), and lone surrogates.
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const LONE_SURROGATE = /\p{Cs}/u;

export function cleanText(raw: string, options: { max: number; multiline?: boolean }): TextResult {
  if (LONE_SURROGATE.test(raw)) return { ok: false, reason: 'contains broken characters (lone surrogates)' };
  let value = raw.normalize('NFC');
  if (options.multiline) value = value.replace(/\r\n?/g, '\n');
  value = value.trim();
  const control = options.multiline ? CONTROL_MULTI : CONTROL_SINGLE;
  if (control.test(value)) {
    return { ok: false, reason: options.multiline ? 'contains control characters' : 'must be one line without control characters' };
  }
  if ([...value].length > options.max) return { ok: false, reason: `must be at most ${options.max} characters` };
  return { ok: true, value };
}

/** "Ada Lovelace" → "ada-lovelace": the readable part of a public slug. */
export function slugify(value: string, max = 60): string {
  const slug = value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug;
}

const EMAIL = /^[^\s\u0000-\u001f\u007f@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** A deliverable-looking address, trimmed, with its domain lower-cased; undefined when it is not one. */
export function normalizeEmail(raw: string): string | undefined {
  const value = raw.normalize('NFC').trim();
  if (value.length > 254 || !EMAIL.test(value)) return undefined;
  const at = value.lastIndexOf('@');
  return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
}
