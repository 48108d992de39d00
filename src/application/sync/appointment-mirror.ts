import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import type { AppointmentPhase } from '../../domain/appointment/appointment-phase';
import { err, ok, type Result } from '../../domain/shared/result';
import { TimeRange } from '../../domain/shared/time-range';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
  type LedgerEntry,
} from '../ports/calendar-booking-ledger.port';
import {
  CALENDAR_GATEWAY,
  type BookingAttendee,
  type CalendarGateway,
} from '../ports/calendar-gateway.port';
import {
  credentialForPhase,
  eventTypeForPhase,
  type CalendarTarget,
} from '../ports/calendar-mapping.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import { CUSTOMER_REPOSITORY, type CustomerRepository } from '../ports/customer.repository.port';
import type { SyncAppointmentJob } from '../ports/sync-queue.port';
import { BookingCanceller, type CancelFailure } from './booking-canceller';
import { waitOn, type CalendarTrouble } from './calendar-wait';
import { describe, PhaseBooker, type PhaseResult } from './phase-booker';
import { PhaseMover } from './phase-mover';
import { inMovingOrder, planMoves, type PlannedMove } from './phase-moves';
import { SyncJournal } from './sync-journal';
import { SLEEPER, SYNC_SETTINGS, type Sleeper, type SyncSettings } from './sync-settings';

/** Bookings that no longer belong, and the cancels among them that failed. */
export interface StaleBookings {
  readonly stale: readonly LedgerEntry[];
  readonly failures: readonly CancelFailure[];
}

/** What becomes of the bookings an appointment holds: some move, the other stale ones go. */
export interface MirrorPlan {
  readonly moves: readonly PlannedMove[];
  /** Bookings that must go and do not move: cancelled. */
  readonly stale: readonly LedgerEntry[];
}

/**
 * Makes the external calendar hold one appointment as it is now, through the ledger of the
 * bookings made for it: creates (or finds, when verifying) one booking per working phase,
 * moves the bookings of a moved appointment to their new times (PhaseMover) where the calendar
 * can, cancels those of phases that are gone or moved otherwise, and all of them once the
 * appointment is cancelled or gone. It reports what happened; SyncOutcomes records it, SyncFailurePolicy
 * decides what a failure leads to.
 */
