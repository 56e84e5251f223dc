import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LifelineClient, type ImportState } from '../../bench/lib/api.js';
import { writeCsv } from '../../bench/lib/seeding.js';
import { runScript } from '../helpers/cli.js';
import { processesMentioning, startServerProcess, waitUntilHealthy, type ServerProcess } from '../helpers/server-process.js';
import { until } from '../helpers/until.js';

const ROWS = 10_000;

describe('SIGKILL of the whole app in the middle of a 10k-row import', () => {
  const servers: ServerProcess[] = [];
  let dataDir: string;
  let csvDir: string;

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    for (const pid of await processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(csvDir, { recursive: true, force: true })]);
  }, 30_000);

  it('leaves the import complete or cleanly failed, runnable again, with no duplicate and search in agreement', async () => {
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
    const { id } = await client.startImport(slug, file);

    // Kill once the import is under way (or, on a fast machine, as soon as it is done).
    const seen = await until(async () => {
      const state = await client.importState(id);
      return state.status === 'done' || (state.status === 'running' && state.processed > ROWS / 5) ? state : undefined;
    }, 120_000, 'the import getting under way');
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startServerProcess(dataDir, { RATE_LIMIT: '0', LOG_LEVEL: 'warn', TMPDIR: csvDir });
    servers.push(second);
    await waitUntilHealthy(second);
    const again = new LifelineClient(second.url, token);
    const after: ImportState = await again.importState(id);
    expect(['done', 'failed']).toContain(after.status);
    if (seen.status === 'done') expect(after.status).toBe('done');

    const listed = async () => ((await (await fetch(`${second.url}/api/lists/${slug}`)).json()) as { profiles: number }).profiles;
    if (after.status === 'failed') {
      expect(after.error).toMatch(/interrupted/i);
      // Cleanly failed: nothing of it was committed. Then it can simply be run again.
      expect(await listed()).toBe(0);
      const { id: retry } = await again.startImport(slug, file);
      const done = await again.waitForImport(retry, undefined, 300_000);
      expect(done.counts.created).toBe(ROWS);
    }
    expect(await listed()).toBe(ROWS);

    // Importing it once more changes nothing: no person was duplicated.
    const { id: repeat } = await again.startImport(slug, file);
    const repeated = await again.waitForImport(repeat, undefined, 300_000);
    expect(repeated.counts).toMatchObject({ created: 0, updated: 0, unchanged: ROWS });

    // Search agrees with Postgres once the worker has caught up.
    await until(async () => ((await runScript('search-check', [], { DATA_DIR: dataDir })).code === 0 ? true : undefined), 60_000, 'no drift');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 600_000);
});
