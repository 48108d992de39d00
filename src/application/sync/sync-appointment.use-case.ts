import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import type {
  AppointmentPhase,
  CalendarBookingRef,
} from '../../domain/appointment/appointment-phase';
import { TimeRange } from '../../domain/shared/time-range';
import {
  APPOINTMENT_REPOSITORY,
  type AppointmentRepository,
} from '../ports/appointment.repository.port';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port';
import {
  CALENDAR_BOOKING_LEDGER,
  SYNC_UNIT_OF_WORK,
  type CalendarBookingLedger,
  type LedgerEntry,
  type SyncUnitOfWork,
} from '../ports/calendar-booking-ledger.port';
import {
  CALENDAR_GATEWAY,
  type CalendarGateway,
  type ExternalBooking,
} from '../ports/calendar-gateway.port';
import {
  CALENDAR_MAPPING_REPOSITORY,
  eventTypeForPhase,
  type CalendarMappingRepository,
  type CalendarTarget,
} from '../ports/calendar-mapping.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../ports/customer.repository.port';
import {
  SYNC_QUEUE,
  type JobAttempt,
  type JobVerdict,
  type SyncAppointmentJob,
  type SyncQueue,
} from '../ports/sync-queue.port';
import { BookingCanceller } from './booking-canceller';
import { LockedAppointments } from './locked-appointments';
import { describe, PhaseBooker, type PhaseResult } from './phase-booker';
import { SyncMetrics } from './sync-metrics';
import { SLEEPER, SYNC_SETTINGS, type Sleeper, type SyncSettings } from './sync-settings';

const ACTOR = 'calendar-sync';
const DONE: JobVerdict = { kind: 'done' };

/**
 * Brings one appointment's mirror in the external calendar up to date. Whatever the job's
 * action, it converges on the appointment as it is now: a cancelled appointment has no live
 * booking; a scheduled one has exactly one booking per working phase at that phase's time, and
 * bookings of phases that no longer exist (a reschedule gave new phase ids) are cancelled.
 * Jobs for one appointment never overlap (the handler holds a lease), so "look, then create"
 * cannot race another worker.
 */
@Injectable()
export class SyncAppointmentUseCase {
  private readonly booker: PhaseBooker;
  private readonly canceller: BookingCanceller;
  private readonly locked: LockedAppointments;

