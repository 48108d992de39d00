import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import { CLOCK, type Clock } from '../ports/clock.port';
import type { JobAttempt, SyncAppointmentJob } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, type UnitOfWork } from '../ports/unit-of-work.port';
import { LockedAppointments } from './locked-appointments';
import type { PhaseResult } from './phase-booker';
import { SyncJournal } from './sync-journal';
import { SyncMetrics } from './sync-metrics';

export type BookedPhase = Extract<PhaseResult, { kind: 'booked' }>;

/** What compensation did when the sync gave up: cancelled, and the uids still to cancel. */
export interface CompensationSoFar {
  readonly compensated: number;
  readonly compensationPending: readonly string[];
}

/**
 * What a sync job learnt, written down: into the appointment through its own methods (loaded
 * fresh under its lock), into the sync metrics and into the audit trail.
 */
@Injectable()
export class SyncOutcomes {
  private readonly locked: LockedAppointments;

  constructor(
    @Inject(UNIT_OF_WORK) uow: UnitOfWork,
    @Inject(CLOCK) clock: Clock,
    private readonly metrics: SyncMetrics,
    private readonly journal: SyncJournal,
  ) {
    this.locked = new LockedAppointments(uow, clock);
  }

  /**
   * Every phase of `appointment` is booked. False when the appointment changed meanwhile
   * (cancelled, moved, gone): nothing is recorded then, the job converges on what it is now.
   */
  async mirrored(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    appointment: Appointment,
    booked: readonly BookedPhase[],
  ): Promise<boolean> {
    const phases = booked.map((b) => ({
      phaseId: b.phase.id,
      ref: { bookingId: String(b.booking.externalId), bookingUid: b.booking.uid },
    }));
    const saved = await this.edit(job, (fresh) =>
      fresh.status === 'scheduled' && samePhases(fresh, appointment)
        ? fresh.mirrored(phases)
        : undefined,
    );
    if (!saved) return false;
    const verified = booked.filter((b) => b.how === 'verified_after_error').length;
    this.metrics.synced(verified > 0);
    await this.journal.note(job, 'calendar_sync.synced', {
      bookings: booked.map((b) => ({ phaseId: b.phase.id, uid: b.booking.uid, how: b.how })),
      verifiedAfterError: verified,
      attempt: attempt.number,
    });
    return true;
  }

  /** The cancelled appointment has no live booking left in the calendar. */
  async cancelled(job: SyncAppointmentJob, uids: readonly string[]): Promise<void> {
    await this.edit(job, (fresh) => (fresh.status === 'cancelled' ? fresh.mirrored() : undefined));
    this.metrics.synced(false);
    await this.journal.note(job, 'calendar_sync.cancelled', { uids });
  }

  /** The tenant mirrors nothing into an external calendar. */
  async localOnly(job: SyncAppointmentJob): Promise<void> {
    await this.edit(job, (fresh) =>
      fresh.syncState === 'synced' ? undefined : fresh.mirrorNotRequired(),
    );
    await this.journal.note(job, 'calendar_sync.local_only', {});
  }

  /** This attempt failed and the job is tried again. */
  async attemptFailed(job: SyncAppointmentJob, attempt: JobAttempt, reason: string): Promise<void> {
    await this.edit(job, (fresh) => fresh.mirrorAttemptFailed(reason));
    this.metrics.failed();
    await this.journal.note(job, 'calendar_sync.attempt_failed', {
      attempt: attempt.number,
      reason,
    });
  }

  /** Given up: a person looks at it for `stored` (the reason and what compensation left). */
  async needsReview(
    job: SyncAppointmentJob,
    reason: string,
    stored: string,
    compensation: CompensationSoFar,
  ): Promise<void> {
    await this.edit(job, (fresh) => fresh.needsReview(stored));
    this.metrics.manualReview();
    await this.journal.note(job, 'calendar_sync.manual_review', { reason, ...compensation });
  }

  /** Only the breaker or a rate limit stood in the way: the job waits without using an attempt. */
  waiting(job: SyncAppointmentJob, reason: string): Promise<void> {
    return this.journal.note(job, 'calendar_sync.waiting', { reason });
  }

  private edit(
    job: SyncAppointmentJob,
    change: (fresh: Appointment) => Appointment | undefined,
  ): Promise<boolean> {
    return this.locked.edit({ companyId: job.companyId }, job.appointmentId, change);
  }
}

function samePhases(a: Appointment, b: Appointment): boolean {
  const x = a.calendarPhases;
  const y = b.calendarPhases;
  return (
    x.length === y.length &&
    x.every((p, i) => p.id === y[i].id && p.start.getTime() === y[i].start.getTime())
  );
}
