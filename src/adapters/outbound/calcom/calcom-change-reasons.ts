import type { CalendarChangeReason } from '../../../application/ports/calendar-gateway.port';

/** How a cancel or move reads for the booking's attendees in Cal.com (the salon is German). */
export const CALCOM_CHANGE_REASONS: Record<CalendarChangeReason, string> = {
  moved: 'Termin verschoben',
  cancelled: 'Termin storniert',
  incomplete: 'Termin konnte nicht vollständig eingetragen werden',
  gone: 'Termin existiert nicht mehr',
  'not-in-salon': 'Kein Termin mehr im Salon',
  duplicate: 'Doppelter Eintrag',
};