  constructor(
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(SYNC_UNIT_OF_WORK) uow: SyncUnitOfWork,
    @Inject(CALENDAR_GATEWAY) private readonly calendar: CalendarGateway,
    @Inject(SYNC_QUEUE) private readonly queue: SyncQueue,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SYNC_SETTINGS) private readonly settings: SyncSettings,
    @Inject(SLEEPER) sleep: Sleeper,
    private readonly metrics: SyncMetrics,
  ) {
    this.booker = new PhaseBooker(calendar, ledger, settings, sleep);
    this.canceller = new BookingCanceller(calendar, ledger);
    this.locked = new LockedAppointments(uow, clock);
  }

  async execute(job: SyncAppointmentJob, attempt: JobAttempt, round = 0): Promise<JobVerdict> {
    const scope = { companyId: job.companyId };
    const appointment = await this.appointments.findById(scope, job.appointmentId);
    const entries = await this.ledger.forAppointment(job.companyId, job.appointmentId);
    const open = entries.filter((e) => e.state !== 'cancelled');
    if (!appointment) {
      const failures = await this.canceller.cancel(open, 'Termin existiert nicht mehr');
      await this.note(job, 'calendar_sync.appointment_gone', { cancelled: open.length });
      return failures.length > 0 ? this.retryOrGiveUp(job, attempt, failures[0].reason) : DONE;
    }
    const target = await this.mappings.targetFor(scope, appointment);
    if (!target) return this.withoutCalendar(job);
    if (appointment.status === 'cancelled') {
      return this.cancelEverything(job, attempt, appointment, target, open);
    }
    if (appointment.status !== 'scheduled') return DONE;

    // Bookings of phases that are gone or moved (reschedule), and those compensation left.
    const wanted = new Map(bookable(appointment).map((p) => [p.id, p]));
    const stale = open.filter((e) => {
      const phase = wanted.get(e.phaseId);
      return e.state === 'cancelling' || !phase || phase.start.getTime() !== e.start.getTime();
    });
    const staleFailures = await this.canceller.cancel(stale, 'Termin verschoben', {
      companyId: job.companyId,
      branchId: appointment.branchId ?? '',
      staffId: appointment.staffId,
    });
    if (stale.length > 0) {
      await this.note(job, 'calendar_sync.old_bookings_cancelled', {
        uids: stale.map((e) => e.bookingUid),
        failed: staleFailures.length,
      });
    }

    const results = await this.bookPhases(job, appointment, target, open, stale);
    const failures = results.filter((r) => r.kind === 'failed');
    const misplaced = results.filter((r) => r.kind === 'misplaced');

    if (misplaced.length > 0) {
      const why = misplaced
        .map(
          (m) =>
            `phase ${m.phase.sequence} placed at ${m.booking.start.toISOString()}–${m.booking.end.toISOString()} instead of ${m.phase.start.toISOString()}–${m.phase.end.toISOString()}`,
        )
        .join('; ');
      return this.giveUp(job, appointment, `calendar put a booking elsewhere: ${why}`);
    }
    if (failures.length > 0 || staleFailures.length > 0) {
      const reason = [...failures.map((f) => f.reason), ...staleFailures.map((f) => f.reason)].join(
        '; ',
      );
      if (failures.length > 0 && failures.every((f) => f.waiting) && staleFailures.length === 0) {
        await this.note(job, 'calendar_sync.waiting', { reason });
        return { kind: 'later', delayMs: this.settings.waitMs, reason };
      }
      if (failures.some((f) => !f.retryable)) return this.giveUp(job, appointment, reason);
      return this.retryOrGiveUp(job, attempt, reason, appointment);
    }

    const booked = results.flatMap((r) => (r.kind === 'booked' ? [r] : []));
    const mirrored = booked.map((b) => ({ phaseId: b.phase.id, ref: refOf(b.booking) }));
    const saved = await this.locked.edit(scope, job.appointmentId, (fresh) =>
      fresh.status === 'scheduled' && samePhases(fresh, appointment)
        ? fresh.mirrored(mirrored)
        : undefined,
    );
    if (!saved) {
      // Cancelled or moved while we booked: converge on what it is now.
      if (round < 2) return this.execute(job, attempt, round + 1);
      return { kind: 'retry', reason: 'appointment kept changing during the sync' };
    }
    const verified = booked.filter((b) => b.how === 'verified_after_error').length;
    this.metrics.synced(verified > 0);
    await this.note(job, 'calendar_sync.synced', {
      bookings: booked.map((b) => ({ phaseId: b.phase.id, uid: b.booking.uid, how: b.how })),
      verifiedAfterError: verified,
      attempt: attempt.number,
    });
    return DONE;
  }

  private async bookPhases(
    job: SyncAppointmentJob,
    appointment: Appointment,
    target: CalendarTarget,
    open: readonly LedgerEntry[],
    stale: readonly LedgerEntry[],
  ): Promise<PhaseResult[]> {
    const known = new Map(
      open.filter((e) => e.state === 'live' && !stale.includes(e)).map((e) => [e.phaseId, e]),
    );
    const customer = await this.customers.findById(
      { companyId: job.companyId },
      appointment.customerId,
    );
    const attendee = {
      name: customer?.name ?? 'Kunde',
      ...(customer?.phone ? { phone: customer.phone } : {}),
      ...(customer?.email ? { email: customer.email } : {}),
      timeZone: target.timeZone,
      language: 'de' as const,
    };
    const one = async (phase: AppointmentPhase): Promise<PhaseResult> => {
      const entry = known.get(phase.id);
      if (entry) {
        return {
          kind: 'booked',
          phase,
          how: 'known',
          booking: {
            externalId: entry.bookingId,
            uid: entry.bookingUid,
            start: entry.start,
            end: entry.end,
            status: 'accepted',
            metadata: {},
          },
        };
      }
      const eventTypeId = eventTypeForPhase(target, phase.sequence);
      if (eventTypeId === undefined) {
        return {
          kind: 'failed',
          phase,
          reason: `phase ${phase.sequence}: no event type mapped`,
          retryable: false,
          waiting: false,
        };
      }
      return this.booker.book({
        companyId: job.companyId,
        appointmentId: appointment.id,
        branchId: appointment.branchId,
        staffId: appointment.staffId,
        credentialRef: target.credentialRef,
        eventTypeId,
        attendee,
        phase,
      });
    };
    const phases = bookable(appointment);
    if (this.settings.parallelPhases) return Promise.all(phases.map(one));
    const results: PhaseResult[] = [];
    for (const phase of phases) results.push(await one(phase));
    return results;
  }

  private async cancelEverything(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    appointment: Appointment,
    target: CalendarTarget,
    open: readonly LedgerEntry[],
  ): Promise<JobVerdict> {
    // A create that died before recording its booking left no ledger entry: look those up.
    const recorded = new Set(open.map((e) => e.phaseId));
    const unrecorded: LedgerEntry[] = [];
    for (const phase of bookable(appointment).filter((p) => !recorded.has(p.id))) {
      const eventTypeId = eventTypeForPhase(target, phase.sequence);
      if (eventTypeId === undefined) continue;
      const margin = this.settings.lookupMarginMs;
      let found;
      try {
        found = await this.calendar.findBookingByMetadata({
          credentialRef: target.credentialRef,
          eventTypeId,
          around: TimeRange.of(
            new Date(phase.start.getTime() - margin),
            new Date(phase.end.getTime() + margin),
          ),
          appointmentId: appointment.id,
          phaseId: phase.id,
        });
      } catch (error) {
        return this.retryOrGiveUp(
          job,
          attempt,
          `lookup before cancel: ${describe(error)}`,
          appointment,
        );
      }
      if (found && found.status !== 'cancelled' && found.status !== 'rejected') {
        const entry = {
          companyId: job.companyId,
          appointmentId: appointment.id,
          phaseId: phase.id,
          credentialRef: target.credentialRef,
          eventTypeId,
          bookingId: found.externalId,
          bookingUid: found.uid,
          start: found.start,
          end: found.end,
        };
        await this.ledger.recordLive(entry);
        unrecorded.push({ ...entry, state: 'live' });
      }
    }
    const toCancel = [...open, ...unrecorded];
    const failures = await this.canceller.cancel(toCancel, 'Termin storniert', {
      companyId: job.companyId,
      branchId: appointment.branchId ?? '',
      staffId: appointment.staffId,
    });
    if (failures.length > 0) {
      const reason = failures.map((f) => f.reason).join('; ');
      return this.retryOrGiveUp(job, attempt, reason, appointment);
    }
    await this.locked.edit({ companyId: job.companyId }, job.appointmentId, (fresh) =>
      fresh.status === 'cancelled' ? fresh.mirrored() : undefined,
    );
    this.metrics.synced(false);
    await this.note(job, 'calendar_sync.cancelled', { uids: toCancel.map((e) => e.bookingUid) });
    return DONE;
  }

  private async withoutCalendar(job: SyncAppointmentJob): Promise<JobVerdict> {
    const scope = { companyId: job.companyId };
    await this.locked.edit(scope, job.appointmentId, (fresh) =>
      fresh.syncState === 'synced' ? undefined : fresh.mirrorNotRequired(),
    );
    await this.note(job, 'calendar_sync.local_only', {});
    return DONE;
  }

  /** Retries while attempts remain; the last failed attempt gives up with compensation. */
  private async retryOrGiveUp(
    job: SyncAppointmentJob,
    attempt: JobAttempt,
    reason: string,
    appointment?: Appointment,
  ): Promise<JobVerdict> {
    if (attempt.final) {
      return appointment ? this.giveUp(job, appointment, reason) : DONE;
    }
    await this.locked.edit({ companyId: job.companyId }, job.appointmentId, (fresh) =>
      fresh.mirrorAttemptFailed(reason),
    );
    this.metrics.failed();
    await this.note(job, 'calendar_sync.attempt_failed', { attempt: attempt.number, reason });
    return { kind: 'retry', reason };
  }

  /**
   * Compensation: the bookings this appointment holds are cancelled (a composite appointment is
   * mirrored whole or not at all), and a person looks at it. Cancels that fail stay in the ledger
   * as `cancelling`, are queued as their own job and named in the appointment's last error.
   */
  private async giveUp(
    job: SyncAppointmentJob,
    appointment: Appointment,
    reason: string,
  ): Promise<JobVerdict> {
    const entries = await this.ledger.forAppointment(job.companyId, job.appointmentId);
    const open = entries.filter((e) => e.state !== 'cancelled');
    for (const e of open) await this.ledger.mark(e.bookingUid, 'cancelling');
    const failures = await this.canceller.cancel(
      open,
      'Termin konnte nicht vollständig eingetragen werden',
      {
        companyId: job.companyId,
        branchId: appointment.branchId ?? '',
        staffId: appointment.staffId,
      },
    );
    const pending =
      failures.length > 0 ? ` | compensation pending for ${failures.length} booking(s)` : '';
    await this.locked.edit({ companyId: job.companyId }, job.appointmentId, (fresh) =>
      fresh.needsReview(`${reason}${pending}`),
    );
    this.metrics.manualReview();
    await this.note(job, 'calendar_sync.manual_review', {
      reason,
      compensated: open.length - failures.length,
      compensationPending: failures.map((f) => f.entry.bookingUid),
    });
    if (failures.length > 0) {
      await this.queue.enqueueCompensation({
        kind: 'compensate',
        companyId: job.companyId,
        appointmentId: job.appointmentId,
        appointmentVersion: job.appointmentVersion,
      });
      await this.note(job, 'calendar_sync.compensation_failed', {
        failures: failures.map((f) => f.reason),
      });
    }
    return DONE;
  }

  private note(
    job: SyncAppointmentJob,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      companyId: job.companyId,
      actor: ACTOR,
      action,
      entity: 'appointment',
      entityId: job.appointmentId,
      details: { job: job.action, version: job.appointmentVersion, ...details },
      at: this.clock.now(),
    });
  }
}

function bookable(a: Appointment): AppointmentPhase[] {
  return a.phases.filter((p) => p.needsCalendarBooking);
}

function refOf(booking: ExternalBooking): CalendarBookingRef {
  return { bookingId: String(booking.externalId), bookingUid: booking.uid };
}

function samePhases(a: Appointment, b: Appointment): boolean {
  const x = bookable(a);
  const y = bookable(b);
  return (
    x.length === y.length &&
    x.every((p, i) => p.id === y[i].id && p.start.getTime() === y[i].start.getTime())
  );
}
