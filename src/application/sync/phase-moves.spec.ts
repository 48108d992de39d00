import { Appointment } from '../../domain/appointment/appointment';
import { Service } from '../../domain/salon/service';
import { busy, free } from '../../domain/salon/service-segment';
import type { LedgerEntry } from '../ports/calendar-booking-ledger.port';
import type { CalendarTarget } from '../ports/calendar-mapping.port';
import { inMovingOrder, planMoves } from './phase-moves';

const perm = Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [
  busy(30),
  free(40),
  busy(20),
  free(10),
  busy(25),
]);
const target: CalendarTarget = {
  credentialRef: 'cred',
  timeZone: 'Europe/Berlin',
  // Phases count from 1: the working steps are phases 1, 3 and 5.
  segmentEventTypeIds: new Map([
    [1, 1],
    [3, 2],
    [5, 3],
  ]),
};
const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00Z`);

function bookedAt(start: string): { a: Appointment; entries: LedgerEntry[] } {
  const a = Appointment.create({
    service: perm,
    staffId: 'anna',
    customerId: 'c',
    start: at(start),
    source: 'voice',
  });
  const entries = a.calendarPhases.map((p, i): LedgerEntry => ({
    companyId: 'co',
    appointmentId: a.id,
    phaseId: p.id,
    credentialRef: 'cred',
    eventTypeId: i + 1,
    bookingId: i,
    bookingUid: `u${i}`,
    start: p.start,
    end: p.end,
    state: 'live',
  }));
  return { a, entries };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

describe('planMoves', () => {
  it('pairs each old step’s booking with the new step of its event type and length', () => {
    const { a, entries } = bookedAt('09:00');
    const moved = must(a.reschedule(at('13:00'), perm));
    const moves = planMoves(moved.calendarPhases, target, entries, new Set());
    expect(moves.map((m) => [m.from.bookingUid, m.phase.sequence, m.eventTypeId])).toEqual([
      ['u0', 1, 1],
      ['u1', 3, 2],
      ['u2', 5, 3],
    ]);
  });

  it('moves nothing onto a phase already booked, into another account or event type, or to the same time', () => {
    const { a, entries } = bookedAt('09:00');
    const moved = must(a.reschedule(at('13:00'), perm));
    const booked = new Set([moved.calendarPhases[0].id]);
    const elsewhere = { ...target, credentialRef: 'other' };
    expect(planMoves(moved.calendarPhases, target, entries, booked)).toHaveLength(2);
    expect(planMoves(moved.calendarPhases, elsewhere, entries, new Set())).toEqual([]);
    const renumbered = { ...target, segmentEventTypeIds: new Map([[1, 9]]) };
    expect(planMoves(moved.calendarPhases, renumbered, entries, new Set())).toEqual([]);
    const sameTimes = must(a.reschedule(at('09:00'), perm));
    expect(planMoves(sameTimes.calendarPhases, target, entries, new Set())).toEqual([]);
  });
});

describe('inMovingOrder', () => {
  it('moves the latest step first when the appointment moves later, the earliest when earlier', () => {
    const { a, entries } = bookedAt('09:00');
    const later = planMoves(
      must(a.reschedule(at('09:30'), perm)).calendarPhases,
      target,
      entries,
      new Set(),
    );
    expect(inMovingOrder(later).map((m) => m.phase.sequence)).toEqual([5, 3, 1]);
    const earlier = planMoves(
      must(a.reschedule(at('08:30'), perm)).calendarPhases,
      target,
      entries,
      new Set(),
    );
    expect(inMovingOrder(earlier).map((m) => m.phase.sequence)).toEqual([1, 3, 5]);
  });
});
