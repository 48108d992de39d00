export const PHONE_TRAFFIC = Symbol('PhoneTraffic');

/**
 * Whether the service is answering live calls right now: in this process, a function call is in
 * flight or one ended less than `quietMs` ago; elsewhere, another process of the service said so
 * (see answeringElsewhere). Background work (the calendar sync) listens and gives way, so a
 * backlog flushed after a Cal.com outage, or a burst of bookings' own syncs, does not slow the
 * answers callers are waiting for on the line.
 */
export class PhoneTraffic {
  private inFlight = 0;
  private lastEndedAt = 0;
  private here = false;
  private elsewhere = false;
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

  /** Whether this process itself is answering live calls. */
  get answeringHere(): boolean {
    return this.here;
  }

  /** What other processes of the service say: whether any of them is answering live calls. */
  answeringElsewhere(answering: boolean): void {
    this.elsewhere = answering;
    this.settle();
  }

  /** Runs `work` as a live call's function call. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    this.becomeHere(true);
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
      else this.becomeHere(false);
    }, ms);
    this.quietCheck.unref();
  }

  private becomeHere(here: boolean): void {
    this.here = here;
    this.settle();
  }

  private settle(): void {
    const busy = this.here || this.elsewhere;
    if (busy === this.busy) return;
    this.busy = busy;
    for (const listener of this.listeners) listener(busy);
  }
}
