import { Inject, Injectable } from '@nestjs/common';
import { Appointment } from '../../domain/appointment/appointment';
import { toIsoDate, wallClockAt } from '../../domain/language';
import { Service } from '../../domain/salon/service';
import { DomainError } from '../../domain/shared/domain-error';
import { err, ok, Result } from '../../domain/shared/result';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { SYNC_KICKER, SyncKicker } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, UnitOfWork } from '../ports/unit-of-work.port';
import { serviceOfAppointment } from './appointment-service';
import { CalendarVerdict } from './calendar-check';
import { ConfirmedAvailabilityService } from './confirmed-availability.service';
import { callerAudit, SlotLost } from './booking-transaction';
import { CallContext } from './call-context';
import { CallerAppointmentsFinder, LookupRefusal } from './caller-appointments.finder';
import { PhoneFunctionArgs } from './phone-functions';
import { SlotTakenMeanwhile, SlotUnavailable } from './slot-outcomes';
import { SpokenRequestReader } from './spoken-request.reader';
import { againIfChanged, lockAsRead } from './changed-meanwhile';
import { NoSuchAppointment, WhichOne, whichOne } from './which-one';
import { StylistNotOffering, StylistUnclear, WhenRefusal } from './wish-refusal';

/** The appointment now starts at the new time (or already did: a retried move). */
export interface Moved {
  readonly kind: 'moved';
  readonly appointment: Appointment;
  readonly verdicts: readonly CalendarVerdict[];
}

/** No new day or time was said, or the salon no longer offers the appointment's service. */
export interface MoveRefused {
  readonly kind: 'refused';
  readonly reason: 'NEW_TIME_MISSING' | 'SERVICE_WITHDRAWN';
}

/** The appointment's state allows no move any more (e.g. completed). */
export interface NotMovable {
  readonly kind: 'refused';
  readonly reason: 'NOT_MOVABLE';
  readonly error: DomainError;
}

export type RescheduleAppointmentOutcome =
  | Moved
  | MoveRefused
  | NotMovable
  | WhenRefusal
  | StylistUnclear
  | StylistNotOffering
  | LookupRefusal
  | NoSuchAppointment
  | WhichOne
  | SlotUnavailable
  | SlotTakenMeanwhile;

/**
 * Moves one appointment in one step: the new time is checked without the appointment itself,
 * and the database either moves every phase or none. A stylist named is asked for as
 * check_availability asks and takes the appointment over; none named, the stylist stays the
 * same. A visit the branch may share among stylists is planned again at the new time by the
 * rules of a new one (one stylist where someone can do it all, else shared), and the answer
 * names who does what.
 */
