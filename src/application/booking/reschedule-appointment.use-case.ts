import { Inject, Injectable } from '@nestjs/common';
import { toIsoDate, wallClockAt } from '../../domain/language';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { SYNC_KICKER, SyncKicker } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, UnitOfWork } from '../ports/unit-of-work.port';
import { AvailabilityReader } from './availability.reader';
import { withCalendarVerdicts } from './calendar-check';
import { confirmedAlternatives, confirmStart } from './calendar-confirmed-availability';
import { LiveCalendarCheck } from './live-calendar-check';
import { movedAnswer } from './appointment-answers';
import { slotLostAnswer, unavailableAnswer } from './booking-answers';
import { callerAudit, SlotLost } from './booking-transaction';
import { CallContext } from './call-context';
import { CallerAppointmentsFinder } from './caller-appointments.finder';
import { answer, FunctionAnswer } from './function-answer';
import { wishRefusalAnswer } from './language-answers';
import { PhoneFunctionArgs } from './phone-functions';
import { SpokenRequestReader } from './spoken-request.reader';
import { againIfChanged, lockAsRead } from './changed-meanwhile';
import { whichOne } from './which-one';

/**
 * Moves one appointment in one step: the new time is checked without the appointment itself,
 * and the database either moves every phase or none. The stylist stays the same.
 */
@Injectable()
export class RescheduleAppointmentUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    private readonly finder: CallerAppointmentsFinder,
    private readonly availability: AvailabilityReader,
    private readonly calendars: LiveCalendarCheck,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {}

  execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    return againIfChanged(() => this.attempt(salon, call, args));
  }

  private async attempt(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    const now = this.clock.now();
    if (!args.newDate?.trim() && !args.newTime?.trim()) {
      return answer(
        'APPOINTMENT.NEW_TIME_MISSING',
        'Auf welchen Tag und welche Uhrzeit möchten Sie den Termin verschieben?',
      );
    }
    const found = await this.finder.find(salon, call, args, now);
    if (!found.ok) return found.error;
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
    const one = whichOne(salon, candidates, 'verschieben');
    if (!one.ok) return one.error;
    const target = one.value;
    const service = salon.services.find((s) => s.id === target.serviceId);
    if (!service)
      return answer(
        'SERVICE.UNKNOWN',
        'Diese Leistung bieten wir nicht mehr an. Bitte sprechen Sie mit dem Salon.',
      );

    const zone = salon.branch.timeZone;
    const newDate = args.newDate?.trim() || toIsoDate(wallClockAt(target.start, zone).date);
    const start = new SpokenRequestReader(salon).start(newDate, args.newTime, now);
    if (!start.ok) return wishRefusalAnswer(start.error);
    if (target.start.getTime() === start.value.getTime()) return movedAnswer(salon, target);

    const stylist = salon.staff.find((s) => s.id === target.staffId);
    const options = { askingCallId: call.callId, excludeAppointmentId: target.id };
    const availability = await this.availability.around(salon, service, now, start.value, options);
    // The new time must be free in the stylist's Cal.com calendar too, where the appointment's
    // own bookings count as free (they move with it).
    const calendar = this.calendars.begin(salon, service, target.busyIntervals());
    const { result: free, verdicts } = await confirmStart(
      availability,
      calendar,
      salon,
      service,
      start.value,
      stylist,
    );
    if (!free.ok) {
      // A move keeps its stylist: only their starts can be taken up.
      const nearest = await confirmedAlternatives(
        availability,
        calendar,
        start.value,
        target.staffId,
        true,
      );
      return withCalendarVerdicts(
        unavailableAnswer(salon, nearest.starts, start.value, stylist, free.error),
        [...verdicts, ...nearest.verdicts],
      );
    }
    const moved = target.reschedule(start.value, service);
    if (!moved.ok)
      return answer(moved.error.code, 'Dieser Termin kann nicht mehr verschoben werden.');

    const scope = { companyId: salon.companyId };
    try {
      await this.uow.run(async (tx) => {
        await lockAsRead(tx, scope, target);
        if (call.callId) await tx.holds.releaseForCall(scope, call.callId, now);
        const saved = await tx.appointments.save(scope, moved.value, now);
        if (!saved.ok) throw new SlotLost(saved.error);
        await tx.outbox.record(scope, target.id, 'reschedule');
        await tx.audit.record(
          callerAudit(
            salon,
            call,
            'appointment.rescheduled',
            target.id,
            {
              from: target.start.toISOString(),
              to: start.value.toISOString(),
              previousPhases: target.phases.map((p) => ({
                id: p.id,
                uid: p.calcomBookingUid ?? null,
              })),
            },
            now,
          ),
        );
      });
    } catch (error) {
      if (!(error instanceof SlotLost)) throw error;
      const fresh = await this.availability.around(salon, service, now, start.value, options);
      return slotLostAnswer(
        salon,
        await fresh.alternatives(start.value, {
          preferredStaffId: target.staffId,
          onlyPreferred: true,
        }),
        error.taken.code,
        start.value,
        stylist,
      );
    }
    this.kicker.kick();
    return withCalendarVerdicts(movedAnswer(salon, moved.value), verdicts);
  }
}
