import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Suggestions while someone types: waits for a pause, cancels the request the next keystroke
 * makes stale, and keeps the last answer. Suggestions are a convenience: a failure just leaves
 * none, the field still works.
 */
export class SuggestionsController<T> implements ReactiveController {
  items: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: (q: string, signal: AbortSignal) => Promise<T[]>,
    private readonly delayMs = 150,
  ) {
    host.addController(this);
  }

  request(q: string): void {
    clearTimeout(this.timer);
    this.inflight?.abort();
    this.timer = setTimeout(() => void this.fetch(q), this.delayMs);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.inflight?.abort();
  }

  private async fetch(q: string): Promise<void> {
    const inflight = new AbortController();
    this.inflight = inflight;
    try {
      this.items = await this.load(q, inflight.signal);
    } catch {
      if (inflight.signal.aborted) return;
      this.items = [];
    }
    this.host.requestUpdate();
  }
}
