import { TimeRange } from '../shared/time-range';
import { Service } from './service';

/** Who does one service of a visit shared by several stylists. */
export interface ServiceStylist {
  readonly serviceId: string;
  readonly staffId: string;
}

/** One stylist's busy step of a visit at a concrete start. */
export interface StylistStep {
  readonly staffId: string;
  readonly range: TimeRange;
}

/**
 * The stylist of `serviceId` in a visit: the assigned one, else `fallback` (the appointment's
 * stylist, for a visit done by one stylist and for rows written before visits were shared).
 */
export function stylistFor(
  assignment: readonly ServiceStylist[] | undefined,
  serviceId: string | undefined,
  fallback: string,
): string {
  return assignment?.find((a) => a.serviceId === serviceId)?.staffId ?? fallback;
}

/** The busy steps of `service` at `start` (buffer included), each with the stylist it blocks. */
export function busyStepsByStylist(
  service: Service,
  start: Date,
  staffId: string,
  assignment?: readonly ServiceStylist[],
): StylistStep[] {
  return service
    .layoutAt(start)
    .filter((p) => p.staffBusy)
    .map((p) => ({ staffId: stylistFor(assignment, p.serviceId, staffId), range: p.range }));
}

/** More than one stylist works on the visit. */
export function isShared(assignment: readonly ServiceStylist[] | undefined): boolean {
  return new Set(assignment?.map((a) => a.staffId) ?? []).size > 1;
}
