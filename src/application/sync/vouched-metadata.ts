import type { CalendarMappingRepository, MappedStylist } from '../ports/calendar-mapping.port';
import { signedFor, type CalendarEvent, type CalendarEventSigner } from './calendar-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our ids as a booking's metadata carries them. */
export interface VouchedIds {
  readonly companyId: string;
  readonly appointmentId: string;
  readonly phaseId: string;
  /** The tenant's stylist behind the booking's event type. */
  readonly stylist: MappedStylist;
  readonly eventTypeId: number;
}

/**
 * The appointment and phase ids in an event's metadata, when they can be believed. Anyone who
 * books in the calendar can write metadata, so without a ledger line only the tenant's own
 * event type vouches for them, and only a signature of that tenant (or the operator's) counts.
 */
export async function vouchedMetadata(
  mappings: CalendarMappingRepository,
  event: CalendarEvent,
  signer: CalendarEventSigner,
): Promise<VouchedIds | null> {
  const {
    company_id: companyId,
    appointment_id: appointmentId,
    phase_id: phaseId,
  } = event.metadata;
  if (![companyId, appointmentId, phaseId].every((id) => id !== undefined && UUID.test(id))) {
    return null;
  }
  if (!signedFor(signer, companyId) || event.eventTypeId === undefined) return null;
  const stylist = await mappings.stylistForEventType(event.eventTypeId, [companyId]);
  if (!stylist || stylist.companyId !== companyId) return null;
  return { companyId, appointmentId, phaseId, stylist, eventTypeId: event.eventTypeId };
}
