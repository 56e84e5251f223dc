import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../server/logger.js';
import { ImportRunner, RUNNER_LOCK_CLASS } from '../../../../server/services/imports/runner.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/stores.js';
import { until } from '../../../helpers/until.js';

describe('the import runner lock', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  /** The pid of the session holding the runner's lock, if one does. */
  const holder = async (runner: ImportRunner) => {
    const { rows } = await sql<{ pid: number }>`
      select pid from pg_locks
      where locktype = 'advisory' and granted and objsubid = 2
        and classid = ${RUNNER_LOCK_CLASS}::int::oid and objid = ${runner.id}::int::oid`.execute(database.db);
    return rows[0]?.pid;
  };

  it('is held while the runner lives, taken again after its connection is cut, and let go on stop', async () => {
    const runner = new ImportRunner(database.url, createLogger('silent'));
    await runner.start();
    const first = await holder(runner);
    expect(first).toBeGreaterThan(0);

    await sql`select pg_terminate_backend(${first}::int)`.execute(database.db);
    const second = await until(async () => {
      const pid = await holder(runner);
      return pid !== undefined && pid !== first ? pid : undefined;
    }, 10_000, 'the lock taken again');
    expect(second).not.toBe(first);

    await runner.stop();
    await until(async () => ((await holder(runner)) === undefined ? true : undefined), 5_000, 'the lock let go');
  });
});
