/**
 * Display names by key, kept for a few minutes. Every search answers with the names of the
 * employers and lists in its facets; they change rarely, so most searches need no Postgres trip.
 * A key that has no name (not found) is asked again next time, so new rows show up at once.
 */
export class LabelCache {
  private readonly entries = new Map<string, { label: string; expires: number }>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly max = 20_000,
  ) {}

  async get(keys: string[], load: (missing: string[]) => Promise<Record<string, string>>): Promise<Record<string, string>> {
    const now = Date.now();
    const found: Record<string, string> = {};
    const missing: string[] = [];
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry && entry.expires > now) found[key] = entry.label;
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    const loaded = await load(missing);
    for (const [key, label] of Object.entries(loaded)) {
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { label, expires: now + this.ttlMs });
      found[key] = label;
    }
    return found;
  }
}
