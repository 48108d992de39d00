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
 * mapping for the stylist of that service (a shared visit's phases each name theirs), folded into one target whose event type per phase sequence is the
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
  const { branchId } = appointment;
  // One lookup per service and the stylist doing it.
  const lookups = new Map<string, Promise<CalendarTarget | null>>();
  const targetOf = (phase: AppointmentPhase): Promise<CalendarTarget | null> => {
    const serviceId = appointment.serviceOf(phase);
    const staffId = appointment.stylistOf(phase);
    const key = `${serviceId}|${staffId}`;
    if (!lookups.has(key)) {
      lookups.set(key, mappings.targetFor(scope, { serviceId, staffId, branchId }));
    }
    return lookups.get(key)!;
  };
  // The visit's first service first: its account is the target's own.
  const ordered = appointment.serviceIds.flatMap((id) =>
    appointment.phases.filter((p) => appointment.serviceOf(p) === id),
  );
  const owns = new Map<number, CalendarTarget | null>();
  for (const phase of ordered) owns.set(phase.sequence, await targetOf(phase));
  const first = ordered.map((p) => owns.get(p.sequence)).find((t): t is CalendarTarget => !!t);
  if (!first) return null;
  const byPhase = new Map<number, number>();
  const credentials = new Map<number, CalendarTarget['credentialRef']>();
  for (const phase of appointment.phases) {
    const own = owns.get(phase.sequence);
    const eventTypeId = own ? eventTypeForPhase(own, phase.serviceSequence) : undefined;
    if (eventTypeId !== undefined) byPhase.set(phase.sequence, eventTypeId);
    if (own && own.credentialRef !== first.credentialRef) {
      credentials.set(phase.sequence, own.credentialRef);
    }
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
    const lent = credentials.get(lender.sequence);
    if (lent) credentials.set(phase.sequence, lent);
  }
  return {
    credentialRef: first.credentialRef,
    timeZone: first.timeZone,
    segmentEventTypeIds: byPhase,
    ...(bookedFor.size > 0 ? { bookedFor } : {}),
    ...(credentials.size > 0 ? { phaseCredentialRefs: credentials } : {}),
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
