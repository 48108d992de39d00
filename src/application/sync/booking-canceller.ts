import type { CalendarChangeReason, CalendarGateway } from '../ports/calendar-gateway.port';
import type { CalendarBookingLedger, LedgerEntry } from '../ports/calendar-booking-ledger.port';
import { CalendarNotFound } from '../../domain/calendar/calendar.errors';
import { waitOn, type CalendarTrouble } from './calendar-wait';
import { describe } from './phase-booker';

export interface CancelFailure extends CalendarTrouble {
  readonly entry: LedgerEntry;
}

/**
 * Cancels ledger bookings; one the calendar does not know (404) is gone already, which is fine.
 * Each is marked "cancelling" before the calendar is asked: the calendar's BOOKING_CANCELLED
 * webhook may arrive before its answer does, and must then read as our own echo, not as the
 * salon cancelling the appointment.
 */
export class BookingCanceller {
  constructor(
    private readonly calendar: CalendarGateway,
    private readonly ledger: CalendarBookingLedger,
  ) {}

  async cancel(
    entries: readonly LedgerEntry[],
    reason: CalendarChangeReason,
    slotScope?: { companyId: string; branchId: string; staffId?: string },
  ): Promise<CancelFailure[]> {
    const outcomes = await Promise.all(
      entries.map(async (entry): Promise<CancelFailure | null> => {
        if (entry.state === 'live') await this.ledger.mark(entry.bookingUid, 'cancelling');
        try {
          await this.calendar.cancelBooking({
            credentialRef: entry.credentialRef,
            uid: entry.bookingUid,
            reason,
            slotScope,
          });
        } catch (error) {
          if (!(error instanceof CalendarNotFound)) {
            const text = describe(error);
            await this.ledger.mark(entry.bookingUid, 'cancelling', text);
            return { entry, reason: `cancel ${entry.bookingUid}: ${text}`, ...waitOn(error) };
          }
        }
        await this.ledger.mark(entry.bookingUid, 'cancelled');
        return null;
      }),
    );
    return outcomes.filter((o): o is CancelFailure => o !== null);
  }
}
