import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SyncBatch } from '../search/sync-worker.js';

/** Outcomes of an import row, as counted in `imports.{created,updated,unchanged,skipped,failed}`. */
const IMPORT_ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'skipped', 'failed'] as const;
type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/**
 * The app's Prometheus metrics, one registry per app (tests build many apps in one process).
 * Labels never carry a raw URL, an id, an email or a token: routes are labelled by pattern.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'lifeline_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status code; _count gives the request rate',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    outboxDepth: new Gauge({
      name: 'lifeline_search_outbox_depth',
      help: 'Outbox rows waiting for the search sync worker (read at scrape time)',
      registers,
    }),
    outboxOldestAge: new Gauge({
      name: 'lifeline_search_outbox_oldest_age_seconds',
      help: 'Seconds the oldest outbox row has waited; 0 when none waits (read at scrape time)',
      registers,
    }),
    storeUp: new Gauge({
      name: 'lifeline_store_up',
      help: '1 when the store answered a probe at scrape time, 0 when it did not',
      labelNames: ['store'] as const,
      registers,
    }),
    syncBatches: new Counter({
      name: 'lifeline_search_sync_batches_total',
      help: 'Outbox batches applied to Meilisearch by this process',
      registers,
    }),
    syncOutboxRows: new Counter({
      name: 'lifeline_search_sync_outbox_rows_total',
      help: 'Outbox rows cleared by this process',
      registers,
    }),
    syncDocuments: new Counter({
      name: 'lifeline_search_sync_documents_total',
      help: 'Documents written to Meilisearch by the sync worker, by action',
      labelNames: ['action'] as const,
      registers,
    }),
    syncBatchDuration: new Histogram({
      name: 'lifeline_search_sync_batch_duration_seconds',
      help: 'Time from claiming an outbox batch to Meilisearch confirming it',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    syncFailures: new Counter({
      name: 'lifeline_search_sync_failures_total',
      help: 'Sync passes that failed (Meilisearch down, a failed task); their rows stay queued',
      registers,
    }),
    searchAnswers: new Counter({
      name: 'lifeline_search_answers_total',
      help: 'Search answers by source: kept (from memory), joined (an identical search under way), computed (asked of Meilisearch)',
      labelNames: ['source'] as const,
      registers,
    }),
    searchAnswerBytes: new Gauge({
      name: 'lifeline_search_answers_kept_bytes',
      help: 'What the search answers kept in memory weigh (read at scrape time)',
      registers,
    }),
    imports: new Counter({
      name: 'lifeline_imports_total',
      help: 'CSV imports finished, by status (done or failed) and whether they were dry runs',
      labelNames: ['status', 'dry_run'] as const,
      registers,
    }),
    importRows: new Counter({
      name: 'lifeline_import_rows_total',
      help: 'CSV import rows by outcome',
      labelNames: ['outcome'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function recordSyncBatch(metrics: Metrics, batch: SyncBatch): void {
  metrics.syncBatches.inc();
  metrics.syncOutboxRows.inc(batch.rows);
  metrics.syncDocuments.inc({ action: 'upserted' }, batch.upserted);
  metrics.syncDocuments.inc({ action: 'deleted' }, batch.deleted);
  metrics.syncBatchDuration.observe(batch.ms / 1000);
}

/** For the import pipeline: call once when an import ends, with its final counts. */
export function recordImport(
  metrics: Metrics,
  result: { status: 'done' | 'failed'; dryRun: boolean; counts: Partial<Record<ImportRowOutcome, number>> },
): void {
  metrics.imports.inc({ status: result.status, dry_run: String(result.dryRun) });
  for (const outcome of IMPORT_ROW_OUTCOMES) {
    const n = result.counts[outcome] ?? 0;
    if (n > 0) metrics.importRows.inc({ outcome }, n);
  }
}
