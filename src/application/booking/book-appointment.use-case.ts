import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CountryCode } from 'libphonenumber-js/max';
import { Appointment } from '../../domain/appointment/appointment';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { isPlausibleEmail } from '../../domain/shared/contact-formats';
import { serviceKey } from '../../domain/salon/service-name-matcher';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../ports/appointment.repository.port';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { PHONE_METRICS, PhoneMetrics } from '../ports/phone-metrics.port';
import { SYNC_KICKER, SyncKicker } from '../ports/sync-queue.port';
import {
  ALREADY_BOOKED,
  PHONE_BOOKING_WRITER,
  PhoneBookingWriter,
} from '../ports/phone-booking-writer.port';
import { PHONE_BOOKING_READER, PhoneBookingReader } from '../ports/phone-booking-reader.port';
import { AvailabilityReader, WishAvailability } from './availability.reader';
import { callerAudit } from './booking-transaction';
import { CalendarVerdict } from './calendar-check';
import { confirmedAlternatives, confirmStart } from './calendar-confirmed-availability';
import { CallContext } from './call-context';
import { customerForBooking } from './customer-for-booking';
import { LiveCalendarCheck } from './live-calendar-check';
import { PhoneFunctionArgs } from './phone-functions';
import { SlotTakenMeanwhile, SlotUnavailable } from './slot-outcomes';
import { SpokenRequestReader } from './spoken-request.reader';
import { WishRefusal } from './wish-refusal';

/** The appointment is written (or was, by an earlier delivery of the same request). */
export interface Booked {
  readonly kind: 'booked';
  readonly appointment: Appointment;
  /** An earlier or parallel delivery of the same request booked it. */
  readonly repeated: boolean;
  readonly verdicts: readonly CalendarVerdict[];
}

/** What the booking still lacks from the caller. */
export interface BookingRefused {
  readonly kind: 'refused';
  /** No name to book on; an e-mail that cannot be one; a withheld number (no callback). */
  readonly reason: 'NAME_MISSING' | 'EMAIL_INVALID' | 'PHONE_NEEDED';
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
    private readonly availability: AvailabilityReader,
    private readonly calendars: LiveCalendarCheck,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
    @Inject(PHONE_METRICS) private readonly metrics: PhoneMetrics,
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
    const scope = { companyId: salon.companyId };
    const wish = new SpokenRequestReader(salon).wish(args, now);
    if (!wish.ok) return wish.error;
    const { service, stylist, onlyStylist, start } = wish.value;
    const name = args.name?.trim();
    if (!name) return { kind: 'refused', reason: 'NAME_MISSING' };
    const email = args.email?.trim() || undefined;
    if (email && !isPlausibleEmail(email)) return { kind: 'refused', reason: 'EMAIL_INVALID' };
    const phone = normaliseCallerNumber(call.callerNumber, salon.country as CountryCode);
    if (!phone.ok) return { kind: 'refused', reason: 'PHONE_NEEDED' };

    const key = idempotencyKey(
      call.callId ?? `phone:${phone.value}`,
      service.id,
      start,
      stylist?.id,
      name,
    );
    const repeated = () => this.repeated(this.appointments.findByIdempotencyKey(scope, key));
    const facts = await this.reader.facts(scope, {
      idempotencyKey: key,
      callId: call.callId,
      callerPhone: phone.value,
      now,
    });
    if (facts.earlierAppointmentId) {
      const earlier = await this.repeated(
        this.appointments.findById(scope, facts.earlierAppointmentId),
      );
      if (earlier) return earlier;
    }

    // This call's hold names the stylist it was offered; other calls' holds block.
    const holdStylist = facts.heldByCall.find(
      (h) =>
        h.serviceId === service.id &&
        h.start.getTime() === start.getTime() &&
        (!stylist || h.staffId === stylist.id),
    )?.staffId;
    const options = { askingCallId: call.callId };
    const chosen = holdStylist ? salon.staff.find((s) => s.id === holdStylist) : stylist;
    const calendar = this.calendars.begin(salon, service);
    // Read once, when needed: a start this call holds is judged by the salon's rules alone (its
    // hold keeps others off that time, and check_availability asked Cal.com about it minutes
    // ago); alternatives need the window.
    let around: WishAvailability | undefined;
    const availability = async () =>
      (around ??= await this.availability.around(salon, service, now, start, options));
    const { result: free, verdicts } =
      chosen && holdStylist
        ? {
            result: this.availability.checkHeldStart(salon, service, now, start, chosen),
            verdicts: [],
          }
        : await confirmStart(await availability(), calendar, salon, service, start, chosen);
    if (!free.ok) {
      // A twin delivery of this request may have booked the time since the probe above.
      const twin = free.error instanceof SlotTaken ? await repeated() : null;
      if (twin) return twin;
      const nearest = await confirmedAlternatives(
        await availability(),
        calendar,
        start,
        stylist?.id,
        onlyStylist,
      );
      return {
        kind: 'unavailable',
        asked: start,
        stylist,
        why: free.error,
        alternatives: nearest.starts,
        verdicts: [...verdicts, ...nearest.verdicts],
      };
    }

    const customer = customerForBooking(facts.customersWithNumber, phone.value, name, email);
    if (!customer.ok) throw new Error(customer.error);
    const booked = Appointment.create({
      service: service,
      staffId: free.value.staffId,
      customerId: customer.value.customer.id,
      start: start,
      source: 'voice',
      branchId: salon.branch.id,
      callId: call.callId ?? undefined,
      idempotencyKey: key,
    });
    const written = await this.bookings.write(
      scope,
      {
        appointment: booked,
        customer: customer.value.customer,
        customerIsNew: customer.value.isNew,
        callId: call.callId ?? undefined,
        audit: callerAudit(
          salon,
          call,
          'appointment.booked',
          booked.id,
          {
            start: booked.start.toISOString(),
            staffId: booked.staffId,
            serviceId: booked.serviceId,
          },
          now,
        ),
      },
      now,
    );
    if (!written.ok) {
      const refusal = written.error;
      // A parallel delivery of the same request won the idempotency key, or booked the very
      // time this one wanted (then the refusal names the time, not the key).
      const twin = await repeated();
      if (twin) return twin;
      if (refusal === ALREADY_BOOKED) {
        throw new Error('the idempotency key is taken but its booking is not found');
      }
      const fresh = await this.availability.around(salon, service, now, start, options);
      const nearest = await confirmedAlternatives(fresh, calendar, start, stylist?.id, onlyStylist);
      return {
        kind: 'taken-meanwhile',
        asked: start,
        stylist,
        alternatives: nearest.starts,
        verdicts: nearest.verdicts,
      };
    }
    this.kicker.kick();
    return { kind: 'booked', appointment: booked, repeated: false, verdicts };
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

function idempotencyKey(
  caller: string,
  serviceId: string,
  start: Date,
  staffId: string | undefined,
  name: string,
): string {
  const digest = createHash('sha256')
    .update([serviceId, start.toISOString(), staffId ?? 'any', serviceKey(name)].join('|'))
    .digest('hex')
    .slice(0, 32);
  return `v1:${caller.slice(0, 140)}:${digest}`;
}
