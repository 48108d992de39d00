import type { TenantScope } from './appointment.repository.port';
import type { CalendarCredentialRef } from './calendar-gateway.port';

/** Reads which external calendar (account, event types) mirrors a tenant's stylists. */
export const CALENDAR_MAPPING_REPOSITORY = Symbol('CalendarMappingRepository');

/** Where one appointment's phases are booked. */
export interface CalendarTarget {
  readonly credentialRef: CalendarCredentialRef;
  /** IANA zone of the appointment's branch (the attendee's zone in the booking). */
  readonly timeZone: string;
  /** Event type for the whole service (used for phases without their own). */
  readonly serviceEventTypeId?: number;
  /** Event type per segment sequence of a composite service. */
  readonly segmentEventTypeIds: ReadonlyMap<number, number>;
  /**
   * Phases (by sequence) of a visit booked under another service's event type, since their own
   * service has none: the service each really belongs to (see visit-calendar-target.ts).
   */
  readonly bookedFor?: ReadonlyMap<number, string>;
  /**
   * Phases (by sequence) of a visit shared by stylists booked under another stylist's calendar
   * account than `credentialRef` (each stylist's mapping names its own).
   */
  readonly phaseCredentialRefs?: ReadonlyMap<number, CalendarCredentialRef>;
}

export function eventTypeForPhase(target: CalendarTarget, sequence: number): number | undefined {
  return target.segmentEventTypeIds.get(sequence) ?? target.serviceEventTypeId;
}

/** The calendar account a phase is booked in. */
export function credentialForPhase(
  target: CalendarTarget,
  sequence: number,
): CalendarCredentialRef {
  return target.phaseCredentialRefs?.get(sequence) ?? target.credentialRef;
}

/** A stylist as the external calendar knows them (one of their event types). */
export interface MappedStylist {
  readonly companyId: string;
  readonly branchId: string;
  readonly staffId: string;
  readonly credentialRef: CalendarCredentialRef;
}

/** A tenant's calendar account and the event types mapped in it. */
export interface TenantCalendar {
  readonly companyId: string;
  readonly credentialRef: CalendarCredentialRef;
  readonly eventTypeIds: readonly number[];
}

export interface CalendarMappingRepository {
  /** Null when the tenant has no calendar account or this stylist/service is not mapped. */
  targetFor(
    scope: TenantScope,
    appointment: { serviceId: string; staffId: string; branchId: string | undefined },
  ): Promise<CalendarTarget | null>;
  /**
   * The stylist behind an event type (webhooks), or null when it is not ours. With `within`,
   * only those tenants' mappings count: a webhook signed by one tenant never reaches another's.
   */
  stylistForEventType(
    eventTypeId: number,
    within?: readonly string[],
  ): Promise<MappedStylist | null>;
  /** Every tenant with a calendar account and at least one mapping (reconciliation). */
  tenantCalendars(): Promise<TenantCalendar[]>;
}
