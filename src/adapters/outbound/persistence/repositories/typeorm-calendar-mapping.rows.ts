import type {
  CalendarTarget,
  MappedStylist,
  TenantCalendar,
} from '../../../../application/ports/calendar-mapping.port';

/** One mapping of a stylist's service (or one of its segments), with the branch's zone. */
export interface TargetMappingRow {
  segment_sequence: number | null;
  event_type_id: string;
  credential_id: string;
  time_zone: string;
}

export interface MappedStylistRow {
  company_id: string;
  staff_id: string;
  branch_id: string;
  credential_id: string;
}

/** A tenant's account with the event types its mappings name, as text. */
export interface TenantCalendarRow {
  company_id: string;
  credential_id: string;
  ids: string[];
}

/** A credential's key, still encrypted. */
export interface CredentialKeyRow {
  api_key_encrypted: string;
  base_url: string | null;
}

/** A tenant's webhook secret, still encrypted. */
export interface WebhookSecretRow {
  c: string;
  s: string;
}

/**
 * The mappings of one stylist's service as one target (none: null). A mapping's
 * `segment_sequence` is the service segment's stored sequence (0-based); phases count from 1.
 */
export function toCalendarTarget(rows: readonly TargetMappingRow[]): CalendarTarget | null {
  if (rows.length === 0) return null;
  const segmentEventTypeIds = new Map<number, number>();
  let serviceEventTypeId: number | undefined;
  for (const r of rows) {
    if (r.segment_sequence === null) serviceEventTypeId = Number(r.event_type_id);
    else segmentEventTypeIds.set(r.segment_sequence + 1, Number(r.event_type_id));
  }
  return {
    credentialRef: rows[0].credential_id,
    timeZone: rows[0].time_zone,
    serviceEventTypeId,
    segmentEventTypeIds,
  };
}

export const toMappedStylist = (r: MappedStylistRow): MappedStylist => ({
  companyId: r.company_id,
  staffId: r.staff_id,
  branchId: r.branch_id,
  credentialRef: r.credential_id,
});

export const toTenantCalendar = (r: TenantCalendarRow): TenantCalendar => ({
  companyId: r.company_id,
  credentialRef: r.credential_id,
  eventTypeIds: r.ids.map(Number),
});
