import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.js';

/**
 * A key that every process shares (the key of removal links, of alert unsubscribe links), made by
 * whichever process needs it first and kept in Postgres. Once it exists it never changes, so each
 * executor reads it once, not once per mail; kept per executor, it never outlives its database.
 */
const keys = new Map<string, WeakMap<Executor, Promise<Buffer>>>();

export function appSecret(db: Executor, name: string): Promise<Buffer> {
  let byDb = keys.get(name);
  if (!byDb) keys.set(name, (byDb = new WeakMap()));
  let key = byDb.get(db);
  if (!key) {
    key = readOrCreate(db, name);
    byDb.set(db, key);
    key.catch(() => byDb.delete(db));
  }
  return key;
}

async function readOrCreate(db: Executor, name: string): Promise<Buffer> {
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
