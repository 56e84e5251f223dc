import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  processesMentioning,
  startServerProcess,
  waitForHealth,
  waitUntilHealthy,
  type ServerProcess,
} from '../helpers/server-process.js';

/** Queries the embedded Postgres of a data dir, with the credentials and port it keeps there. */
async function queryEmbedded(dataDir: string, text: string): Promise<unknown[]> {
  const { postgresPassword } = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8'));
  const port = (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[3];
  const client = new pg.Client({ host: '127.0.0.1', port: Number(port), user: 'postgres', password: postgresPassword, database: 'lifeline' });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const OK = { status: 'ok', postgres: 'ok', meilisearch: 'ok' };
const started: ServerProcess[] = [];

async function start(dataDir?: string): Promise<ServerProcess> {
  const server = await startServerProcess(dataDir);
  started.push(server);
  return server;
}

async function terminate(server: ServerProcess): Promise<number> {
  const begun = Date.now();
  server.child.kill('SIGTERM');
  await server.exited;
  return Date.now() - begun;
}

describe('npm start on the embedded stores', () => {
  afterAll(async () => {
    for (const server of started) {
      server.child.kill('SIGKILL');
      for (const pid of await processesMentioning(server.dataDir)) process.kill(pid, 'SIGKILL');
      await rm(server.dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('runs two instances side by side, each healthy, serving the web app', async () => {
    // Pushed in this order so that the next tests find the survivor, a, at started[0].
    const [a, b] = await Promise.all([startServerProcess(), startServerProcess()]);
    started.push(a, b);
    await Promise.all([a, b].map((s) => waitUntilHealthy(s)));
    for (const s of [a, b]) {
      expect((await waitForHealth(s.url, () => true)).body).toEqual(OK);
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<ll-app>');
    }
    expect(await terminate(b)).toBeLessThan(10_000);
    expect(await processesMentioning(b.dataDir)).toEqual([]);
  }, 120_000);

  it('notices a killed Meilisearch, brings it back, and stops everything on SIGTERM', async () => {
    const server = started[0]!;
    const pid = Number(await readFile(path.join(server.dataDir, 'meili', 'meilisearch.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    const down = await waitForHealth(server.url, (h) => h.status === 503, 10_000);
    expect(down.body).toEqual({ status: 'degraded', postgres: 'ok', meilisearch: 'down' });
    await waitForHealth(server.url, (h) => h.status === 200, 30_000);

    expect(await processesMentioning(server.dataDir)).not.toEqual([]);
    expect(await terminate(server)).toBeLessThan(10_000);
    expect(await server.exited).toBe(0);
    expect(await processesMentioning(server.dataDir)).toEqual([]);
  }, 60_000);

  it('starts again on the same DATA_DIR after being killed with SIGKILL, data intact', async () => {
    const dataDir = started[0]!.dataDir;
    const first = await start(dataDir);
    await waitUntilHealthy(first);
    await queryEmbedded(dataDir, "insert into employers (slug, name) values ('survivor', 'Survivor Inc')");
    first.child.kill('SIGKILL');
    await first.exited;
    // Its Postgres and Meilisearch are orphans now, still holding the data dir.
    expect((await processesMentioning(dataDir)).length).toBeGreaterThan(0);

    const second = await start(dataDir);
    await waitUntilHealthy(second);
    expect((await waitForHealth(second.url, () => true)).body).toEqual(OK);
    expect(second.output()).toContain('left running by an earlier run');
    expect(await queryEmbedded(dataDir, "select name from employers where slug = 'survivor'")).toEqual([{ name: 'Survivor Inc' }]);
    expect(await terminate(second)).toBeLessThan(10_000);
    expect(await processesMentioning(dataDir)).toEqual([]);
  }, 120_000);

  it('refuses a second instance on a DATA_DIR in use, and says what to do', async () => {
    const server = await start();
    await waitUntilHealthy(server);
    const intruder = await start(server.dataDir);
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain(`is using ${server.dataDir}`);
    expect((await waitForHealth(server.url, () => true)).body).toEqual(OK);
    await terminate(server);
  }, 120_000);
});
