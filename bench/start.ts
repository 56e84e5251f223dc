import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchContext } from './context.js';
import { failed, type Figure } from './lib/report.js';
import { entryLabel, startServer, type ServerEntry } from './lib/server.js';
import { percentile } from './lib/stats.js';

const RSS_TARGET_MB = 100;
const RSS_BAR_MB = 120;
const START_TARGET_S = 3;
const IDLE_MS = 2_000;
const ENTRIES: ServerEntry[] = ['compiled', 'tsx'];

/** VmRSS of a process and its two parts, in MB: anonymous (heaps, stacks) and file-backed (code). */
async function memory(pid: number): Promise<{ rss: number; anon: number; file: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
  return { rss: mb('VmRSS'), anon: mb('RssAnon'), file: mb('RssFile') };
}

/** Rounds alternate which entry goes first, so that neither always meets a warmer machine. */
const order = (round: number) => (round % 2 === 0 ? ENTRIES : [...ENTRIES].reverse());
const median = (values: number[]) => percentile(values, 50);

/**
 * The API process as `npm start` runs it (compiled by `npm run build`) beside the same server
 * transpiled at run time (`node --import tsx server/main.ts`, what `npm start` ran before):
 * - its resident memory once started, after a few requests and 2 s idle, on the bench's stores;
 * - the time from spawn to the first `/healthz` 200 on a second start with an existing DATA_DIR
 *   (embedded Postgres and Meilisearch already created, started again by the server itself).
 */
export async function startFigures(ctx: BenchContext): Promise<Figure[]> {
  // At least 3: a median of 2 is the smaller one.
  const rounds = Math.max(3, ctx.options.rounds);
  const rssName = 'idle server RSS';
  const startName = 'second start → /healthz 200';
  const figures: Figure[] = [];

  try {
    const rss: Record<ServerEntry, { rss: number; anon: number; file: number }[]> = { compiled: [], tsx: [] };
    for (let round = 0; round < rounds; round++) {
      for (const entry of order(round)) {
        const dataDir = path.join(ctx.tmpDir, `idle-${entry}-${round}`);
        const server = await startServer(entry, { ...ctx.stack.storeEnv, DATA_DIR: dataDir });
        try {
          for (const url of ['/healthz', '/', '/api/search?q=engineer', '/api/search?q=engineer&facets=skills', '/healthz']) {
            await (await fetch(`${server.url}${url}`)).arrayBuffer();
          }
          await sleep(IDLE_MS);
          rss[entry].push(await memory(server.pid));
        } finally {
          await server.stop();
        }
      }
    }
    const part = (entry: ServerEntry, key: 'rss' | 'anon' | 'file') => median(rss[entry].map((m) => m[key]));
    const value = part('compiled', 'rss');
    figures.push({
      name: rssName, unit: 'MB', value, baseline: part('tsx', 'rss'), baselineLabel: 'tsx',
      target: `≤ ${RSS_TARGET_MB} MB (bar ${RSS_BAR_MB})`, pass: value <= RSS_TARGET_MB,
      note: `VmRSS after 5 requests and ${IDLE_MS / 1000} s idle, median of ${rounds}, on the bench's stores; compiled ${part('compiled', 'anon').toFixed(0)} MB anonymous + ${part('compiled', 'file').toFixed(0)} MB file-backed, tsx ${part('tsx', 'anon').toFixed(0)} + ${part('tsx', 'file').toFixed(0)} MB`,
    });
  } catch (err) {
    figures.push(failed(rssName, 'MB', err, `≤ ${RSS_TARGET_MB} MB`));
  }

  // Its own DATA_DIR: the server starts the embedded stores itself, as on a laptop.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-bench-start-'));
  try {
    // The embedded Postgres runs as an unprivileged user when we are root: it must reach its dir.
    await chmod(dataDir, 0o755);
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', MEILI_URL: '', MEILI_MASTER_KEY: '' };
    ctx.say('first start: creating the embedded stores');
    await (await startServer('compiled', env)).stop();
    const times: Record<ServerEntry, number[]> = { compiled: [], tsx: [] };
    for (let round = 0; round < rounds; round++) {
      for (const entry of order(round)) {
        const server = await startServer(entry, env);
        times[entry].push(server.startMs / 1000);
        await server.stop();
      }
    }
    const value = median(times.compiled);
    figures.push({
      name: startName, unit: 's', value, baseline: median(times.tsx), baselineLabel: 'tsx',
      target: `≤ ${START_TARGET_S} s`, pass: value <= START_TARGET_S,
      note: `spawn of \`${entryLabel('compiled')}\` (baseline \`${entryLabel('tsx')}\`) until /healthz answers 200, embedded stores already created in DATA_DIR, median of ${rounds}`,
    });
  } catch (err) {
    figures.push(failed(startName, 's', err, `≤ ${START_TARGET_S} s`));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return figures;
}
