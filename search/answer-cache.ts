import { createHash } from 'node:crypto';
import { PgListener } from '../db/listener.js';
import { INDEX_CHANGED_CHANNEL } from './index-changes.js';

/** A search answer as sent: the serialized body and its entity tag. */
export interface Answer {
  body: string;
  etag: string;
}

/** Kept in memory, shared with an identical search under way, or computed for this one. */
export type AnswerSource = 'kept' | 'joined' | 'computed';

interface AnswerCacheOptions {
  /** What the kept bodies and keys may weigh together (UTF-16: two bytes a character). */
  maxBytes?: number;
  /** First wait before reconnecting a lost LISTEN; doubles up to 30 s. */
  retryMs?: number;
}

const MAX_RETRY_MS = 30_000;

const answerOf = (body: string): Answer => ({ body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` });

/**
 * Answers to identical searches, shared by every request of this process, never staler than the
 * index: the sync worker announces each confirmed change (`announceIndexChange`), and every
 * process drops all its answers when the notification arrives. Answers are kept only while the
 * LISTEN connection is up; when it comes back after a loss, what was kept is dropped, since
 * notifications may have been missed meanwhile. An answer computed while a change was announced
 * is not kept (it may predate the change). Least recently used answers go first past `maxBytes`.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { answer: Answer; bytes: number }>();
  /** Identical searches arriving together wait for the first one instead of each asking Meilisearch. */
  private readonly inFlight = new Map<string, { generation: number; answer: Promise<Answer> }>();
  private bytes = 0;
  /** Bumped by every drop: an answer begun under an older generation may be stale. */
  private generation = 0;
  private readonly listener: PgListener;
  private readonly maxBytes: number;
  private readonly retryMs: number;
  private nextRetryMs: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Called for every answer given, with where it came from: the metrics hook. */
  onAnswer: ((source: AnswerSource) => void) | undefined;

  constructor(databaseUrl: string, options: AnswerCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 32 * 2 ** 20;
    this.retryMs = options.retryMs ?? 500;
    this.nextRetryMs = this.retryMs;
    this.listener = new PgListener(databaseUrl, INDEX_CHANGED_CHANNEL, {
      onNotify: () => this.drop(),
      onListening: () => {
        this.drop();
        this.nextRetryMs = this.retryMs;
      },
      onLost: () => {
        this.drop();
        this.reconnectLater();
      },
    });
  }

  /** Whether answers are kept: only while every announcement of a change reaches this process. */
  get live(): boolean {
    return this.listener.listening;
  }

  /** Bytes the kept answers weigh now. */
  get weight(): number {
    return this.bytes;
  }

  /** Starts listening; until it does (Postgres down), searches are answered but not kept. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.listener.connect().catch(() => this.reconnectLater());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.listener.close();
    this.drop();
  }

  /** The kept answer for `key`, or the one `compute` serializes now (kept when it may be). */
  answer(key: string, compute: () => Promise<string>): Promise<Answer> {
    if (!this.live) {
      this.onAnswer?.('computed');
      return compute().then(answerOf);
    }
    const kept = this.entries.get(key);
    if (kept) {
      this.onAnswer?.('kept');
      // Most recently used last: eviction takes the first.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return Promise.resolve(kept.answer);
    }
    const pending = this.inFlight.get(key);
    if (pending?.generation === this.generation) {
      this.onAnswer?.('joined');
      return pending.answer;
    }
    this.onAnswer?.('computed');
    const generation = this.generation;
    const answer = compute().then(answerOf);
    this.inFlight.set(key, { generation, answer });
    const settle = () => {
      if (this.inFlight.get(key)?.answer === answer) this.inFlight.delete(key);
    };
    answer.then((a) => {
      settle();
      if (generation === this.generation && this.live) this.keep(key, a);
    }, settle);
    return answer;
  }

  private keep(key: string, answer: Answer): void {
    const bytes = 2 * (key.length + answer.body.length + answer.etag.length);
    if (bytes > this.maxBytes) return;
    const replaced = this.entries.get(key);
    if (replaced) {
      this.entries.delete(key);
      this.bytes -= replaced.bytes;
    }
    this.entries.set(key, { answer, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  private drop(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
    this.bytes = 0;
  }

  private reconnectLater(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = this.nextRetryMs;
    this.nextRetryMs = Math.min(this.nextRetryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) this.listener.connect().catch(() => this.reconnectLater());
    }, wait);
    this.retryTimer.unref();
  }
}