@Injectable()
export class RescheduleAppointmentUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    private readonly finder: CallerAppointmentsFinder,
    private readonly availability: ConfirmedAvailabilityService,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {}

  execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<RescheduleAppointmentOutcome> {
    return againIfChanged(() => this.attempt(salon, call, args));
  }

  private async attempt(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<RescheduleAppointmentOutcome> {
    const now = this.clock.now();
    if (!args.newDate?.trim() && !args.newTime?.trim()) {
      return { kind: 'refused', reason: 'NEW_TIME_MISSING' };
    }
    const found = await this.appointmentMeant(salon, call, args, now);
    if (!found.ok) return found.error;
    const { target, service } = found.value;
    const zone = salon.branch.timeZone;
    const newDate = args.newDate?.trim() || toIsoDate(wallClockAt(target.start, zone).date);
    const reader = new SpokenRequestReader(salon);
    const start = reader.start(newDate, args.newTime, now);
    if (!start.ok) return start.error;
    // A visit the branch may share is planned anew, whether or not it is shared now: one moved
    // to a single stylist must be able to go back to a time only a sharing can take.
    const planned = target.isShared || salon.branch.sharesVisit(service);
    const asked = reader.askedStylist(args, service, start.value);
    if (!asked.ok) return asked.error;
    const named = asked.value.stylist;
    // Another stylist named takes it over (a move at the same time included), as a new booking
    // at the new time would go to them.
    const toOther = !planned && named !== undefined && named.id !== target.staffId;
    if (target.start.getTime() === start.value.getTime() && !toOther) {
      return { kind: 'moved', appointment: target, verdicts: [] };
    }
    // The new time must be free in the stylist's Cal.com calendar too, where the appointment's
    // own bookings count as free (they move with it). With no stylist named a move keeps its
    // stylist: only their starts can be offered instead. A stylist named is asked for as
    // check_availability asks ('nur Lena' insists); a visit planned anew prefers its first
    // stylist when none is named.
    const kept = !planned && !named;
    const inquiry = this.availability.begin({
      salon,
      service,
      start: start.value,
      now,
      stylist: kept ? salon.staff.find((s) => s.id === target.staffId) : named,
      preferredStaffId: named?.id ?? target.staffId,
      onlyPreferred: kept ? true : asked.value.onlyStylist,
      askingCallId: call.callId,
      moving: target,
    });
    const answer = await inquiry.ask();
    if (answer.kind === 'unavailable') return answer;
    const { free } = answer;
    const moved = !kept
      ? target.reschedule(start.value, service, undefined, {
          staffId: free.staffId,
          assignment: free.assignment,
        })
      : target.reschedule(start.value, service);
    if (!moved.ok) return { kind: 'refused', reason: 'NOT_MOVABLE', error: moved.error };
    if (!(await this.save(salon, call, target, moved.value, now))) {
      return inquiry.lostMeanwhile({ askCalendar: false });
    }
    this.kicker.kick();
    return { kind: 'moved', appointment: moved.value, verdicts: answer.verdicts };
  }

  /** The one appointment the caller means to move, and its service as the salon offers it. */
  private async appointmentMeant(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
    now: Date,
  ): Promise<
    Result<
      { target: Appointment; service: Service },
      LookupRefusal | NoSuchAppointment | WhichOne | MoveRefused
    >
  > {
    let found = await this.finder.find(salon, call, args, now);
    if (!found.ok && found.error.reason === 'NOT_IDENTIFIED' && args.newDate?.trim()) {
      // Found by name and day, a retried move finds it only at its new day and time.
      const atNewTime = { ...args, date: args.newDate, time: args.newTime };
      const moved = await this.finder.find(salon, call, atNewTime, now);
      if (moved.ok) found = moved;
    }
    if (!found.ok) return found;
    let candidates = found.value;
    if (candidates.length === 0 && (args.date || args.time)) {
      // A retried move no longer finds the old time; the appointment may already sit at the new one.
      const all = await this.finder.find(
        salon,
        call,
        { ...args, date: undefined, time: undefined },
        now,
      );
      if (all.ok) candidates = all.value;
    }
    const one = whichOne(candidates, 'reschedule');
    if (!one.ok) return one;
    const service = serviceOfAppointment(salon, one.value);
    if (!service) return err({ kind: 'refused', reason: 'SERVICE_WITHDRAWN' });
    return ok({ target: one.value, service });
  }

  /** Writes the move in one transaction; false when its time was taken meanwhile. */
  private async save(
    salon: BranchContext,
    call: CallContext,
    target: Appointment,
    moved: Appointment,
    now: Date,
  ): Promise<boolean> {
    const scope = { companyId: salon.companyId };
    const details = {
      from: target.start.toISOString(),
      to: moved.start.toISOString(),
      previousPhases: target.phases.map((p) => ({ id: p.id, uid: p.calcomBookingUid ?? null })),
    };
    try {
      await this.uow.run(async (tx) => {
        await lockAsRead(tx, scope, target);
        if (call.callId) await tx.holds.releaseForCall(scope, call.callId, now);
        const saved = await tx.appointments.save(scope, moved, now);
        if (!saved.ok) throw new SlotLost(saved.error);
        await tx.outbox.record(scope, target.id, 'reschedule');
        const audit = callerAudit(salon, call, 'appointment.rescheduled', target.id, details, now);
        await tx.audit.record(audit);
      });
      return true;
    } catch (error) {
      if (!(error instanceof SlotLost)) throw error;
      return false;
    }
  }
}
