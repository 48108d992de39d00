import type { CalendarBookingLedger } from '../ports/calendar-booking-ledger.port';

/** Renewals per lease time: two may fail (a slow database) before the lease lapses. */
const RENEWALS_PER_TTL = 3;

/**
 * An appointment's lease held for the life of one job: renewed while the job runs, so a short
 * lease (the default is the job lock's 30 s) never lapses under a long job, and released when the
 * job ends however it ends. A worker that dies stops renewing, so its appointment is free again
 * within one lease time rather than after the longest job anyone could run.
 */
export class KeptLease {
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly ledger: CalendarBookingLedger,
    private readonly appointmentId: string,
    private readonly holder: string,
    ttlMs: number,
    onLost: () => void,
  ) {
    const renewEvery = Math.max(Math.floor(ttlMs / RENEWALS_PER_TTL), 50);
    this.timer = setInterval(() => {
      // Taking a lease again as its holder extends it; false means another job took it over
      // after it lapsed (this process stalled for a whole lease time).
      ledger.tryLease(appointmentId, holder, ttlMs).then(
        (kept) => kept || onLost(),
        () => undefined, // the next renewal tries again; the lease lasts three of them
      );
    }, renewEvery);
    this.timer.unref();
  }

  /** The lease, or null when another job holds it. */
  static async take(
    ledger: CalendarBookingLedger,
    appointmentId: string,
    holder: string,
    ttlMs: number,
    onLost: () => void,
  ): Promise<KeptLease | null> {
    if (!(await ledger.tryLease(appointmentId, holder, ttlMs))) return null;
    return new KeptLease(ledger, appointmentId, holder, ttlMs, onLost);
  }

  /** Never throws: a release that fails (database away) leaves a lease that lapses by itself. */
  async release(): Promise<void> {
    clearInterval(this.timer);
    await this.ledger.releaseLease(this.appointmentId, this.holder).catch(() => undefined);
  }
}
