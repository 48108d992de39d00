import type { CalendarCredentialRef } from './calendar-gateway.port';

/**
 * Every booking we made in the external calendar, kept beyond the life of a phase row: a
 * reschedule replaces the phases (new ids), and the old phases' bookings must still be found to
 * be cancelled. It also holds a short per-appointment lease so two jobs never sync one
 * appointment at the same time.
 */
export const CALENDAR_BOOKING_LEDGER = Symbol('CalendarBookingLedger');

/** live: exists in the calendar; cancelling: must go (compensation, reschedule); cancelled: gone. */
export type LedgerState = 'live' | 'cancelling' | 'cancelled';

export interface LedgerEntry {
  readonly companyId: string;
  readonly appointmentId: string;
  readonly phaseId: string;
  readonly credentialRef: CalendarCredentialRef;
  readonly eventTypeId: number;
  readonly bookingId: number;
  readonly bookingUid: string;
  readonly start: Date;
  readonly end: Date;
  readonly state: LedgerState;
  readonly lastError?: string;
}

export interface CalendarBookingLedger {
  /** Stores a booking as live; recording the same uid again changes nothing. */
  recordLive(entry: Omit<LedgerEntry, 'state' | 'lastError'>): Promise<void>;
  forAppointment(companyId: string, appointmentId: string): Promise<LedgerEntry[]>;
  findByUid(bookingUid: string): Promise<LedgerEntry | null>;
  mark(bookingUid: string, state: LedgerState, lastError?: string): Promise<void>;
  /** Live or cancelling bookings of a tenant starting in [from, to) (reconciliation). */
  liveBetween(companyId: string, from: Date, to: Date): Promise<LedgerEntry[]>;
  /**
   * Notes, durably and before it is sent, that a create for this phase goes out. True the first
   * time: no create for the phase was ever sent, so nothing can be found by looking first.
   */
  firstCreate(phaseId: string): Promise<boolean>;
  /**
   * The first create noted for this phase was refused before the calendar booked anything (its
   * rate limit): the next create is a first create again and needs no look first.
   */
  withdrawFirstCreate(phaseId: string): Promise<void>;
  /** True when this holder now has the appointment for `ttlMs` (or already had it). */
  tryLease(appointmentId: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(appointmentId: string, holder: string): Promise<void>;
}
