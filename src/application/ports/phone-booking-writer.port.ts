import { Appointment } from '../../domain/appointment/appointment';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { Customer } from '../../domain/salon/customer';
import { Result } from '../../domain/shared/result';
import { TenantScope } from './appointment.repository.port';
import { AuditEntry } from './audit-log.port';

export const PHONE_BOOKING_WRITER = Symbol('PhoneBookingWriter');

/** Everything one phone booking writes. */
export interface PhoneBooking {
  readonly appointment: Appointment;
  /** The customer it belongs to. A known one is only given an e-mail it did not have. */
  readonly customer: Customer;
  readonly customerIsNew: boolean;
  /** The call whose holds the booking consumes. */
  readonly callId?: string;
  readonly audit: AuditEntry;
}

/** A twin request already booked under the same idempotency key. */
export const ALREADY_BOOKED = 'ALREADY_BOOKED' as const;

/**
 * Writes a phone booking as one transaction: the call's holds released, the customer, the
 * appointment with its phases and busy time, its sync outbox entry and its audit line, or
 * nothing at all. Time taken meanwhile is refused as SlotTaken naming what is in the way.
 */
export interface PhoneBookingWriter {
  write(
    scope: TenantScope,
    booking: PhoneBooking,
    now: Date,
  ): Promise<Result<void, SlotTaken | typeof ALREADY_BOOKED>>;
}
