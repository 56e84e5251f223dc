import freeEmailDomains from 'free-email-domains';
import { isDisposableEmailDomain } from 'disposable-email-domains-js';

/**
 * Which work addresses prove a company: the one place the recruiter domain rules live. The lists
 * are maintained data from npm (free-email-domains: gmail.com, outlook.com …; disposable-email-
 * domains-js: throwaway mailboxes), not hand-typed ones.
 */
const FREE_MAIL = new Set(freeEmailDomains.map((d) => d.toLowerCase()));

/** The domain of an address, lowercased. */
export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** A domain anyone can get an address at: it proves no employer. */
export function isPersonalDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return FREE_MAIL.has(d) || isDisposableEmailDomain(d);
}

/**
 * What proving an address makes of a recruiter: a company domain is enough; a free-mail or
 * disposable one waits for an admin.
 */
export const stateForProvenAddress = (email: string): 'verified' | 'in_review' =>
  isPersonalDomain(emailDomain(email)) ? 'in_review' : 'verified';
