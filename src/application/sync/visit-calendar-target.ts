import { Appointment } from '../../domain/appointment/appointment';
import { TenantScope } from '../ports/appointment.repository.port';
import {
  CalendarMappingRepository,
  CalendarTarget,
  eventTypeForPhase,
} from '../ports/calendar-mapping.port';

/**
 * Where an appointment's phases are booked. One service: its mapping. A visit: each service's
 * mapping for the stylist, folded into one target whose event type per phase sequence is the
 * one mapped for that phase's own service at its place among that service's segments, so the
 * mirror books each working step as today, under the right event type. A service of the visit
 * without a mapping leaves its steps in the local calendar only; none mapped: null.
 */
export async function calendarTargetOf(
  mappings: CalendarMappingRepository,
  scope: TenantScope,
  appointment: Appointment,
): Promise<CalendarTarget | null> {
  if (!appointment.isVisit) return mappings.targetFor(scope, appointment);
  const { staffId, branchId } = appointment;
  const ids = appointment.serviceIds;
  const targets = await Promise.all(
    ids.map((serviceId) => mappings.targetFor(scope, { serviceId, staffId, branchId })),
  );
  const first = targets.find((t): t is CalendarTarget => t !== null);
  if (!first) return null;
  const byPhase = new Map<number, number>();
  for (const phase of appointment.phases) {
    const own = targets[ids.indexOf(appointment.serviceOf(phase))];
    const eventTypeId = own ? eventTypeForPhase(own, phase.serviceSequence) : undefined;
    if (eventTypeId !== undefined) byPhase.set(phase.sequence, eventTypeId);
  }
  return {
    credentialRef: first.credentialRef,
    timeZone: first.timeZone,
    segmentEventTypeIds: byPhase,
  };
}
