import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { settled } from '../search/client.js';
import { normalizeLinkedinUrl } from '../common/normalize/linkedin.js';
import { parseLocation } from '../common/normalize/location.js';
import { canonicalSkill } from '../common/normalize/skills.js';
import type { BenchContext } from './context.js';
import { generatePeople, type Person } from '../tools/people/generate.js';
import { personDocument } from './lib/documents.js';
import { failed, type Figure } from './lib/report.js';
import { percentile } from './lib/stats.js';

const P95_TARGET_MS = 1_000;
/** One floor sample per this many candidates. */
const FLOOR_EVERY = 4;
/** Far above any id Postgres hands out in a bench run: the floor's documents never meet real ones. */
const FLOOR_FIRST_ID = 2_000_000_000;

/**
 * A candidate's path from the form to search results, one after another: POST /api/profiles,
 * the link from the dev mailbox, POST /api/profiles/verify, then until Meilisearch has the
 * document. The baseline is the floor: one document added straight to Meilisearch and waited for.
 */
export async function optinFigures(ctx: BenchContext): Promise<Figure[]> {
  const { optins, seed } = ctx.options;
  const names = { p50: `opt-in → searchable, p50 (n=${optins})`, p95: `opt-in → searchable, p95 (n=${optins})` };
  const floorLabel = 'Meilisearch add';
  ctx.say(`Opt-in: ${optins} candidates one after another, a Meilisearch floor sample before every ${FLOOR_EVERY}th`);
  const totals: number[] = [];
  const afterVerify: number[] = [];
  const floor: number[] = [];
  const floorIds: number[] = [];
  let problem: unknown;
  // Floor and candidates alternate, so that neither gets the machine's quieter moments.
  // Numbered by the clock: a rerun on the same DATABASE_URL must not meet the last run's addresses.
  const first = 100_000_000 + (Date.now() % 100_000_000);
  for (const person of generatePeople({ profiles: optins, seed: seed + 2, first })) {
    if (person.index % FLOOR_EVERY === 0) {
      floorIds.push(FLOOR_FIRST_ID + person.index);
      floor.push(await addStraightToMeili(ctx, person, floorIds.at(-1)!));
    }
    if (problem) continue;
    try {
      const email = person.email ?? `optin.${person.index}@example.org`;
      const started = performance.now();
      await ctx.anonymous.optIn(optInBody(person, email));
      const token = await verifyToken(ctx, email);
      const verifying = performance.now();
      await ctx.anonymous.verify(token);
      await waitForDocument(ctx, email);
      const done = performance.now();
      totals.push(done - started);
      afterVerify.push(done - verifying);
    } catch (err) {
      problem = err;
    }
  }
  await settled(ctx.stack.meili.index(ctx.stack.indexUid).deleteDocuments(floorIds));
  ctx.say(`  floor p50 ${percentile(floor, 50).toFixed(0)} ms, p95 ${percentile(floor, 95).toFixed(0)} ms`);
  const baselines = (p: number) => ({ baseline: percentile(floor, p), baselineLabel: floorLabel });
  if (problem) {
    return [
      { ...failed(names.p50, 'ms', problem), ...baselines(50) },
      { ...failed(names.p95, 'ms', problem, `≤ ${P95_TARGET_MS} ms`), ...baselines(95) },
    ];
  }
  const p95 = percentile(totals, 95);
  return [
    {
      name: names.p50, unit: 'ms', value: percentile(totals, 50), ...baselines(50),
      note: `verify → searchable p50 ${percentile(afterVerify, 50).toFixed(0)} ms`,
    },
    {
      name: names.p95, unit: 'ms', value: p95, ...baselines(95), target: `≤ ${P95_TARGET_MS} ms`, pass: p95 <= P95_TARGET_MS,
      note: `verify → searchable p95 ${percentile(afterVerify, 95).toFixed(0)} ms`,
    },
  ];
}

/** What a candidate types into the form (POST /api/profiles, DESIGN.md). */
function optInBody(p: Person, email: string): Record<string, unknown> {
  const where = parseLocation(p.location);
  return {
    name: p.name,
    email,
    headline: `${p.title}, open to work`,
    role: p.title,
    seniority: p.seniority,
    skills: p.skills.map(canonicalSkill),
    country: where.country,
    region: where.region,
    city: where.city,
    remote: p.remote ? 'remote' : 'onsite',
    relocation: p.relocate,
    workAuthorization: p.needsVisa ? 'needs_sponsorship' : 'authorized',
    formerEmployer: p.employer,
    layoffDate: p.layoffDate,
    yearsExperience: p.yearsExperience,
    // The form sends what its URL field accepts: the profile URL in full.
    ...(p.linkedin ? { linkedinUrl: normalizeLinkedinUrl(p.linkedin) } : {}),
    consent: true,
  };
}

/** The token of the newest verify link mailed to `email`, waiting for it: mail may go out in the background. */
async function verifyToken(ctx: BenchContext, email: string, timeoutMs = 10_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const messages = await ctx.anonymous.devMail(email);
    for (const link of messages.flatMap((m) => m.links)) {
      const url = new URL(link, ctx.stack.server.url);
      const token = url.searchParams.get('token');
      if (url.pathname.endsWith('/verify') && token) return token;
    }
    if (performance.now() > deadline) {
      throw new Error(`no verify link reached the dev mailbox of ${email} within ${timeoutMs / 1000} s (${messages.length} messages)`);
    }
    await sleep(5);
  }
}

/** Polls Meilisearch for the profile's document, found by the email it was created with. */
async function waitForDocument(ctx: BenchContext, email: string, timeoutMs = 10_000): Promise<void> {
  const { db, meili, indexUid } = ctx.stack;
  const row = await db.selectFrom('profiles').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  if (!row) throw new Error(`no profile was created for ${email}`);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = await meili.index(indexUid).getDocument(row.id).then(() => true, () => false);
    if (found) return;
    if (performance.now() > deadline) throw new Error(`profile ${row.id} was not searchable ${timeoutMs / 1000} s after verify`);
    await sleep(5);
  }
}

/** Adding one document straight to Meilisearch and waiting for its task: no path can beat it. */
async function addStraightToMeili(ctx: BenchContext, person: Person, id: number): Promise<number> {
  const started = performance.now();
  // Polled every 10 ms, finer than the worker's 25 ms, without flooding Meilisearch with polls.
  const task = await ctx.stack.meili.index(ctx.stack.indexUid).addDocuments([personDocument(person, id, [])]).waitTask({ interval: 10, timeout: 10_000 });
  if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}`);
  return performance.now() - started;
}
