import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LifelineClient } from '../../tools/lifeline-client.js';
import { writeCsv } from '../../tools/seeding.js';
import { INTERRUPTED } from '../../server/services/imports/jobs.js';
import { runScript } from '../helpers/cli.js';
import { processesMentioning, startServerProcess, waitUntilHealthy, type ServerProcess } from '../helpers/server-process.js';
import { until } from '../helpers/until.js';

const ROWS = 10_000;

/** A connection to the Postgres of the Lifeline running on `dataDir` (it writes where its stores are). */
async function connectToStores(dataDir: string): Promise<pg.Client> {
  const { databaseUrl } = JSON.parse(await readFile(path.join(dataDir, 'endpoints.json'), 'utf8')) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

async function one<T>(client: pg.Client, query: string, values: unknown[] = []): Promise<T> {
  return (await client.query(query, values)).rows[0] as T;
}

describe('SIGKILL of the whole app in the middle of a 10k-row import', () => {
  const servers: ServerProcess[] = [];
  const clients: pg.Client[] = [];
  let dataDir: string;
  let csvDir: string;

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    for (const server of servers) server.child.kill('SIGKILL');
    for (const pid of await processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(csvDir, { recursive: true, force: true })]);
  }, 30_000);

  it('fails the import cleanly, runs it again, duplicates no one, and search agrees with Postgres', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-crash-'));
    csvDir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-crash-csv-'));
    const file = path.join(csvDir, 'list.csv');
    expect(await writeCsv(file, { profiles: ROWS, seed: 11, lists: 1 })).toBe(ROWS);

    // Its temp files (uploads among them) go to csvDir: what the killed server leaves goes with it.
    // The embedded Postgres, run as its own user when we are root, reads a file there too.
    await chmod(csvDir, 0o755);
    const first = await startServerProcess(dataDir, { RATE_LIMIT: '0', LOG_LEVEL: 'warn', TMPDIR: csvDir });
    servers.push(first);
    await waitUntilHealthy(first);
    const user = await runScript('user', ['add', '--email', 'organizer@example.org', '--role', 'organizer'], { DATA_DIR: dataDir });
    expect(user.code, user.stderr).toBe(0);
    const token = user.stdout.trim().split('\n').at(-1)!;
    const client = new LifelineClient(first.url, token);
    const { slug } = await client.createList({ title: 'Crash Corp layoffs', employer: 'Crash Corp' });

    // The import reads all its rows, then must wait to write profiles: this transaction holds a
    // lock that lets it read them but not write them. So it is killed mid-import on any machine.
    const holder = await connectToStores(dataDir);
    clients.push(holder);
    const { pid: holderPid } = await one<{ pid: number }>(holder, 'select pg_backend_pid() as pid');
    await holder.query('begin');
    await holder.query('lock table profiles in share mode');
    const { id } = await client.startImport(slug, file);
    const state = await until(async () => {
      const s = await client.importState(id);
      return s.status === 'running' && s.phase === 'merging' ? s : undefined;
    }, 120_000, 'the import reading every row');
    expect(state.processed).toBe(ROWS);
    // Its transaction (the only writer here) waits for the right to write profiles, on us alone.
    const waiting = await until(async () => {
      const { rows } = await holder.query<{ mode: string; blockers: number[] }>(`
        select mode, pg_blocking_pids(pid) as blockers from pg_locks where relation = 'profiles'::regclass and not granted`);
      return rows.length > 0 ? rows : undefined;
    }, 60_000, 'the import waiting to write profiles');
    expect(waiting).toEqual([{ mode: 'RowExclusiveLock', blockers: [holderPid] }]);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    // What the process left: its import still says it runs; nothing of it was committed.
    expect(await one(holder, 'select status, phase, processed from imports where id = $1', [id])).toEqual({
      status: 'running', phase: 'merging', processed: ROWS,
    });
    await holder.query('rollback');
    await holder.end();

    const second = await startServerProcess(dataDir, { RATE_LIMIT: '0', LOG_LEVEL: 'warn', TMPDIR: csvDir });
    servers.push(second);
    await waitUntilHealthy(second);
    const db = await connectToStores(dataDir);
    clients.push(db);
    const again = new LifelineClient(second.url, token);

    // Cleanly failed: it says so, and nothing of it was committed.
    expect(await again.importState(id)).toMatchObject({
      status: 'failed', error: INTERRUPTED, phase: null, counts: { total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
    });
    const stored = () => one(db, `select (select count(*) from profiles)::int as profiles, (select count(*) from profile_lists)::int as listed,
      (select count(*) from import_rejections)::int as rejections`);
    expect(await stored()).toEqual({ profiles: 0, listed: 0, rejections: 0 });
    const listed = async () => ((await (await fetch(`${second.url}/api/lists/${slug}`)).json()) as { profiles: number }).profiles;
    expect(await listed()).toBe(0);

    // It can simply be run again.
    const { id: retry } = await again.startImport(slug, file);
    const done = await again.waitForImport(retry, undefined, 300_000);
    expect(done.counts).toMatchObject({ total: ROWS, created: ROWS, updated: 0, unchanged: 0, failed: 0 });
    expect(await stored()).toEqual({ profiles: ROWS, listed: ROWS, rejections: 0 });
    expect(await listed()).toBe(ROWS);

    // Importing it once more changes nothing: no person was duplicated.
    const { id: repeat } = await again.startImport(slug, file);
    const repeated = await again.waitForImport(repeat, undefined, 300_000);
    expect(repeated.counts).toMatchObject({ total: ROWS, created: 0, updated: 0, unchanged: ROWS });
    expect(await stored()).toEqual({ profiles: ROWS, listed: ROWS, rejections: 0 });

    // Search agrees with Postgres once the worker has emptied the outbox (it deletes a row only
    // once Meilisearch has indexed the profile).
    await until(async () => ((await one<{ n: number }>(db, 'select count(*)::int as n from search_outbox')).n === 0 ? true : undefined), 120_000, 'an empty outbox');
    const check = await runScript('search-check', [], { DATA_DIR: dataDir });
    expect(check.stdout).toContain(`Compared ${ROWS} published profiles in Postgres with ${ROWS} documents`);
    expect(check.stdout).toContain('No drift.');
    expect(check.code).toBe(0);

    await db.end();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 600_000);
});
