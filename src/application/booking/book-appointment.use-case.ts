import { Inject, Injectable } from '@nestjs/common';
import { Appointment } from '../../domain/appointment/appointment';
import { Customer } from '../../domain/salon/customer';
import { SlotTaken } from '../../domain/availability/availability.errors';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../ports/appointment.repository.port';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { PHONE_METRICS, PhoneMetrics } from '../ports/phone-metrics.port';
import {
  ALREADY_BOOKED,
  PHONE_BOOKING_WRITER,
  PhoneBookingWriter,
} from '../ports/phone-booking-writer.port';
import {
  PHONE_BOOKING_READER,
  PhoneBookingFacts,
  PhoneBookingReader,
} from '../ports/phone-booking-reader.port';
import { ConsentAnswer, readConsentAnswer } from '../../domain/salon/consent-answer';
import { CONSENT_REGISTER, ConsentRegister } from '../ports/consent-register.port';
import { BookingRefused, BookingRequest, readBookingRequest } from './booking-request';
import { callerAudit } from './booking-transaction';
import { CalendarVerdict } from './calendar-check';
import { ConfirmedStart } from './calendar-confirmed-availability';
import { CallContext } from './call-context';
import { customerForBooking } from './customer-for-booking';
import { PhoneFunctionArgs } from './phone-functions';
import { SlotBookingService, SlotBookingSteps } from './slot-booking.service';
import { SlotInquiry } from './slot-inquiry';
import { SlotTakenMeanwhile, SlotUnavailable } from './slot-outcomes';
import { WishRefusal } from './wish-refusal';

export type { BookingRefused } from './booking-request';

/** The appointment is written (or was, by an earlier delivery of the same request). */
export interface Booked {
  readonly kind: 'booked';
  readonly appointment: Appointment;
  /** An earlier or parallel delivery of the same request booked it. */
  readonly repeated: boolean;
  readonly verdicts: readonly CalendarVerdict[];
  /** The callback number the caller said aloud (E.164), to be read back once. */
  readonly callbackNumber?: string;
  /**
   * The caller's yes or no to being recognised by their number, as recorded with this call;
   * undefined when none was said or it could not count (a number only said aloud).
   */
  readonly consent?: ConsentAnswer;
}

export type BookAppointmentOutcome =
  WishRefusal | BookingRefused | Booked | SlotUnavailable | SlotTakenMeanwhile;

/**
 * Books in one transaction (customer, appointment with phases, this call's hold consumed, sync
 * outbox entry) and answers without waiting for Cal.com. Retell retries a failed call: the
 * idempotency key (call, service, start, stylist, name) makes a retry return the same booking.
 * The booking itself never waits for Cal.com (the sync writes it there). Its slots are asked
 * only when this call holds no hold on the start: then check_availability did not vouch for it
 * (the caller insists on a time it called taken, or the agent skipped the check), and a time
 * the stylist blocked in Cal.com must not be booked. Refusals offer alternatives checked
 * against Cal.com like check_availability's.
 */
