import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, rmdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../server/embedded/processes.js';
import { SYSTEM_DIR } from '../../server/embedded/postgres.js';
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

const isRoot = process.getuid?.() === 0;
const run = promisify(execFile);
/** "Within seconds": a failed start takes 2-5 s here; the ceiling leaves room for a loaded machine. */
const FAILS_WITHIN_MS = 15_000;

describe('npm start that cannot succeed', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 30_000);

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-fail-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  /** Starts the real server and waits for it to give up; whatever it left running is killed after. */
  async function failedStart(env: Record<string, string>, dataDir?: string, user?: { uid: number; gid: number }) {
    const dir = dataDir ?? (await tempDir());
    const begun = Date.now();
    const server = await startServerProcess(dir, env, user);
    cleanups.push(async () => {
      server.child.kill('SIGKILL');
      for (const pid of await processesMentioning(dir)) process.kill(pid, 'SIGKILL');
    });
    const code = await server.exited;
    return { code, took: Date.now() - begun, stderr: server.errors(), dataDir: dir };
  }

  /** The rule for every failed start: non-zero within seconds, one line, no stack, nothing left running. */
  async function expectOneLine(failed: Awaited<ReturnType<typeof failedStart>>, line: RegExp): Promise<void> {
    expect(failed.stderr.trimEnd().split('\n'), failed.stderr).toHaveLength(1);
    expect(failed.stderr.trimEnd()).toMatch(line);
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    expect(failed.code).not.toBe(0);
    expect(failed.took).toBeLessThan(FAILS_WITHIN_MS);
    expect(await processesMentioning(failed.dataDir)).toEqual([]);
  }

  it('port taken: says which port and to set PORT, before starting any store', async () => {
    const port = await freePort();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen({ port, host: '127.0.0.1' }, resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));
    const failed = await failedStart({ PORT: String(port) });
    await expectOneLine(
      failed,
      new RegExp(`^Lifeline could not start: port ${port} on 127\\.0\\.0\\.1 is already in use\\. .*set PORT to a free port\\.$`),
    );
    expect(await readdir(failed.dataDir)).toEqual([]);
  }, 30_000);

  it('DATABASE_URL on a closed port: says it refused, and how to go on', async () => {
    const port = await freePort();
    const failed = await failedStart({ DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/lifeline` });
    await expectOneLine(
      failed,
      new RegExp(`^Lifeline could not start: the Postgres at DATABASE_URL \\(127\\.0\\.0\\.1:${port}\\) refused the connection\\. Start it, correct DATABASE_URL, or leave it unset`),
    );
    // Checked before the embedded Meilisearch would have started.
    expect(await readdir(failed.dataDir)).toEqual([]);
  }, 30_000);

  it('DATABASE_URL with a wrong password: says to correct it', async () => {
    const url = new URL(inject('stores').databaseUrl);
    url.password = 'not-the-password';
    const failed = await failedStart({ DATABASE_URL: url.href });
    await expectOneLine(failed, /^Lifeline could not start: the Postgres at DATABASE_URL \(127\.0\.0\.1:\d+\) refused the user or password\. Correct them in DATABASE_URL\.$/);
  }, 30_000);

  it('MEILI_URL on a closed port, with a key: says it refused, and how to go on', async () => {
    const port = await freePort();
    const failed = await failedStart({
      DATABASE_URL: inject('stores').databaseUrl,
      MEILI_URL: `http://127.0.0.1:${port}`,
      MEILI_MASTER_KEY: 'a-key-of-sixteen-chars',
    });
    await expectOneLine(
      failed,
      new RegExp(`^Lifeline could not start: the Meilisearch at MEILI_URL \\(127\\.0\\.0\\.1:${port}\\) refused the connection\\. Start it, correct MEILI_URL`),
    );
  }, 30_000);

  it('MEILI_MASTER_KEY that Meilisearch refuses: says to set its master key', async () => {
    const stores = inject('stores');
    const failed = await failedStart({ DATABASE_URL: stores.databaseUrl, MEILI_URL: stores.meiliUrl, MEILI_MASTER_KEY: 'not-the-master-key' });
    await expectOneLine(failed, /^Lifeline could not start: the Meilisearch at MEILI_URL \(127\.0\.0\.1:\d+\) refused MEILI_MASTER_KEY\. Set it to that Meilisearch's master key\.$/);
  }, 30_000);

  it('an embedded Meilisearch that dies while starting: its error and log, and the Postgres started beside it stopped', async () => {
    const dataDir = await tempDir();
    await mkdir(path.join(dataDir, 'meili'));
    await writeFile(path.join(dataDir, 'meili', 'data.ms'), 'not a database');
    const failed = await failedStart({}, dataDir);
    await expectOneLine(
      failed,
      /^Lifeline could not start: meilisearch exited while starting \(code 1, signal null\): Error: Not a directory \(os error 20\)\. Its log: .*meilisearch\.log$/,
    );
    // Postgres did start beside it (not merely too late to be orphaned), and was stopped.
    const postgresLog = await readFile(path.join(dataDir, 'logs', 'postgres.log'), 'utf8');
    expect(postgresLog).toContain('database system is ready to accept connections');
    expect(postgresLog).toContain('database system is shut down');
  }, 60_000);

  it('bad settings: one line naming each variable, exit code 2', async () => {
    const one = await failedStart({ PORT: 'abc' });
    await expectOneLine(one, /^Invalid configuration: PORT="abc": must be a whole number from 0 to 65535$/);
    expect(one.code).toBe(2);
    const two = await failedStart({ PORT: 'abc', LOG_LEVEL: 'loud' });
    await expectOneLine(two, /^Invalid configuration: PORT="abc": .*; LOG_LEVEL="loud": /);
  }, 30_000);

  it.runIf(isRoot)('a full disk (DATA_DIR on a 2 MB tmpfs): says so, and to free space or move DATA_DIR', async () => {
    const dataDir = await tempDir();
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=755', 'tmpfs', dataDir]);
    cleanups.push(() => run('umount', [dataDir]));
    const failed = await failedStart({}, dataDir);
    await expectOneLine(
      failed,
      new RegExp(`^Lifeline could not start: the disk holding ${dataDir} is full\\. Free some space, or set DATA_DIR to a directory on a disk with room\\.$`),
    );
  }, 30_000);

  it('a DATA_DIR that is a file: says it is in the way', async () => {
    const file = path.join(await tempDir(), 'data');
    await writeFile(file, '');
    // The helper makes DATA_DIR 0755, which a file survives.
    const failed = await failedStart({}, file);
    await expectOneLine(failed, /^Lifeline could not start: .*\/data is in the way: a file where a directory must be \(EEXIST\)\. Move it away, or set DATA_DIR to a directory\.$/);
  }, 30_000);

  it.runIf(isRoot)('no permission (nobody on a DATA_DIR owned by root): says who may not write what', async () => {
    const failed = await failedStart({}, undefined, { uid: 65534, gid: 65534 });
    await expectOneLine(failed, /^Lifeline could not start: nobody may not write .*lifeline\.pid \(EACCES\)\. Give nobody write access there, or set DATA_DIR/);
  }, 30_000);
});

