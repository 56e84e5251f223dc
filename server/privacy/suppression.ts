import { createHash } from 'node:crypto';
import type { Executor } from '../db/client.js';

export interface Identity {
  email?: string | null;
  linkedinUrl?: string | null;
}

/** The hashes that stand for a person once their data is erased. Inputs are already normalized. */
export function suppressionHashes({ email, linkedinUrl }: Identity): string[] {
  const keys = [email ? `email:${email.toLowerCase()}` : undefined, linkedinUrl ? `linkedin:${linkedinUrl}` : undefined];
  return keys.filter((k): k is string => k !== undefined).map((k) => createHash('sha256').update(k).digest('hex'));
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
