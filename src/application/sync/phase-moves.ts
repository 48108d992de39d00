import type { AppointmentPhase } from '../../domain/appointment/appointment-phase';
import type { LedgerEntry } from '../ports/calendar-booking-ledger.port';
import { eventTypeForPhase, type CalendarTarget } from '../ports/calendar-mapping.port';

/** A booking of the appointment that has to leave its time, and the phase it moves to. */
export interface PlannedMove {
  readonly from: LedgerEntry;
  readonly phase: AppointmentPhase;
  readonly eventTypeId: number;
}

const lengthOf = (x: { start: Date; end: Date }) => x.end.getTime() - x.start.getTime();

/**
 * Which bookings of a moved appointment the calendar can move instead of cancelling them and
 * creating new ones (a customer then hears of one move, and the time never looks free in
 * between). A booking can move onto a phase that has none yet when both sit in the same account
 * and event type (same stylist, same step) and last as long: the calendar's reschedule keeps the
 * event type and takes no length. Bookings whose phase is gone or now starts elsewhere are the
 * candidates, in order of time, so a composite appointment's steps pair up step by step.
 * Anything left unpaired (another stylist, another length) is cancelled and created as before.
 */
export function planMoves(
  phases: readonly AppointmentPhase[],
  target: CalendarTarget,
  leaving: readonly LedgerEntry[],
  booked: ReadonlySet<string>,
): PlannedMove[] {
  const byStart = <T extends { start: Date }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => a.start.getTime() - b.start.getTime());
  const free = byStart(leaving.filter((e) => e.credentialRef === target.credentialRef));
  const moves: PlannedMove[] = [];
  for (const phase of byStart(phases.filter((p) => !booked.has(p.id)))) {
    const eventTypeId = eventTypeForPhase(target, phase.sequence);
    if (eventTypeId === undefined) continue;
    const i = free.findIndex(
      (e) =>
        e.eventTypeId === eventTypeId &&
        lengthOf(e) === lengthOf(phase) &&
        e.start.getTime() !== phase.start.getTime(),
    );
    if (i < 0) continue;
    moves.push({ from: free[i], phase, eventTypeId });
    free.splice(i, 1);
  }
  return moves;
}

/**
 * The moves in an order in which none lands on a booking of the same appointment that has yet
 * to move (the calendar refuses a time its host is busy in): the latest first when the
 * appointment moves later, the earliest first when it moves earlier. Its steps keep their
 * layout, so each lands only where steps already moved away from.
 */
export function inMovingOrder(moves: readonly PlannedMove[]): PlannedMove[] {
  const offset = moves.reduce(
    (sum, m) => sum + m.phase.start.getTime() - m.from.start.getTime(),
    0,
  );
  const later = offset > 0;
  return [...moves].sort((a, b) =>
    later
      ? b.from.start.getTime() - a.from.start.getTime()
      : a.from.start.getTime() - b.from.start.getTime(),
  );
}
