import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createList } from '../../server/services/lists.js';
import { createUser } from '../../server/services/users.js';
import { createTestDatabase, type TestDatabase } from '../helpers/stores.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/csv/google-form.csv');

describe('npm run user / npm run import', () => {
  let database: TestDatabase;
  const reports: string[] = [];

  /** Runs a script the way `npm run` does, against this test's database and the run's Meilisearch. */
  const run = (script: string, args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const stores = inject('stores');
      const child = spawn('npx', ['tsx', `scripts/${script}.ts`, ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.url, MEILI_URL: stores.meiliUrl, MEILI_MASTER_KEY: stores.meiliKey, PUBLIC_URL: 'http://lifeline.test', LOG_LEVEL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(reports.map((r) => rm(r, { force: true })));
    await database?.drop();
  });

  it('creates an organizer and prints its token as the last line, stored hashed', async () => {
    const res = await run('user', ['add', '--email', 'cli-organizer@example.org', '--role', 'organizer', '--password', 'a long enough password']);
    expect(res.code, res.stderr).toBe(0);
    const token = res.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^llt_[\w-]{43}$/);
    const stored = await database.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    const again = await run('user', ['add', '--email', 'CLI-organizer@example.org', '--role', 'organizer']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const badRole = await run('user', ['add', '--email', 'x@example.org', '--role', 'boss']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be organizer or admin');
    const recruiter = await run('user', ['add', '--email', 'r@example.org', '--role', 'recruiter']);
    expect(recruiter.code).toBe(2);
    expect(recruiter.stderr).toContain('/recruiters/join');
  });

  it('approves and suspends a recruiter account, and says why it cannot', async () => {
    await createUser(database.db, { email: 'rita@gmail.com', role: 'recruiter', name: 'Rita', company: 'Acme', recruiterState: 'in_review' });
    const stateOf = async () => (await database.db.selectFrom('users').select('recruiter_state').where('email', '=', 'rita@gmail.com').executeTakeFirstOrThrow()).recruiter_state;
    const approved = await run('user', ['approve', '--email', 'RITA@gmail.com']);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain('rita@gmail.com (Acme, gmail.com) is now verified.');
    expect(await stateOf()).toBe('verified');
    expect((await run('user', ['suspend', '--email', 'rita@gmail.com'])).stdout).toContain('is now suspended');
    expect(await stateOf()).toBe('suspended');
    const organizer = await run('user', ['approve', '--email', 'cli-organizer@example.org']);
    expect(organizer.code).toBe(2);
    expect(organizer.stderr).toContain('No recruiter account with the email cli-organizer@example.org');
  });

  it('imports a file with the same pipeline: counts, report file, notices; a dry run writes nothing', async () => {
    const user = await database.db.selectFrom('users').select('id').where('role', '=', 'organizer').executeTakeFirstOrThrow();
    const list = await createList(database.db, { title: 'CLI list', employer: 'Meta' }, user.id);

    const dry = await run('import', ['--list', list.slug, '--attest-consent', '--dry-run', FIXTURE]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing written)');
    expect(dry.stdout).toContain('total 3, created 2, updated 0, unchanged 0, skipped 1, failed 0');
    expect(dry.stdout).toContain('column "First name" → firstName (sure)');
    expect(dry.stdout).toContain('column "Do you consent to be listed publicly?" → consent (likely)');
    expect(dry.stderr).toMatch(/read 100% \(3 rows\)|merging/);
    expect(await database.db.selectFrom('profiles').selectAll().execute()).toEqual([]);

    const real = await run('import', ['--list', list.slug, '--attest-consent', FIXTURE]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('total 3, created 2, updated 0, unchanged 0, skipped 1, failed 0');
    const reportPath = /rejected rows: (.+\.csv)/.exec(real.stdout)![1]!;
    reports.push(reportPath, /rejected rows: (.+\.csv)/.exec(dry.stdout)![1]!);
    const report = await readFile(reportPath, 'utf8');
    expect(report).toContain('4,skipped,"Not published: the ""Do you consent to be listed publicly?"" column does not say yes."');
    expect(real.stdout).toContain('notices waiting to be mailed for this list: 2');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from profiles where status = 'published'`.execute(database.db);
    expect(rows[0]!.n).toBe(2);

    const again = await run('import', ['--list', list.slug, '--attest-consent', FIXTURE]);
    expect(again.stdout).toContain('created 0, updated 0, unchanged 2');
    reports.push(/rejected rows: (.+\.csv)/.exec(again.stdout)![1]!);
    expect(again.stdout).toContain('notices waiting to be mailed for this list: 2');
  });

  it('explains what is wrong with the command', async () => {
    const noList = await run('import', ['--list', 'nope', FIXTURE]);
    expect(noList.code).toBe(2);
    expect(noList.stderr).toContain('No list with the slug "nope"');
    const noFile = await run('import', ['--list', 'nope', '/no/such/file.csv']);
    expect(noFile.stderr).toContain('No file at /no/such/file.csv');
    const broken = await run('import', ['--list', 'cli-list', '--mapping', '{"name":"Missing"}', FIXTURE]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('mapping.name names the column "Missing"');
  });
});
