import type { CalendarBookingLedger, LedgerEntry } from '../ports/calendar-booking-ledger.port';
import type { CalendarMappingRepository, MappedStylist } from '../ports/calendar-mapping.port';
import { signedFor, type CalendarEvent, type CalendarEventSigner } from './calendar-event';
import { vouchedMetadata } from './vouched-metadata';

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
 * not ours, not the signing tenant's, or when we had cancelled or moved that booking ourselves
 * (the event is our echo).
 */
export async function findOurMovedBooking(
  ledger: CalendarBookingLedger,
  mappings: CalendarMappingRepository,
  event: CalendarEvent,
  signer: CalendarEventSigner,
): Promise<OurMovedBooking | null> {
  const previous = event.previousUid ? await ledger.findByUid(event.previousUid) : null;
  if (previous) {
    if (!signedFor(signer, previous.companyId)) return null;
    // We cancelled or replaced that booking ourselves: the event is our echo.
    if (previous.state !== 'live') return null;
    const stylist =
      event.eventTypeId === undefined
        ? null
        : await mappings.stylistForEventType(event.eventTypeId, [previous.companyId]);
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
  const ids = await vouchedMetadata(mappings, event, signer);
  if (!ids) return null;
  const entries = await ledger.forAppointment(ids.companyId, ids.appointmentId);
  const ofPhase = entries.filter((e) => e.phaseId === ids.phaseId);
  const current = ofPhase.find((e) => e.state === 'live') ?? null;
  // Every booking we made for that phase is one we cancelled or moved ourselves: a booking
  // moved by our own reschedule carries the old one's metadata, so this is our echo.
  if (!current && ofPhase.length > 0) return null;
  return {
    companyId: ids.companyId,
    appointmentId: ids.appointmentId,
    phaseId: ids.phaseId,
    previous: current,
    credentialRef: current?.credentialRef ?? ids.stylist.credentialRef,
    eventTypeId: ids.eventTypeId,
    stylist: ids.stylist,
  };
}