describe('npm start as root in a directory the postgres user cannot enter', () => {
  it.runIf(isRoot)('keeps the cluster under /var/lib/lifeline, linked from DATA_DIR, and stops it on SIGTERM', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'lifeline-root-'));
    await chmod(home, 0o700);
    const dataDir = path.join(home, 'data');
    await mkdir(dataDir);
    const relocated = path.join(SYSTEM_DIR, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
    const server = await startServerProcess(dataDir);
    try {
      await waitUntilHealthy(server, 120_000);
      const link = path.join(dataDir, 'postgres');
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readlink(link)).toBe(path.join(relocated, 'postgres'));
      expect(await processesMentioning(relocated)).not.toEqual([]);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(await processesMentioning(relocated)).toEqual([]);
      expect(await processesMentioning(dataDir)).toEqual([]);
    } finally {
      server.child.kill('SIGKILL');
      for (const pid of [...(await processesMentioning(relocated)), ...(await processesMentioning(dataDir))]) process.kill(pid, 'SIGKILL');
      await rm(home, { recursive: true, force: true });
      await rm(relocated, { recursive: true, force: true });
      // Left when another run still uses it, or when it held something before this test.
      await rmdir(SYSTEM_DIR).catch(() => undefined);
    }
  }, 180_000);
});
