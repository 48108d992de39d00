/**
 * Remembers a loaded value for a while. Concurrent callers share one load; a failed load is
 * forgotten at once, and so is any value `keep` refuses (e.g. "not found", which may change).
 */
export class ExpiringMemo<T> {
  private readonly entries = new Map<string, { until: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly keep: (value: T) => boolean = () => true,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { until: now + this.ttlMs, value });
    value.then(
      (v) => !this.keep(v) && this.forget(key, value),
      () => this.forget(key, value),
    );
    return value;
  }

  /** Drops one entry, or all of them. */
  delete(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  // Only the entry this load made: a newer load under the same key stays.
  private forget(key: string, value: Promise<T>): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}
