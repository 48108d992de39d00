import { Appointment } from '../appointment/appointment';
import { Hold } from '../appointment/hold';
import { Staff } from '../salon/staff';
import { TimeRange } from '../shared/time-range';

/** Why a stylist is not free: booked here, held by another call, busy in Cal.com, or away. */
export type BusyKind = 'appointment' | 'hold' | 'calendar' | 'absence';

export interface BusyInterval {
  readonly range: TimeRange;
  readonly kind: BusyKind;
}

/** Busy phases of appointments (whole span of simple ones); cancelled ones block nothing. */
export function busyOfAppointments(appointments: readonly Appointment[]): BusyInterval[] {
  return appointments.flatMap((a) =>
    a.busyIntervals().map((range) => ({ range, kind: 'appointment' as const })),
  );
}

/** Live holds of other calls; the asking call's own hold does not block it. */
export function busyOfHolds(
  holds: readonly Hold[],
  now: Date,
  askingCallId?: string,
): BusyInterval[] {
  return holds
    .filter((h) => h.isLive(now) && (askingCallId === undefined || !h.isHeldBy(askingCallId)))
    .flatMap((h) => h.busyIntervals().map((range) => ({ range, kind: 'hold' as const })));
}

export function busyOfCalendar(ranges: readonly TimeRange[]): BusyInterval[] {
  return ranges.map((range) => ({ range, kind: 'calendar' as const }));
}

export function busyOfAbsences(staff: Staff): BusyInterval[] {
  return staff.absences.map((range) => ({ range, kind: 'absence' as const }));
}