@Injectable()
export class BookAppointmentUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PHONE_BOOKING_WRITER) private readonly bookings: PhoneBookingWriter,
    @Inject(PHONE_BOOKING_READER) private readonly reader: PhoneBookingReader,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    private readonly slots: SlotBookingService,
    @Inject(PHONE_METRICS) private readonly metrics: PhoneMetrics,
    @Inject(CONSENT_REGISTER) private readonly consents: ConsentRegister,
  ) {}

  async execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<BookAppointmentOutcome> {
    const outcome = await this.book(salon, call, args);
    this.metrics.booking(
      outcome.kind === 'booked'
        ? outcome.repeated
          ? 'repeated'
          : 'booked'
        : isTaken(outcome)
          ? 'taken'
          : 'refused',
    );
    return outcome;
  }

  private async book(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<BookAppointmentOutcome> {
    const now = this.clock.now();
    const request = readBookingRequest(salon, call, args, now);
    if (!request.ok) return request.error;
    const outcome = await this.bookRequest(salon, call, request.value, now);
    if (outcome.kind !== 'booked') return outcome;
    const consent = await this.recordConsent(salon, call, args, request.value, outcome, now);
    return {
      ...outcome,
      ...(request.value.phoneSpoken ? { callbackNumber: request.value.phone } : {}),
      ...(consent ? { consent } : {}),
    };
  }

  /**
   * The caller's yes or no to recognition by caller ID, recorded with the call and time for the
   * booking's customer. Only for the number the network showed: a number said aloud proves
   * nothing about whose phone it is. A retried delivery records nothing twice.
   */
  private async recordConsent(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
    wish: BookingRequest,
    booked: Booked,
    now: Date,
  ): Promise<ConsentAnswer | undefined> {
    const answer = readConsentAnswer(args.consent);
    if (!answer || wish.phoneSpoken) return undefined;
    if (booked.repeated) return answer;
    try {
      await this.consents.record({ companyId: salon.companyId }, [booked.appointment.customerId], {
        given: answer === 'given',
        source: 'booking',
        callId: call.callId,
        at: now,
      });
      return answer;
    } catch {
      // The appointment is booked: the caller hears that. Consent not written is consent not
      // given, the safe side; the agent sees no recognition_consent and may ask again.
      return undefined;
    }
  }

  private async bookRequest(
    salon: BranchContext,
    call: CallContext,
    wish: BookingRequest,
    now: Date,
  ): Promise<BookAppointmentOutcome> {
    const scope = { companyId: salon.companyId };
    const facts = await this.reader.facts(scope, {
      idempotencyKey: wish.idempotencyKey,
      callId: call.callId,
      callerPhone: wish.phone,
      now,
    });
    if (facts.earlierAppointmentId) {
      const earlier = await this.repeated(
        this.appointments.findById(scope, facts.earlierAppointmentId),
      );
      if (earlier) return earlier;
    }
    const question = {
      salon,
      service: wish.service,
      start: wish.start,
      now,
      stylist: wish.stylist,
      onlyPreferred: wish.onlyStylist,
      askingCallId: call.callId,
    };
    const booking = await this.slots.book(question, this.steps(call, wish, facts, question));
    switch (booking.kind) {
      case 'booked':
        return { ...booking, repeated: false };
      case 'not-free': {
        // A twin delivery of this request may have booked the time since the probe above.
        const twin = booking.why instanceof SlotTaken ? await this.twin(salon, wish) : null;
        return twin ?? booking.inquiry.refusal(booking.why, booking.verdicts);
      }
      case 'write-refused': {
        // A parallel delivery of the same request won the idempotency key, or booked the very
        // time this one wanted (then the refusal names the time, not the key).
        const twin = await this.twin(salon, wish);
        if (twin) return twin;
        if (booking.refusal === ALREADY_BOOKED) {
          throw new Error('the idempotency key is taken but its booking is not found');
        }
        return booking.inquiry.lostMeanwhile();
      }
    }
  }

  /**
   * A phone booking's own steps: a start this call holds is judged by the salon's rules alone,
   * for the stylist the hold names; the customer is the known one on the caller's number with
   * that name, or a new one; customer, appointment, hold and audit line go in one write.
   */
  private steps(
    call: CallContext,
    wish: BookingRequest,
    facts: PhoneBookingFacts,
    { salon, now }: { salon: BranchContext; now: Date },
  ): SlotBookingSteps<SlotTaken | typeof ALREADY_BOOKED> {
    // Decided once the start is free, as the booking is made.
    let decided: { customer: Customer; isNew: boolean } | undefined;
    const customer = () => {
      if (decided) return decided;
      const found = customerForBooking(
        facts.customersWithNumber,
        wish.phone,
        wish.name,
        wish.email,
        !wish.phoneSpoken,
      );
      if (!found.ok) throw new Error(found.error);
      return (decided = found.value);
    };
    return {
      judge: (inquiry) => judgeWithHold(inquiry, wish, facts),
      appointmentFor: (free) =>
        Appointment.create({
          service: wish.service,
          staffId: free.staffId,
          assignment: free.assignment,
          customerId: customer().customer.id,
          start: wish.start,
          source: 'voice',
          branchId: salon.branch.id,
          callId: call.callId ?? undefined,
          idempotencyKey: wish.idempotencyKey,
        }),
      write: (booked) =>
        this.bookings.write(
          { companyId: salon.companyId },
          {
            appointment: booked,
            customer: customer().customer,
            customerIsNew: customer().isNew,
            callId: call.callId ?? undefined,
            audit: callerAudit(salon, call, 'appointment.booked', booked.id, auditOf(booked), now),
          },
          now,
        ),
    };
  }

  /** The booking a twin delivery of the same request made, if one did. */
  private twin(salon: BranchContext, wish: BookingRequest): Promise<Booked | null> {
    const scope = { companyId: salon.companyId };
    return this.repeated(this.appointments.findByIdempotencyKey(scope, wish.idempotencyKey));
  }

  /** The booking of an earlier (or parallel) delivery of the same request, if it booked. */
  private async repeated(lookup: Promise<Appointment | null>): Promise<Booked | null> {
    const earlier = await lookup;
    return earlier && { kind: 'booked', appointment: earlier, repeated: true, verdicts: [] };
  }
}

/** Lost to another booking: the wish was taken, when checked or at the write. */
const isTaken = (o: BookAppointmentOutcome): boolean =>
  o.kind === 'taken-meanwhile' || (o.kind === 'unavailable' && o.why instanceof SlotTaken);

/** What the audit line says of a booking: ids and times only (a shared visit: who does what). */
const auditOf = (a: Appointment) => ({
  start: a.start.toISOString(),
  staffId: a.staffId,
  serviceId: a.serviceId,
  ...(a.assignment ? { stylists: a.assignment } : {}),
});

/**
 * Whether the wish is free. A start this call holds is judged by the salon's rules alone, for
 * the stylist the hold names; any other is asked of the local calendar and Cal.com.
 */
function judgeWithHold(
  inquiry: SlotInquiry,
  wish: BookingRequest,
  facts: PhoneBookingFacts,
): ConfirmedStart | Promise<ConfirmedStart> {
  const { salon } = inquiry.question;
  const { service, start, stylist } = wish;
  // This call's hold names the stylist it was offered (a shared visit's: who does what, as the
  // caller heard it); other calls' holds block.
  const held = facts.heldByCall.find(
    (h) =>
      h.serviceId === service.id &&
      h.start.getTime() === start.getTime() &&
      (!stylist || h.busySteps().some((s) => s.staffId === stylist.id)) &&
      h.holdsExactly(service, start),
  );
  if (held?.assignment) return inquiry.judgeHeldShared(held.assignment);
  const holdStylist = held?.staffId;
  const chosen = holdStylist ? salon.staff.find((s) => s.id === holdStylist) : stylist;
  return chosen && holdStylist ? inquiry.judgeHeld(chosen) : inquiry.judge(chosen);
}
