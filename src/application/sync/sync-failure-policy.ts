import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import type { JobAttempt, JobVerdict, SyncAppointmentJob } from '../ports/sync-queue.port';
import type { CancelFailure } from './booking-canceller';
import { waitFor, type CalendarTrouble } from './calendar-wait';
import { BookingCompensation } from './booking-compensation';
import type { PhaseResult } from './phase-booker';
import { SYNC_SETTINGS, type SyncSettings } from './sync-settings';
import { SyncOutcomes } from './sync-outcomes';

const DONE: JobVerdict = { kind: 'done' };

type Failed = Extract<PhaseResult, { kind: 'failed' }>;
type Misplaced = Extract<PhaseResult, { kind: 'misplaced' }>;

/**
 * What a sync that did not reach its goal does next: wait while only the breaker or a rate
 * limit stood in the way, retry while attempts remain (the queue's backoff spaces them), give
 * up after the last one or at once when a retry cannot help: compensation cancels the bookings
 * made, and a person looks at the appointment (manual_review).
 */
@Injectable()
export class SyncFailurePolicy {
  constructor(
    private readonly compensation: BookingCompensation,
    private readonly outcomes: SyncOutcomes,
    @Inject(SYNC_SETTINGS) private readonly settings: SyncSettings,
  ) {}

  /** The verdict on a round of bookings, or null when every phase is booked where it belongs. */
  async afterBooking(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    appointment: Appointment,
    results: readonly PhaseResult[],
    staleFailures: readonly CancelFailure[],
  ): Promise<JobVerdict | null> {
    const misplaced = results.filter((r): r is Misplaced => r.kind === 'misplaced');
    if (misplaced.length > 0) {
      const why = misplaced.map(placedElsewhere).join('; ');
      return this.giveUp(job, appointment, `calendar put a booking elsewhere: ${why}`);
    }
    const failures = results.filter((r): r is Failed => r.kind === 'failed');
    if (failures.length === 0 && staleFailures.length === 0) return null;
    if (failures.some((f) => !f.retryable)) {
      const reason = [...failures, ...staleFailures].map((f) => f.reason).join('; ');
      return this.giveUp(job, appointment, reason);
    }
    return this.afterTrouble(job, attempt, [...failures, ...staleFailures], appointment);
  }

  /**
   * After calendar requests failed: wait when each of them only has to (no attempt spent; a 429
   * costs no lookup either, and the job comes back when the window frees), else retry while
   * attempts remain and give up after the last.
   */
  async afterTrouble(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    troubles: readonly CalendarTrouble[],
    appointment?: Appointment,
  ): Promise<JobVerdict> {
    const reason = troubles.map((f) => f.reason).join('; ');
    if (troubles.length > 0 && troubles.every((f) => f.waiting)) {
      await this.outcomes.waiting(job, reason);
      return { kind: 'later', delayMs: waitFor(troubles, this.settings.waitMs), reason };
    }
    return this.retryOrGiveUp(job, attempt, reason, appointment);
  }

  /** Retries while attempts remain; the last failed attempt gives up with compensation. */
  async retryOrGiveUp(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    reason: string,
    appointment?: Appointment,
  ): Promise<JobVerdict> {
    if (attempt.final) {
      return appointment ? this.giveUp(job, appointment, reason) : DONE;
    }
    await this.outcomes.attemptFailed(job, attempt, reason);
    return { kind: 'retry', reason };
  }

  /**
   * Compensation: the bookings this appointment holds are cancelled, and a person looks at it.
   * Cancels that fail are named in the appointment's last error and queued as their own job.
   */
  async giveUp(
    job: SyncAppointmentJob,
    appointment: Appointment,
    reason: string,
  ): Promise<JobVerdict> {
    const { held, failures } = await this.compensation.cancelHeld(job, appointment);
    const pending =
      failures.length > 0 ? ` | compensation pending for ${failures.length} booking(s)` : '';
    await this.outcomes.needsReview(job, reason, `${reason}${pending}`, {
      compensated: held - failures.length,
      compensationPending: failures.map((f) => f.entry.bookingUid),
    });
    await this.compensation.queueUnfinished(job, failures);
    return DONE;
  }
}

function placedElsewhere(m: Misplaced): string {
  const placed = `${m.booking.start.toISOString()}–${m.booking.end.toISOString()}`;
  const asked = `${m.phase.start.toISOString()}–${m.phase.end.toISOString()}`;
  return `phase ${m.phase.sequence} placed at ${placed} instead of ${asked}`;
}
