import { PhoneBookingFacts } from '../../../../application/ports/phone-booking-reader.port';
import { ALREADY_BOOKED } from '../../../../application/ports/phone-booking-writer.port';
import { Hold } from '../../../../domain/appointment/hold';
import { SlotTaken } from '../../../../domain/availability/availability.errors';
import { BusyKind } from '../../../../domain/availability/busy-interval';
import { err, ok, Result } from '../../../../domain/shared/result';
import { TimeRange } from '../../../../domain/shared/time-range';
import { CustomerRow, customerFromRow } from './typeorm-customer.rows';

/** A live hold as phone_booking_facts() reads it (timestamps as JSON strings). */
export interface LiveHoldRow {
  readonly id: string;
  readonly call_id: string;
  readonly staff_id: string;
  readonly service_id: string;
  readonly starts_at: Date | string;
  readonly expires_at: Date | string;
  /** `st`: the stylist the step blocks (a shared visit's steps block several). */
  readonly busy: Array<{ s: string; e: string; st?: string }> | null;
  readonly assignment?: ReadonlyArray<{ serviceId: string; staffId: string }> | null;
}

/** phone_booking_facts(): the idempotency probe, the call's live holds, the number's customers. */
export interface PhoneBookingFactsRow {
  earlier_appointment: string | null;
  call_holds: LiveHoldRow[];
  number_customers: CustomerRow[];
}

/** `book_by_phone(…) AS refusal`: null when booked, 'duplicate', or the kind in the way. */
export interface BookingRefusalRow {
  refusal: string | null;
}

const holdFromRow = (r: LiveHoldRow): Hold =>
  Hold.restore({
    ...(r.assignment
      ? {
          assignment: r.assignment.map((a) => ({ serviceId: a.serviceId, staffId: a.staffId })),
          busyStaffIds: (r.busy ?? []).map((x) => x.st ?? r.staff_id),
        }
      : {}),
    id: r.id,
    callId: r.call_id,
    staffId: r.staff_id,
    serviceId: r.service_id,
    start: new Date(r.starts_at),
    expiresAt: new Date(r.expires_at),
    busy: (r.busy ?? []).map((x) => TimeRange.of(new Date(x.s), new Date(x.e))),
  });

export const toPhoneBookingFacts = (row: PhoneBookingFactsRow): PhoneBookingFacts => ({
  earlierAppointmentId: row.earlier_appointment,
  heldByCall: row.call_holds.map(holdFromRow),
  customersWithNumber: row.number_customers.map(customerFromRow),
});

export function toBookingResult(
  row: BookingRefusalRow,
): Result<void, SlotTaken | typeof ALREADY_BOOKED> {
  if (row.refusal === null) return ok(undefined);
  if (row.refusal === 'duplicate') return err(ALREADY_BOOKED);
  return err(new SlotTaken(row.refusal as BusyKind));
}
