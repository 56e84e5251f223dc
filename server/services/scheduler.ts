import type { Log } from '../logger.js';

/**
 * One kind of scheduled work. `run` does one pass as if the clock said `now`, in batches, and is
 * safe to run twice or from two processes at once (rows claimed with `FOR UPDATE SKIP LOCKED` or
 * an advisory lock); it answers what it did, as counts ("reminded: 3").
 */
export interface ScheduledJob {
  name: string;
  run(now: Date): Promise<Record<string, number>>;
}

/** What one pass did, job by job: its counts, or the message of its failure. */
export type SweepReport = Record<string, Record<string, number> | { failed: string }>;

/**
 * The scheduled work of a process (DESIGN.md, "Scheduled work"): freshness, alerts, syncs,
 * retention. Every minute it runs one pass of every job, one after the other; a pass still
 * running when the next is due is not doubled. `npm run sweep` and the tests call `runOnce`.
 */
export class Scheduler {
  private readonly jobs: ScheduledJob[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepReport> | undefined;

  constructor(
    private readonly log: Log,
    private readonly everyMs = 60_000,
  ) {}

  add(job: ScheduledJob): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`A scheduled job named ${job.name} is already added.`);
    this.jobs.push(job);
  }

  /** One pass of every job at `now`; a job that fails is logged and reported, and the others still run. */
  async runOnce(now: Date = new Date()): Promise<SweepReport> {
    const report: SweepReport = {};
    for (const job of this.jobs) {
      try {
        report[job.name] = await job.run(now);
      } catch (err) {
        this.log.error({ err, job: job.name }, 'a scheduled job failed; it runs again on the next pass');
        report[job.name] = { failed: (err as Error).message };
      }
    }
    return report;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
    }, this.everyMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
