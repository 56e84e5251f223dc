import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { runScript, storesEnv } from '../../helpers/cli.js';

describe('scheduled work', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { worker: false });
  });
  afterAll(() => t.close());

  it('runs every job at the given time, and a failing job does not stop the others', async () => {
    const now = new Date('2027-03-01T09:00:00Z');
    await t.app.db
      .insertInto('limit_hits')
      .values({ scope: 'test', key_hash: 'k', hits: [new Date('2027-02-28T09:00:00Z')], expires_at: new Date('2027-02-28T10:00:00Z') })
      .execute();
    const seen: Date[] = [];
    t.app.scheduler.add({ name: 'broken', run: async () => { throw new Error('the sheet is gone'); } });
    t.app.scheduler.add({ name: 'probe', run: async (at) => { seen.push(at); return { probed: 1 }; } });

    const report = await t.app.scheduler.runOnce(now);

    expect(report.limits).toEqual({ expired: 1 });
    expect(report.imports).toEqual({ expiredReports: 0 });
    expect(report.broken).toEqual({ failed: 'the sheet is gone' });
    expect(report.probe).toEqual({ probed: 1 });
    expect(seen).toEqual([now]);
  });

  it('npm run sweep -- --now runs one pass at that time and prints it; a bad --now says what to write', async () => {
    const env = storesEnv({ ...inject('stores'), databaseUrl: t.databaseUrl, indexPrefix: t.indexPrefix });
    const ok = await runScript('sweep', ['--now', '2027-03-01T09:00:00Z'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Sweep at 2027-03-01T09:00:00.000Z');
    expect(ok.stdout).toMatch(/limits: expired \d+/);
    const bad = await runScript('sweep', ['--now', 'next tuesday'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--now must be a date and time');
  });
});
