/**
 * Answers of a pure computation, kept by key. When it holds `limit` answers it starts afresh:
 * the working set (a salon's days, zones, numbers) fills it again at once, and nothing grows
 * without bound.
 */
export class BoundedMemo<V> {
  private readonly answers = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(key, value);
    return value;
  }
}
