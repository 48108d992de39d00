/** Knobs of the sync processor; the composition root fills them from the environment. */
export const SYNC_SETTINGS = Symbol('SyncSettings');

/** Waits; injected so that tests do not sleep. */
export const SLEEPER = Symbol('Sleeper');
export type Sleeper = (ms: number) => Promise<void>;

export const realSleeper: Sleeper = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export interface SyncSettings {
  /** Wait after an error or timeout before looking the booking up. */
  readonly verifyDelayMs: number;
  /** Create the phases of one appointment in parallel (false: one after the other). */
  readonly parallelPhases: boolean;
  /** Delay before a job that found the breaker open (or the appointment busy) runs again. */
  readonly waitMs: number;
  /** How long one job owns an appointment unrenewed (renewed while it runs, released at its end). */
  readonly leaseMs: number;
  /** Margin around a phase's start in which a lookup searches its booking. */
  readonly lookupMarginMs: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  verifyDelayMs: 2000,
  parallelPhases: true,
  waitMs: 5000,
  leaseMs: 30_000,
  lookupMarginMs: 24 * 3600_000,
};
