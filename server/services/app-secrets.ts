import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../db/client.js';

/**
 * Keys shared by every process, kept in Postgres (`app_secrets`) and made by whichever process
 * needs one first. A key, once it exists, never changes: each executor reads it once, not once
 * per link (an import's notices sign a link each). Kept per executor, so it never outlives its
 * database.
 */
const keys = new WeakMap<Executor, Map<string, Promise<Buffer>>>();

function secretKey(db: Executor, name: string): Promise<Buffer> {
  let byName = keys.get(db);
  if (!byName) {
    byName = new Map();
    keys.set(db, byName);
  }
  let key = byName.get(name);
  if (!key) {
    key = readOrCreateKey(db, name);
    byName.set(name, key);
    key.catch(() => byName.delete(name));
  }
  return key;
}

async function readOrCreateKey(db: Executor, name: string): Promise<Buffer> {
  const read = () => db.selectFrom('app_secrets').select('value').where('name', '=', name).executeTakeFirst();
  let row = await read();
  if (!row) {
    await db
      .insertInto('app_secrets')
      .values({ name, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    row = await read();
  }
  return Buffer.from(row!.value, 'base64url');
}

/** The signature of a signed link: HMAC-SHA256 of `message` under the shared key `name`, base64url (43 characters). */
export async function signLink(db: Executor, name: string, message: string): Promise<string> {
  return createHmac('sha256', await secretKey(db, name)).update(message).digest('base64url');
}

/** Whether `signature` is signLink's for this message and key, compared in constant time. */
export async function linkSigned(db: Executor, name: string, message: string, signature: string): Promise<boolean> {
  const expected = Buffer.from(await signLink(db, name, message));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
