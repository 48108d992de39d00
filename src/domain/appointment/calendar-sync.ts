import { Result } from '../shared/result';
import { IllegalSyncTransition } from './appointment-errors';
import { nextSyncState, SyncEvent, SyncState } from './sync-state';

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
