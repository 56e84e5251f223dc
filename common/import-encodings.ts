/**
 * The encodings an organizer can choose for a list's file, in the web form, the API and
 * `npm run import`; `auto` detects it from the first bytes.
 */
export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number];
