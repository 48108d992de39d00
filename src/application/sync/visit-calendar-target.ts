import { Appointment } from '../../domain/appointment/appointment';
import { AppointmentPhase } from '../../domain/appointment/appointment-phase';
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
 * mirror books each working step as today, under the right event type. None mapped: null.
 *
 * A service of the visit without a mapping of its own would leave its working steps out of
 * Cal.com, which then shows the stylist free in the middle of the visit and lets a booking made
 * there directly land on her. So those steps borrow the event type of the nearest working step
 * of the same stylist that has one (the earlier on a tie), and the target names their real
 * service (`bookedFor`), which the booking's metadata carries.
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
  const bookedFor = new Map<number, string>();
  const working = appointment.calendarPhases;
  const lenders = working.filter((p) => byPhase.has(p.sequence));
  for (const phase of working.filter((p) => !byPhase.has(p.sequence))) {
    const lender = nearest(
      phase,
      lenders.filter((p) => appointment.stylistOf(p) === appointment.stylistOf(phase)),
    );
    if (!lender) continue;
    byPhase.set(phase.sequence, byPhase.get(lender.sequence)!);
    bookedFor.set(phase.sequence, appointment.serviceOf(phase));
  }
  return {
    credentialRef: first.credentialRef,
    timeZone: first.timeZone,
    segmentEventTypeIds: byPhase,
    ...(bookedFor.size > 0 ? { bookedFor } : {}),
  };
}

/** The step closest in the visit's order to `phase`, the earlier on a tie; none: undefined. */
function nearest(
  phase: AppointmentPhase,
  candidates: readonly AppointmentPhase[],
): AppointmentPhase | undefined {
  let best: AppointmentPhase | undefined;
  for (const c of candidates) {
    const distance = Math.abs(c.sequence - phase.sequence);
    if (!best || distance < Math.abs(best.sequence - phase.sequence)) best = c;
  }
  return best;
}
