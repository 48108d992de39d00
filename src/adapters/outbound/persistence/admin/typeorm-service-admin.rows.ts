import { ServiceView } from '../../../../application/admin/ports/service-admin.port';

/** `SELECT * FROM services` */
export interface ServiceRow {
  id: string;
  company_id: string;
  name: string;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  booking_horizon_days: number;
  active: boolean;
  description: string | null;
  price_min_cents: number | null;
  price_max_cents: number | null;
  during_processing?: boolean;
}

/** One step of a service, in sequence. */
export interface SegmentRow {
  service_id: string;
  label: string | null;
  duration_minutes: number;
  staff_busy: boolean;
}

export interface SynonymRow {
  service_id: string;
  synonym: string;
}

/** The service with its segments and synonyms (each list holding every service's). */
export function toServiceView(
  r: ServiceRow,
  segments: readonly SegmentRow[],
  synonyms: readonly SynonymRow[],
): ServiceView {
  return {
    id: r.id,
    companyId: r.company_id,
    name: r.name,
    synonyms: synonyms.filter((s) => s.service_id === r.id).map((s) => s.synonym),
    segments: segments
      .filter((s) => s.service_id === r.id)
      .map((s) => ({ label: s.label, minutes: s.duration_minutes, staffBusy: s.staff_busy })),
    bufferAfterMinutes: r.buffer_after_minutes,
    minNoticeMinutes: r.min_notice_minutes,
    bookingHorizonDays: r.booking_horizon_days,
    active: r.active,
    description: r.description,
    priceMinCents: r.price_min_cents,
    priceMaxCents: r.price_max_cents,
    duringProcessing: r.during_processing ?? false,
  };
}
