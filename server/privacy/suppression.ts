import { hash } from 'node:crypto';
import type { Executor } from '../../db/client.js';

export interface Identity {
  email?: string | null;
  linkedinUrl?: string | null;
}

const sha256 = (key: string) => hash('sha256', key, 'hex');
/** The hash that stands for an email once the person is erased. The email is already normalized. */
export const emailHash = (email: string): string => sha256(`email:${email.toLowerCase()}`);
/** The hash that stands for a (normalized) LinkedIn URL once the person is erased. */
export const linkedinHash = (url: string): string => sha256(`linkedin:${url}`);

/** The hashes that stand for a person once their data is erased. */
export function suppressionHashes({ email, linkedinUrl }: Identity): string[] {
  return [email ? emailHash(email) : undefined, linkedinUrl ? linkedinHash(linkedinUrl) : undefined].filter((h) => h !== undefined);
}

/** Remembers that this person removed themselves, so no import brings them back. */
export async function suppress(db: Executor, identity: Identity): Promise<void> {
  const hashes = suppressionHashes(identity);
  if (hashes.length === 0) return;
  await db
    .insertInto('suppressions')
    .values(hashes.map((key_hash) => ({ key_hash })))
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .execute();
}

/** Which of these hashes belong to people who removed themselves. */
export async function suppressedAmong(db: Executor, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.selectFrom('suppressions').select('key_hash').where('key_hash', 'in', hashes).execute();
  return new Set(rows.map((r) => r.key_hash));
}
