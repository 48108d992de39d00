export const PHONE_TRAFFIC = Symbol('PhoneTraffic');

/**
 * Whether this process is answering live calls right now: a function call is in flight, or one
 * ended less than `quietMs` ago. Background work (the calendar sync) listens and gives way, so a
 * backlog flushed after a Cal.com outage, or a burst of bookings' own syncs, does not slow the
 * answers callers are waiting for on the line.
 */
export class PhoneTraffic {
  private inFlight = 0;
  private lastEndedAt = 0;
  private busy = false;
  private quietCheck: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(busy: boolean) => void>();

  constructor(
    private readonly quietMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get answering(): boolean {
    return this.busy;
  }

  /** Runs `work` as a live call's function call. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    this.become(true);
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.lastEndedAt = this.nowMs();
      if (this.inFlight === 0) this.checkQuietIn(this.quietMs);
    }
  }

  /** Calls `listener` whenever answering starts or stops; returns the unsubscribe. */
  onChange(listener: (busy: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    if (this.quietCheck) clearTimeout(this.quietCheck);
    this.quietCheck = null;
  }

  // One timer at a time, re-armed for what is left of the quiet time, rather than one per call.
  private checkQuietIn(ms: number): void {
    if (this.quietCheck) return;
    this.quietCheck = setTimeout(() => {
      this.quietCheck = null;
      if (this.inFlight > 0) return;
      const left = this.lastEndedAt + this.quietMs - this.nowMs();
      if (left > 0) this.checkQuietIn(left);
      else this.become(false);
    }, ms);
    this.quietCheck.unref();
  }

  private become(busy: boolean): void {
    if (busy === this.busy) return;
    this.busy = busy;
    for (const listener of this.listeners) listener(busy);
  }
}
