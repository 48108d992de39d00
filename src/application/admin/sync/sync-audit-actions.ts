/**
 * Audit actions the calendar sync writes (see src/application/sync/sync-appointment.use-case.ts).
 * A `synced` entry carries `details.verifiedAfterError`: how many bookings were found by lookup
 * after Cal.com answered with an error or timed out (a false negative of the calendar).
 */
export const SYNC_AUDIT = {
  synced: 'calendar_sync.synced',
  attemptFailed: 'calendar_sync.attempt_failed',
  manualReview: 'calendar_sync.manual_review',
  compensationFailed: 'calendar_sync.compensation_failed',
} as const;

export const VERIFIED_FLAG = 'verifiedAfterError';

/** Failures an operator wants to read, newest first. */
export const FAILURE_ACTIONS = [
  SYNC_AUDIT.attemptFailed,
  SYNC_AUDIT.manualReview,
  SYNC_AUDIT.compensationFailed,
] as const;

export interface SyncRates {
  /** synced / (synced + failed + manual_review) over current appointment states; null: none yet. */
  readonly successRate: number | null;
  /** Syncs verified after an error / all errors (those plus failed attempts and give-ups). */
  readonly falseNegativeRate: number | null;
  readonly verifiedAfterError: number;
  readonly errors: number;
}

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export function syncRates(
  states: { synced: number; failed: number; manual_review: number },
  audit: { verifiedAfterError: number; attemptFailed: number; manualReview: number },
): SyncRates {
  const errors = audit.verifiedAfterError + audit.attemptFailed + audit.manualReview;
  return {
    successRate: ratio(states.synced, states.synced + states.failed + states.manual_review),
    falseNegativeRate: ratio(audit.verifiedAfterError, errors),
    verifiedAfterError: audit.verifiedAfterError,
    errors,
  };
}
