import type { CalendarBookingLedger, LedgerEntry } from '../ports/calendar-booking-ledger.port';
import type { CalendarMappingRepository, MappedStylist } from '../ports/calendar-mapping.port';
import type { CalendarEvent } from './calendar-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which booking of ours the calendar moved, resolved against the ledger. */
export interface OurMovedBooking {
  readonly companyId: string;
  readonly appointmentId: string;
  readonly phaseId: string;
  /** The ledger line of the booking as it was before the move, when we know it. */
  readonly previous: LedgerEntry | null;
  readonly credentialRef: string;
  readonly eventTypeId: number;
  /** The stylist behind the booking's event type now, when it is one of the tenant's. */
  readonly stylist: MappedStylist | null;
}

/**
 * The booking of ours a BOOKING_RESCHEDULED moved: by the ledger line of the uid it replaced, or
 * by the ids in its metadata when the tenant's own event type vouches for them. Null when it is
 * not ours, or when we had cancelled that booking ourselves (the event is our echo).
 */
export async function findOurMovedBooking(
  ledger: CalendarBookingLedger,
  mappings: CalendarMappingRepository,
  event: CalendarEvent,
): Promise<OurMovedBooking | null> {
  const previous = event.previousUid ? await ledger.findByUid(event.previousUid) : null;
  // We cancelled or replaced that booking ourselves: the event is our echo.
  if (previous && previous.state !== 'live') return null;
  const stylist =
    event.eventTypeId === undefined ? null : await mappings.stylistForEventType(event.eventTypeId);
  if (previous) {
    return {
      companyId: previous.companyId,
      appointmentId: previous.appointmentId,
      phaseId: previous.phaseId,
      previous,
      credentialRef: previous.credentialRef,
      eventTypeId: event.eventTypeId ?? previous.eventTypeId,
      stylist: stylist?.companyId === previous.companyId ? stylist : null,
    };
  }
  const {
    company_id: companyId,
    appointment_id: appointmentId,
    phase_id: phaseId,
  } = event.metadata;
  if (![companyId, appointmentId, phaseId].every((id) => id !== undefined && UUID.test(id))) {
    return null;
  }
  // Without a ledger line, only the tenant's own event type vouches for the ids in the metadata.
  if (!stylist || stylist.companyId !== companyId || event.eventTypeId === undefined) return null;
  const entries = await ledger.forAppointment(companyId, appointmentId);
  const current = entries.find((e) => e.phaseId === phaseId && e.state === 'live') ?? null;
  return {
    companyId,
    appointmentId,
    phaseId,
    previous: current,
    credentialRef: current?.credentialRef ?? stylist.credentialRef,
    eventTypeId: event.eventTypeId,
    stylist,
  };
}
