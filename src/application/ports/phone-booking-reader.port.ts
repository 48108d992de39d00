import { Hold } from '../../domain/appointment/hold';
import { Customer } from '../../domain/salon/customer';
import { TenantScope } from './appointment.repository.port';

export const PHONE_BOOKING_READER = Symbol('PhoneBookingReader');

export interface PhoneBookingQuery {
  readonly idempotencyKey: string;
  /** The call whose holds count; null reads none. */
  readonly callId: string | null;
  /** The caller's number (E.164). */
  readonly callerPhone: string;
  readonly now: Date;
}

/** What a phone booking needs to know before it decides anything. */
export interface PhoneBookingFacts {
  /** The appointment an earlier delivery of the same request booked, if one did. */
  readonly earlierAppointmentId: string | null;
  /** This call's holds that still hold. */
  readonly heldByCall: readonly Hold[];
  /** The company's customers on the caller's number, oldest first. */
  readonly customersWithNumber: readonly Customer[];
}

/**
 * Reads a phone booking's facts at once (one round trip where three separate reads took three:
 * a booking is the call's busiest moment).
 */
export interface PhoneBookingReader {
  facts(scope: TenantScope, query: PhoneBookingQuery): Promise<PhoneBookingFacts>;
}
