import type { CalendarBookingLedger, LedgerEntry } from '../ports/calendar-booking-ledger.port';
import type {
  CalendarCredentialRef,
  CalendarGateway,
  ListedBooking,
  CalendarChangeReason,
} from '../ports/calendar-gateway.port';
import { BookingCanceller } from './booking-canceller';

/** A booking of ours as the external calendar lists it, with the account it lives in. */
export interface OursInCalendar {
  readonly credentialRef: CalendarCredentialRef;
  readonly booking: ListedBooking;
  readonly appointmentId: string;
  readonly phaseId: string;
}

export interface ListedCancelOutcome {
  /** The ledger knew the booking before (false: a create whose ledger write never happened). */
  readonly inLedger: boolean;
  readonly failed: string[];
}

/**
 * Cancels a booking reconciliation found in a listing. One the ledger never heard of is recorded
 * first, so a cancel that fails stays visible in the ledger as `cancelling`.
 */
export class ListedBookingCanceller {
  private readonly canceller: BookingCanceller;

  constructor(
    calendar: CalendarGateway,
    private readonly ledger: CalendarBookingLedger,
  ) {
    this.canceller = new BookingCanceller(calendar, ledger);
  }

  async cancel(
    companyId: string,
    found: OursInCalendar,
    reason: CalendarChangeReason,
  ): Promise<ListedCancelOutcome> {
    const known = await this.ledger.findByUid(found.booking.uid);
    const entry: LedgerEntry = known ?? ledgerEntryFor(companyId, found);
    if (!known) await this.ledger.recordLive(entry);
    const failures = await this.canceller.cancel([entry], reason);
    return { inLedger: known !== null, failed: failures.map((f) => f.reason) };
  }
}

/** The ledger row a listed booking of ours gets when the ledger never recorded it. */
export function ledgerEntryFor(companyId: string, found: OursInCalendar): LedgerEntry {
  return {
    companyId,
    appointmentId: found.appointmentId,
    phaseId: found.phaseId,
    credentialRef: found.credentialRef,
    eventTypeId: found.booking.eventTypeId ?? 0,
    bookingId: found.booking.externalId,
    bookingUid: found.booking.uid,
    start: found.booking.start,
    end: found.booking.end,
    state: 'live',
  };
}