@Injectable()
export class AppointmentMirror {
  private readonly booker: PhaseBooker;
  private readonly mover: PhaseMover;
  private readonly canceller: BookingCanceller;

  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(CALENDAR_GATEWAY) private readonly calendar: CalendarGateway,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(SYNC_SETTINGS) private readonly settings: SyncSettings,
    @Inject(SLEEPER) sleep: Sleeper,
    private readonly journal: SyncJournal,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.booker = new PhaseBooker(calendar, ledger, settings, sleep);
    this.mover = new PhaseMover(calendar, ledger, settings, sleep, clock);
    this.canceller = new BookingCanceller(calendar, ledger);
  }

  /** The appointment no longer exists: its open bookings go. */
  async cancelForGone(
    job: SyncAppointmentJob,
    open: readonly LedgerEntry[],
  ): Promise<CancelFailure[]> {
    const failures = await this.canceller.cancel(open, 'gone');
    await this.journal.note(job, 'calendar_sync.appointment_gone', { cancelled: open.length });
    return failures;
  }

  /**
   * Which bookings must go (their phase is gone or starts elsewhere, or compensation left them)
   * and which of those move onto a phase that has none instead (see planMoves).
   */
  plan(appointment: Appointment, target: CalendarTarget, open: readonly LedgerEntry[]): MirrorPlan {
    const wanted = new Map(appointment.calendarPhases.map((p) => [p.id, p]));
    const placed = (e: LedgerEntry) => wanted.get(e.phaseId)?.start.getTime() === e.start.getTime();
    const leaving = open.filter((e) => e.state === 'cancelling' || !placed(e));
    const booked = new Set(
      open.filter((e) => e.state === 'live' && placed(e)).map((e) => e.phaseId),
    );
    // A compensation leftover still at its phase's time is cancelled, never moved.
    const movable = leaving.filter((e) => !placed(e));
    const moves = planMoves(appointment.calendarPhases, target, movable, booked);
    const moving = new Set(moves.map((m) => m.from));
    return { moves, stale: leaving.filter((e) => !moving.has(e)) };
  }

  /** Cancels the bookings that must go and do not move, and those compensation left. */
  async cancelStale(
    job: SyncAppointmentJob,
    appointment: Appointment,
    plan: MirrorPlan,
  ): Promise<StaleBookings> {
    const { stale } = plan;
    const failures = await this.canceller.cancel(stale, 'moved', slotsOf(job, appointment));
    if (stale.length > 0) {
      await this.journal.note(job, 'calendar_sync.old_bookings_cancelled', {
        uids: stale.map((e) => e.bookingUid),
        failed: failures.length,
      });
    }
    return { stale, failures };
  }

  /**
   * One result per working phase: known from the ledger, moved, found, created, or why not.
   * Moves go one after the other (see inMovingOrder); the phases left are created after them.
   */
  async bookPhases(
    job: SyncAppointmentJob,
    appointment: Appointment,
    target: CalendarTarget,
    open: readonly LedgerEntry[],
    plan: MirrorPlan,
  ): Promise<PhaseResult[]> {
    const leaving = new Set([...plan.stale, ...plan.moves.map((m) => m.from)]);
    const known = new Map(
      open.filter((e) => e.state === 'live' && !leaving.has(e)).map((e) => [e.phaseId, e]),
    );
    const moved = await this.movePhases(job, appointment, plan.moves);
    const attendee = await this.attendee(job, appointment, target);
    const one = (phase: AppointmentPhase): Promise<PhaseResult> => {
      const entry = known.get(phase.id);
      if (entry) return Promise.resolve(knownBooking(phase, entry));
      const result = moved.get(phase.id);
      if (result) return Promise.resolve(result);
      return this.bookOne(job, appointment, target, attendee, phase);
    };
    const phases = appointment.calendarPhases;
    if (this.settings.parallelPhases) return Promise.all(phases.map(one));
    const results: PhaseResult[] = [];
    for (const phase of phases) results.push(await one(phase));
    return results;
  }

  /** Each planned move's result by phase id; a phase to be created instead has none. */
  private async movePhases(
    job: SyncAppointmentJob,
    appointment: Appointment,
    moves: readonly PlannedMove[],
  ): Promise<Map<string, PhaseResult>> {
    const results = new Map<string, PhaseResult>();
    const fallbacks: string[] = [];
    const branchId = appointment.branchId;
    for (const move of inMovingOrder(moves)) {
      const result = await this.mover.move({
        ...move,
        companyId: job.companyId,
        appointmentId: appointment.id,
        slotScope: branchId
          ? { companyId: job.companyId, branchId, staffId: appointment.stylistOf(move.phase) }
          : undefined,
      });
      if (result.kind === 'create') fallbacks.push(`phase ${move.phase.sequence}: ${result.why}`);
      else results.set(move.phase.id, result);
    }
    if (moves.length > 0) {
      await this.journal.note(job, 'calendar_sync.bookings_moved', {
        moved: [...results.values()].filter((r) => r.kind === 'booked').length,
        createdInstead: fallbacks,
      });
    }
    return results;
  }

  /**
   * Cancels every booking of the cancelled appointment, also those a create that died before
   * recording it left unrecorded (looked up by our ids first). Ok with the uids cancelled, or
   * what kept it from finishing.
   */
  async cancelAll(
    job: SyncAppointmentJob,
    appointment: Appointment,
    target: CalendarTarget,
    open: readonly LedgerEntry[],
  ): Promise<Result<string[], readonly CalendarTrouble[]>> {
    const unrecorded = await this.findUnrecorded(job, appointment, target, open);
    if (!unrecorded.ok) return err([unrecorded.error]);
    const toCancel = [...open, ...unrecorded.value];
    const failures = await this.canceller.cancel(toCancel, 'cancelled', slotsOf(job, appointment));
    if (failures.length > 0) return err(failures);
    return ok(toCancel.map((e) => e.bookingUid));
  }

  private async findUnrecorded(
    job: SyncAppointmentJob,
    appointment: Appointment,
    target: CalendarTarget,
    open: readonly LedgerEntry[],
  ): Promise<Result<LedgerEntry[], CalendarTrouble>> {
    const recorded = new Set(open.map((e) => e.phaseId));
    const unrecorded: LedgerEntry[] = [];
    for (const phase of appointment.calendarPhases.filter((p) => !recorded.has(p.id))) {
      const eventTypeId = eventTypeForPhase(target, phase.sequence);
      if (eventTypeId === undefined) continue;
      let found;
      try {
        found = await this.calendar.findBookingByMetadata({
          credentialRef: credentialForPhase(target, phase.sequence),
          eventTypeId,
          around: this.aroundPhase(phase),
          appointmentId: appointment.id,
          phaseId: phase.id,
        });
      } catch (error) {
        return err({ reason: `lookup before cancel: ${describe(error)}`, ...waitOn(error) });
      }
      if (found && found.status !== 'cancelled' && found.status !== 'rejected') {
        const entry = {
          companyId: job.companyId,
          appointmentId: appointment.id,
          phaseId: phase.id,
          credentialRef: credentialForPhase(target, phase.sequence),
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
    return ok(unrecorded);
  }

  private aroundPhase(phase: AppointmentPhase): TimeRange {
    const margin = this.settings.lookupMarginMs;
    return TimeRange.of(
      new Date(phase.start.getTime() - margin),
      new Date(phase.end.getTime() + margin),
    );
  }

  private async attendee(
    job: SyncAppointmentJob,
    appointment: Appointment,
    target: CalendarTarget,
  ): Promise<BookingAttendee> {
    const customer = await this.customers.findById(
      { companyId: job.companyId },
      appointment.customerId,
    );
    return {
      name: customer?.name ?? 'Kunde',
      ...(customer?.phone ? { phone: customer.phone } : {}),
      ...(customer?.email ? { email: customer.email } : {}),
      timeZone: target.timeZone,
      language: 'de' as const,
    };
  }

  private bookOne(
    job: SyncAppointmentJob,
    appointment: Appointment,
    target: CalendarTarget,
    attendee: BookingAttendee,
    phase: AppointmentPhase,
  ): Promise<PhaseResult> {
    const eventTypeId = eventTypeForPhase(target, phase.sequence);
    if (eventTypeId === undefined) {
      return Promise.resolve({
        kind: 'failed',
        phase,
        reason: `phase ${phase.sequence}: no event type mapped`,
        retryable: false,
        waiting: false,
      });
    }
    return this.booker.book({
      companyId: job.companyId,
      appointmentId: appointment.id,
      branchId: appointment.branchId,
      // Each phase under its own stylist (a shared visit's), whose slot answers it makes stale.
      staffId: appointment.stylistOf(phase),
      credentialRef: credentialForPhase(target, phase.sequence),
      eventTypeId,
      attendee,
      phase,
      bookedForService: target.bookedFor?.get(phase.sequence),
    });
  }
}

/** A phase the ledger knows as booked where it belongs: nothing to ask the calendar. */
function knownBooking(phase: AppointmentPhase, entry: LedgerEntry): PhaseResult {
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

/** Whose cached slot answers a cancel makes stale: a shared visit's, the branch's. */
function slotsOf(job: SyncAppointmentJob, a: Appointment) {
  const staffId = a.isShared ? undefined : a.staffId;
  return { companyId: job.companyId, branchId: a.branchId ?? '', ...(staffId ? { staffId } : {}) };
}
