/**
 * The consent a candidate gives on the Join form, word for word. The web form shows this text
 * and the server stores CONSENT_VERSION with the profile, so we can always tell which words a
 * person agreed to. Changing the text means a new version: the test of this module fails until
 * the hash part of the version matches the text.
 */
export const CONSENT_TEXT =
  'I want Lifeline to publish my profile in its public directory of people who are open to work. ' +
  'Everything I enter is public except my email address, which is shown only if I choose so. ' +
  'I can edit, hide or remove my profile at any time with the link in every email Lifeline sends me; ' +
  'when I remove it, my data is erased and the profile leaves search within seconds.';

export const CONSENT_VERSION = 'form-2026-11-22.a560afca';
