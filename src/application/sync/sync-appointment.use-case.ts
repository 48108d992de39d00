import { calendarTargetOf } from './visit-calendar-target';
import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import {
  APPOINTMENT_REPOSITORY,
  type AppointmentRepository,
} from '../ports/appointment.repository.port';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
  type LedgerEntry,
} from '../ports/calendar-booking-ledger.port';
import {
  CALENDAR_MAPPING_REPOSITORY,
  type CalendarMappingRepository,
  type CalendarTarget,
} from '../ports/calendar-mapping.port';
import type { JobAttempt, JobVerdict, SyncAppointmentJob } from '../ports/sync-queue.port';
import { AppointmentMirror } from './appointment-mirror';
import { SyncFailurePolicy } from './sync-failure-policy';
import { SyncOutcomes, type BookedPhase } from './sync-outcomes';

const DONE: JobVerdict = { kind: 'done' };
/** Rounds a job re-reads an appointment that changed while it booked, before it retries. */
const ROUNDS = 2;

/**
 * Brings one appointment's mirror in the external calendar up to date. Whatever the job's
 * action, it converges on the appointment as it is now: a cancelled appointment has no live
 * booking; a scheduled one has exactly one booking per working phase at that phase's time. A
 * reschedule gives new phase ids: the old phases' bookings move to the new times where the
 * calendar can move them, and are cancelled (the phases then created) where it cannot.
 * Jobs for one appointment never overlap (the handler holds a lease), so "look, then create"
 * cannot race another worker.
 *
 * AppointmentMirror talks to the calendar, SyncOutcomes records what it learnt, and
 * SyncFailurePolicy decides what a failure leads to.
 */
@Injectable()
export class SyncAppointmentUseCase {
  constructor(
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    private readonly mirror: AppointmentMirror,
    private readonly policy: SyncFailurePolicy,
    private readonly outcomes: SyncOutcomes,
  ) {}

  async execute(job: SyncAppointmentJob, attempt: JobAttempt, round = 0): Promise<JobVerdict> {
    const scope = { companyId: job.companyId };
    const appointment = await this.appointments.findById(scope, job.appointmentId);
    const entries = await this.ledger.forAppointment(job.companyId, job.appointmentId);
    const open = entries.filter((e) => e.state !== 'cancelled');
    if (!appointment) {
      const failures = await this.mirror.cancelForGone(job, open);
      return failures.length > 0 ? this.policy.afterTrouble(job, attempt, failures) : DONE;
    }
    const target = await calendarTargetOf(this.mappings, scope, appointment);
    if (!target) {
      await this.outcomes.localOnly(job);
      return DONE;
    }
    if (appointment.status === 'cancelled') {
      return this.cancelEverything(job, attempt, appointment, target, open);
    }
    if (appointment.status !== 'scheduled') return DONE;
    return this.bookEverything(job, attempt, appointment, target, open, round);
  }

  private async bookEverything(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    appointment: Appointment,
    target: CalendarTarget,
    open: readonly LedgerEntry[],
    round: number,
  ): Promise<JobVerdict> {
    const plan = this.mirror.plan(appointment, target, open);
    const { failures } = await this.mirror.cancelStale(job, appointment, plan);
    const results = await this.mirror.bookPhases(job, appointment, target, open, plan);
    const verdict = await this.policy.afterBooking(job, attempt, appointment, results, failures);
    if (verdict) return verdict;
    const booked = results.filter((r): r is BookedPhase => r.kind === 'booked');
    if (await this.outcomes.mirrored(job, attempt, appointment, booked)) return DONE;
    // Cancelled or moved while we booked: converge on what it is now.
    if (round < ROUNDS) return this.execute(job, attempt, round + 1);
    return { kind: 'retry', reason: 'appointment kept changing during the sync' };
  }

  private async cancelEverything(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    appointment: Appointment,
    target: CalendarTarget,
    open: readonly LedgerEntry[],
  ): Promise<JobVerdict> {
    const cancelled = await this.mirror.cancelAll(job, appointment, target, open);
    if (!cancelled.ok) return this.policy.afterTrouble(job, attempt, cancelled.error, appointment);
    await this.outcomes.cancelled(job, cancelled.value);
    return DONE;
  }
}
