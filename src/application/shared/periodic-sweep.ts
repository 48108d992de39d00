/**
 * Runs a sweep on demand and on an interval, one at a time: a call while a sweep runs joins it
 * (so a slow round is not stacked on by the next tick), the interval does not keep the process
 * alive, and stopping waits for the running sweep, so a shutdown does not cut it off.
 */
export class PeriodicSweep<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(
    private readonly sweepOnce: () => Promise<T>,
    /** 0 or less: no polling; the sweep runs only when asked. */
    private readonly intervalMs: number,
    /** A failed round is reported here; the next tick tries again. */
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Sweeps now, or joins the sweep that runs. */
  run(): Promise<T> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  startPolling(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      void this.run().catch(this.onFailure);
    }, this.intervalMs);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops polling and waits for the running sweep, whatever its end. */
  async stop(): Promise<void> {
    this.stopPolling();
    await this.running?.catch(() => undefined);
  }
}
