import { Result } from '../shared/result';
import { IllegalSyncTransition } from './appointment.errors';
import { legal } from './legal-step';
import { nextSyncState, SyncEvent, SyncState } from './sync-state';

/** How much of an error the appointment keeps (its stored column's size). */
export const SYNC_ERROR_LIMIT = 500;

/** An appointment's mirror in the external calendar: state, attempts this round, last error. */
export class CalendarSync {
  private constructor(
    readonly state: SyncState,
    readonly attempts: number,
    readonly lastError: string | undefined,
  ) {}

  static initial(required: boolean): CalendarSync {
    return new CalendarSync(required ? 'pending' : 'not_required', 0, undefined);
  }

  static restore(state: SyncState, attempts: number, lastError?: string): CalendarSync {
    return new CalendarSync(state, attempts, lastError);
  }

  /** A retry after a failure keeps counting; any other request starts a fresh round. */
  request(): Result<CalendarSync, IllegalSyncTransition> {
    const fresh = this.state !== 'failed';
    return this.step('request', fresh ? 0 : this.attempts, fresh ? undefined : this.lastError);
  }

  /** An attempt reached the calendar (created, or found when verifying). */
  confirm(): Result<CalendarSync, IllegalSyncTransition> {
    return this.step('confirm', this.attempts + 1, undefined);
  }

  fail(error: string): Result<CalendarSync, IllegalSyncTransition> {
    return this.step('fail', this.attempts + 1, error);
  }

  escalate(error?: string): Result<CalendarSync, IllegalSyncTransition> {
    return this.step('escalate', this.attempts, error ?? this.lastError);
  }

  /** The calendar holds the appointment as it is now. Learnt again, nothing changes. */
  mirrored(): CalendarSync {
    if (this.state === 'synced') return this;
    const unsettled = this.state === 'failed' || this.state === 'not_required';
    return legal((unsettled ? legal(this.request()) : this).confirm());
  }

  /** One more attempt of this round failed: it counts, whatever the state said before. */
  attemptFailed(error: string): CalendarSync {
    const pending = this.state === 'pending' ? this : legal(this.request());
    return legal(pending.fail(error.slice(0, SYNC_ERROR_LIMIT)));
  }

  /** A person has to look at it for `reason`; flagged for the same reason already, it stays. */
  needsReview(reason: string): CalendarSync {
    if (this.awaitsReviewFor(reason)) return this;
    const open = this.state === 'pending' || this.state === 'failed';
    return legal((open ? this : legal(this.request())).escalate(reason.slice(0, SYNC_ERROR_LIMIT)));
  }

  awaitsReviewFor(reason: string): boolean {
    return this.state === 'manual_review' && this.lastError === reason.slice(0, SYNC_ERROR_LIMIT);
  }

  private step(
    event: SyncEvent,
    attempts: number,
    lastError: string | undefined,
  ): Result<CalendarSync, IllegalSyncTransition> {
    const next = nextSyncState(this.state, event);
    if (!next.ok) return next;
    return { ok: true, value: new CalendarSync(next.value, attempts, lastError) };
  }
}
