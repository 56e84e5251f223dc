import { AnswerCache } from '../search/answer-cache.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { epochSeconds } from '../search/profiles-index.js';
import { ProfileSearchService } from '../search/query.js';
import { parseSearchQueryString } from '../search/query-string.js';
import { conditionsByFacet, conditionsWithout, parseFilters } from '../search/request.js';
import { toFilter } from '../search/filters.js';
import { createLogger } from '../server/logger.js';
import { createMailer } from '../server/mail/mailer.js';
import { sendAlertMails, sweepSavedSearchAlerts } from '../server/services/saved-search-alerts.js';
import { CITIES, JOB_FUNCTIONS } from '../tools/people/pools.js';
import type { BenchContext } from './context.js';
import { failed, type Figure } from './lib/report.js';

/** Saved searches per recruiter (the API's limit). */
const PER_RECRUITER = 50;
/** Far from the server's own clock, so that its minute sweep never takes the bench's searches. */
const NOW = new Date('2100-01-01T00:01:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
/** As the sweep fetches: 50 hits a search. */
const FETCHED = 50;
const SWEEP_TARGET = 2;

const COUNTRIES = [...new Set(CITIES.map((c) => c.country))];

const outboxDepth = async (db: BenchContext['stack']['db']) =>
  Number((await db.selectFrom('alert_mails').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** The i-th saved search: the kinds of searches recruiters keep, spread over skills, titles and countries. */
function savedQuery(i: number): string {
  const fn = JOB_FUNCTIONS[i % JOB_FUNCTIONS.length]!;
  const skill = encodeURIComponent(fn.skills[Math.floor(i / JOB_FUNCTIONS.length) % fn.skills.length]!);
  const country = COUNTRIES[i % COUNTRIES.length]!;
  switch (i % 4) {
    case 0:
      return `skills=${skill}`;
    case 1:
      return `skills=${skill}&country=${country}`;
    case 2:
      return `q=${encodeURIComponent(fn.title)}&country=${country}`;
    default:
      return `skills=${skill}&seniority=senior,staff&remote=remote`;
  }
}

/**
 * Saved-search alerts at scale: `--saved-searches` searches (50 per recruiter) over the imported
 * people, all due, everyone new to them. The sweep (claims, one multi-search per 50, sent sets,
 * the mail outbox, the mails) beside its baseline: the same searches sent one by one straight to
 * Meilisearch, with nothing written. Then a second sweep a day later, when nothing is new.
 */
export async function alertFigures(ctx: BenchContext): Promise<Figure[]> {
  const { db, meili, indexUid } = ctx.stack;
  const n = ctx.options.savedSearches;
  const names = { sweep: `alerts: sweep of ${n} saved searches`, quiet: 'alerts: next sweep, nothing new', memory: 'alerts: sweep peak RSS growth' };
  try {
    await db.deleteFrom('saved_searches').execute();
    const recruiters = Math.ceil(n / PER_RECRUITER);
    await sql`
      insert into users (email, name, role, company, email_domain, recruiter_state, email_verified_at, created_at)
      select 'bench-recruiter-' || g || '@hiring.example', 'Bench Recruiter ' || g, 'recruiter', 'Hiring Co', 'hiring.example', 'verified', '2000-01-01', '2000-01-01'
      from generate_series(1, ${recruiters}::int) g
      on conflict do nothing`.execute(db);
    const users = await db.selectFrom('users').select('id').where('email', 'like', 'bench-recruiter-%').orderBy('id').execute();
    const rows = Array.from({ length: n }, (_, i) => ({
      user_id: users[Math.floor(i / PER_RECRUITER)]!.id,
      name: `Bench search ${i}`,
      query: savedQuery(i),
      alert: 'daily' as const,
      high_water_at: new Date('2000-01-01T00:00:00Z'),
      alert_due_at: NOW,
    }));
    for (let i = 0; i < rows.length; i += 1_000) await db.insertInto('saved_searches').values(rows.slice(i, i + 1_000)).execute();
    ctx.say(`Alerts: ${n} saved searches of ${users.length} recruiters, all due, everyone new to them`);

    // Baseline: the same searches, one by one, straight to Meilisearch.
    const index = meili.index(indexUid);
    const since = epochSeconds(new Date('2000-01-01T00:00:00Z'));
    let started = performance.now();
    let matched = 0;
    for (const row of rows) {
      const query = parseSearchQueryString(row.query);
      const filters = parseFilters({ ...query, since });
      const result = await index.search(filters.q, { filter: toFilter(conditionsWithout(conditionsByFacet(filters))), hitsPerPage: FETCHED, page: 1 });
      if ((result.totalHits ?? 0) > 0) matched++;
    }
    const baselineSeconds = (performance.now() - started) / 1000;
    ctx.say(`  one by one straight against Meilisearch: ${baselineSeconds.toFixed(1)} s (${matched} searches with matches)`);

    const deps = {
      db,
      // Alerts never use the answer cache (each is a new search); the service needs one all the same.
      profileSearch: new ProfileSearchService({ db, searchClient: async () => meili, indexUid, answers: new AnswerCache(ctx.stack.stores.databaseUrl) }),
      mailer: createMailer({ smtpUrl: undefined, from: 'bench@lifeline.test', db }),
      publicUrl: 'http://bench.lifeline.test',
      log: createLogger('warn'),
    };
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    started = performance.now();
    const counts = await sweepSavedSearchAlerts(deps, NOW)
      .then(async (c) => {
        // The server's own minute sweep shares the outbox (as every process does): the pass is over
        // when every mail has left, whoever sent it.
        while (await outboxDepth(db)) if ((await sendAlertMails(deps)) === 0) await sleep(50);
        return c;
      })
      .finally(() => clearInterval(sampler));
    const sweepSeconds = (performance.now() - started) / 1000;
    ctx.say(`  sweep: ${sweepSeconds.toFixed(1)} s, ${JSON.stringify(counts)}, peak RSS +${((peak - rssBefore) / 2 ** 20).toFixed(0)} MB`);

    started = performance.now();
    const quiet = await sweepSavedSearchAlerts(deps, new Date(NOW.getTime() + DAY_MS + 60_000));
    const quietSeconds = (performance.now() - started) / 1000;
    ctx.say(`  a day later: ${quietSeconds.toFixed(1)} s, ${JSON.stringify(quiet)}`);
    await deps.mailer.close();
    return [
      {
        name: names.sweep, unit: 's', value: sweepSeconds, baseline: baselineSeconds, baselineLabel: 'Meilisearch, one by one',
        target: `≤ ${SWEEP_TARGET}× direct`, pass: sweepSeconds <= SWEEP_TARGET * baselineSeconds,
        note: `${counts.mailed} mailed, ${counts.nothingNew} with nothing new`,
      },
      { name: names.quiet, unit: 's', value: quietSeconds, note: `${quiet.mailed} mailed, ${quiet.nothingNew} with nothing new` },
      { name: names.memory, unit: 'MB', value: (peak - rssBefore) / 2 ** 20, note: 'the bench process, which runs the sweep in batches of 50' },
    ];
  } catch (err) {
    return [failed(names.sweep, 's', err)];
  }
}
