import freeEmailDomains from 'free-email-domains';
import { isDisposableEmailDomain } from 'disposable-email-domains-js';

/**
 * Which work addresses prove a company: the one place the recruiter domain rules live. The lists
 * are maintained data from npm (free-email-domains: gmail.com, outlook.com …; disposable-email-
 * domains-js: throwaway mailboxes), with the few relays they miss named here.
 */
const FREE_MAIL = new Set(freeEmailDomains.map((d) => d.toLowerCase()));

/** The domain of an address, lowercased. */
export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Domains that hand anyone addresses but are missing from those lists, because they are relays
 * (an alias forwards to a personal mailbox) or free tenants rather than mailbox providers. Each
 * also covers its subdomains, like the lists' domains.
 */
const RELAYS = new Set([
  'mozmail.com', 'relay.firefox.com', // Firefox Relay
  'privaterelay.appleid.com', // Apple Hide My Email
  'simplelogin.com', 'simplelogin.co', 'simplelogin.fr', 'simplelogin.io', 'aleeas.com', 'slmail.me', // SimpleLogin
  'passmail.net', 'passmail.com', 'passinbox.com', // Proton Pass
  'anonaddy.me', 'anonaddy.com', 'addy.io', // addy.io
  'onmicrosoft.com', // a Microsoft 365 tenant's address before (or without) its own domain
]);

const personal = (d: string) => FREE_MAIL.has(d) || RELAYS.has(d) || isDisposableEmailDomain(d);

/**
 * A domain anyone can get an address at: it proves no employer. A subdomain of one is one too
 * (alias services hand out `me@you.33mail.com`, tenants `me@you.onmicrosoft.com`).
 */
export function isPersonalDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) if (personal(labels.slice(i).join('.'))) return true;
  return false;
}

/**
 * What proving an address makes of a recruiter: a company domain is enough; a free-mail or
 * disposable one waits for an admin.
 */
export const stateForProvenAddress = (email: string): 'verified' | 'in_review' =>
  isPersonalDomain(emailDomain(email)) ? 'in_review' : 'verified';
