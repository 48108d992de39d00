import { fromZonedTime } from 'date-fns-tz';
import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { DomainError } from '../shared/domain-error';
import { Result } from '../shared/result';
import { Appointment } from './appointment';
import { AppointmentStatus } from './appointment-status';
import { SyncState } from './sync-state';

const at = (time: string): Date => fromZonedTime(`2026-06-15T${time}:00`, 'Europe/Berlin');
const perm = Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [
  busy(30),
  free(40),
  busy(20),
  free(10),
  busy(25),
]);
const cut = Service.simple({ id: 'cut', name: 'Schnitt', bufferAfterMinutes: 10 }, 30);
const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const create = (service = perm, source: 'voice' | 'admin' | 'calendar' = 'voice') =>
  Appointment.create({
    service,
    staffId: 'anna',
    customerId: 'c1',
    start: at('10:00'),
    source,
    callId: 'call_abc',
    idempotencyKey: 'k1',
    newId: counter(),
  });
const hm = (d: Date) => d.toISOString().slice(11, 16);
const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
};

describe('Appointment.create', () => {
  it('lays a perm out in sequence with exact instants', () => {
    const a = create();
    expect(a.id).toBe('id-1');
    expect(
      a.phases.map((p) => [p.id, p.sequence, hm(p.start), hm(p.end), p.staffBusy, p.syncState]),
    ).toEqual([
      ['id-2', 1, '08:00', '08:30', true, 'pending'],
      ['id-3', 2, '08:30', '09:10', false, 'not_required'],
      ['id-4', 3, '09:10', '09:30', true, 'pending'],
      ['id-5', 4, '09:30', '09:40', false, 'not_required'],
      ['id-6', 5, '09:40', '10:05', true, 'pending'],
    ]);
    expect([hm(a.start), hm(a.end), hm(a.blockedUntil)]).toEqual(['08:00', '10:05', '10:05']);
    expect(a.busyIntervals().map((r) => `${hm(r.start)}-${hm(r.end)}`)).toEqual([
      '08:00-08:30',
      '09:10-09:30',
      '09:40-10:05',
    ]);
    expect(a).toMatchObject({
      status: 'scheduled',
      source: 'voice',
      callId: 'call_abc',
      idempotencyKey: 'k1',
      syncState: 'pending',
      syncAttempts: 0,
      serviceId: 'perm',
      staffId: 'anna',
      customerId: 'c1',
    });
  });

  it('blocks a simple service for its whole span plus the buffer, which is no calendar booking', () => {
    const a = create(cut);
    expect(
      a.phases.map((p) => [
        hm(p.start),
        hm(p.end),
        p.isBuffer,
        p.needsCalendarBooking,
        p.syncState,
      ]),
    ).toEqual([
      ['08:00', '08:30', false, true, 'pending'],
      ['08:30', '08:40', true, false, 'not_required'],
    ]);
    expect(hm(a.end)).toBe('08:30');
    expect(hm(a.blockedUntil)).toBe('08:40');
    expect(a.busyIntervals().map((r) => r.minutes)).toEqual([30, 10]);
  });

  it('needs no calendar sync for bookings that came from the calendar', () => {
    const a = create(perm, 'calendar');
    expect(a.syncState).toBe('not_required');
    expect(a.phases.every((p) => p.syncState === 'not_required')).toBe(true);
  });

  it('draws random ids when none are given', () => {
    const a = Appointment.create({
      service: cut,
      staffId: 's',
      customerId: 'c',
      start: at('10:00'),
      source: 'admin',
    });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('round-trips through a snapshot', () => {
    const a = value(create().recordPhaseBooking('id-2', { bookingId: '77', bookingUid: 'u77' }));
    const restored = Appointment.restore(a.toSnapshot());
    expect(restored.toSnapshot()).toEqual(a.toSnapshot());
    expect(restored.phases[0]).toMatchObject({
      calcomBookingId: '77',
      calcomBookingUid: 'u77',
      syncState: 'synced',
    });
  });
});

describe('Appointment status verbs', () => {
  const verbs: Record<string, (a: Appointment) => Result<Appointment, DomainError>> = {
    cancel: (a) => a.cancel(),
    complete: (a) => a.complete(),
    markNoShow: (a) => a.markNoShow(),
    reschedule: (a) => a.reschedule(at('14:00'), perm, counter()),
  };
  const inStatus = (status: AppointmentStatus): Appointment =>
    Appointment.restore({ ...create().toSnapshot(), status });
  const legal: Record<string, AppointmentStatus> = {
    cancel: 'cancelled',
    complete: 'completed',
    markNoShow: 'no_show',
    reschedule: 'scheduled',
  };

  it.each(
    (['scheduled', 'cancelled', 'completed', 'no_show'] as const).flatMap((s) =>
      Object.keys(verbs).map((v) => [s, v] as const),
    ),
  )('%s → %s', (status, verb) => {
    const r = verbs[verb](inStatus(status));
    if (status === 'scheduled') {
      expect(value(r).status).toBe(legal[verb]);
    } else {
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION' },
      });
    }
  });

  it('a cancellation asks the calendar to follow, unless it came from there', () => {
    const synced = value(
      value(create().recordPhaseBooking('id-2', { bookingId: '1', bookingUid: 'u' })).markSynced(),
    );
    const cancelled = value(synced.cancel());
    expect([cancelled.status, cancelled.syncState, cancelled.phases[0].syncState]).toEqual([
      'cancelled',
      'pending',
      'pending',
    ]);
    expect(cancelled.phases[1].syncState).toBe('not_required');
    expect(cancelled.busyIntervals()).toEqual([]);
    const fromCalendar = value(synced.cancel({ propagate: false }));
    expect(fromCalendar.syncState).toBe('synced');
  });

  it('a cancellation gives up the idempotency key, so the same wish can be booked anew', () => {
    expect(create().idempotencyKey).toBe('k1');
    expect(value(create().cancel()).idempotencyKey).toBeUndefined();
    expect(value(create().cancel({ propagate: false })).idempotencyKey).toBeUndefined();
  });

  it('a move gives up the idempotency key: the old start booked again is a new appointment', () => {
    expect(
      value(create().reschedule(at('14:00'), perm, () => 'new')).idempotencyKey,
    ).toBeUndefined();
  });

  it('reschedule moves every phase and sends sync back to pending', () => {
    const synced = value(create().markSynced());
    const moved = value(synced.reschedule(at('14:00'), perm, () => 'new'));
    expect(moved.id).toBe(synced.id);
    expect([hm(moved.start), hm(moved.end), moved.syncState, moved.syncAttempts]).toEqual([
      '12:00',
      '14:05',
      'pending',
      0,
    ]);
    expect(moved.phases.map((p) => hm(p.start))).toEqual([
      '12:00',
      '12:30',
      '13:10',
      '13:30',
      '13:40',
    ]);
    expect(synced.phases[0].start).toEqual(at('10:00')); // the old object is untouched
  });

  it('after a staff move keeps its times under new phase ids, not booked yet', () => {
    const a = create();
    const booked = value(
      value(a.recordPhaseBooking('id-2', { bookingId: '7', bookingUid: 'u7' })).markSynced(),
    );
    let n = 0;
    const moved = value(booked.afterStaffMove(() => `fresh-${++n}`));
    expect(moved.phases.map((p) => p.id)).toEqual([
      'fresh-1',
      'fresh-2',
      'fresh-3',
      'fresh-4',
      'fresh-5',
    ]);
    expect(moved.phases.map((p) => p.start)).toEqual(booked.phases.map((p) => p.start));
    expect([moved.start, moved.end]).toEqual([booked.start, booked.end]);
    expect(moved.phases[0].calcomBookingUid).toBeUndefined();
    expect(moved.phases.map((p) => p.syncState)).toEqual(
      booked.phases.map((p) => (p.syncState === 'not_required' ? 'not_required' : 'pending')),
    );
    expect(moved.syncState).toBe('pending');
    const cancelled = value(booked.cancel());
    expect(cancelled.afterStaffMove()).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION' },
    });
  });

  it('shifted by the calendar: layout kept, the moved phase keeps its id, the others are renewed', () => {
    const booked = value(
      value(create().recordPhaseBooking('id-4', { bookingId: '7', bookingUid: 'u7' })).markSynced(),
    );
    let n = 0;
    const moved = value(booked.shiftedBy(90 * 60_000, 'id-4', () => `fresh-${++n}`));
    expect(moved.phases.map((p) => p.id)).toEqual([
      'fresh-1',
      'fresh-2',
      'id-4',
      'fresh-3',
      'fresh-4',
    ]);
    expect(moved.phases.map((p) => hm(p.start))).toEqual(
      booked.phases.map((p) => hm(new Date(p.start.getTime() + 90 * 60_000))),
    );
    expect(moved.phases.map((p) => hm(p.end))).toEqual(
      booked.phases.map((p) => hm(new Date(p.end.getTime() + 90 * 60_000))),
    );
    expect([hm(moved.start), hm(moved.end), moved.staffId]).toEqual(['09:30', '11:35', 'anna']);
    expect(moved.phases[2].calcomBookingUid).toBeUndefined();
    expect(moved.phases.map((p) => p.syncState)).toEqual([
      'pending',
      'not_required',
      'pending',
      'not_required',
      'pending',
    ]);
    expect(moved.syncState).toBe('pending');
    expect(booked.shiftedBy(60_000, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT.PHASE_NOT_FOUND' },
    });
    expect(value(booked.cancel()).shiftedBy(60_000, 'id-4')).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION' },
    });
  });

  it('shifted by nothing (a new booking at the same time) keeps every phase and its booking', () => {
    const booked = value(
      value(create().recordPhaseBooking('id-2', { bookingId: '7', bookingUid: 'u7' })).markSynced(),
    );
    const same = value(booked.shiftedBy(0, 'id-4', () => 'fresh'));
    expect(same.phases.map((p) => p.id)).toEqual(booked.phases.map((p) => p.id));
    expect(same.phases.map((p) => p.start)).toEqual(booked.phases.map((p) => p.start));
    expect(same.phases[0].calcomBookingUid).toBe('u7');
  });

  it('reschedule keeps the service', () => {
    expect(create().reschedule(at('14:00'), cut)).toMatchObject({
      ok: false,
      error: {
        code: 'APPOINTMENT.SERVICE_MISMATCH',
        expectedServiceId: 'perm',
        givenServiceId: 'cut',
      },
    });
  });
});

describe('Appointment calendar sync', () => {
  it('counts attempts and keeps the last error through a failed round', () => {
    const a = create();
    const failed = value(a.markSyncFailed('timeout'));
    expect([failed.syncState, failed.syncAttempts, failed.lastSyncError]).toEqual([
      'failed',
      1,
      'timeout',
    ]);
    const retry = value(failed.requestSync());
    expect([retry.syncState, retry.syncAttempts, retry.lastSyncError]).toEqual([
      'pending',
      1,
      'timeout',
    ]);
    const review = value(value(retry.markSyncFailed('HTTP 400')).markForManualReview());
    expect([review.syncState, review.syncAttempts, review.lastSyncError]).toEqual([
      'manual_review',
      2,
      'HTTP 400',
    ]);
    const resolved = value(review.markSynced());
    expect([resolved.syncState, resolved.lastSyncError]).toEqual(['synced', undefined]);
    const again = value(resolved.requestSync());
    expect([again.syncState, again.syncAttempts]).toEqual(['pending', 0]);
  });

  it.each<[SyncState, string]>([
    ['synced', 'markSyncFailed'],
    ['not_required', 'markSynced'],
    ['synced', 'markForManualReview'],
  ])('refuses %s → %s', (state, verb) => {
    const a = Appointment.restore({ ...create().toSnapshot(), syncState: state });
    const r =
      verb === 'markSyncFailed'
        ? a.markSyncFailed('x')
        : verb === 'markSynced'
          ? a.markSynced()
          : a.markForManualReview('x');
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT.ILLEGAL_SYNC_TRANSITION', from: state },
    });
  });

  it('tracks each phase’s own calendar booking and state', () => {
    const a = create();
    const failed = value(a.markPhaseSyncFailed('id-4'));
    expect(failed.phases[2].syncState).toBe('failed');
    const review = value(failed.markPhaseForManualReview('id-4'));
    expect(review.phases[2].syncState).toBe('manual_review');
    expect(a.recordPhaseBooking('nope', { bookingId: '1', bookingUid: 'u' })).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT.PHASE_NOT_FOUND', phaseId: 'nope' },
    });
    expect(a.markPhaseSyncFailed('id-3')).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT.ILLEGAL_SYNC_TRANSITION', from: 'not_required', event: 'fail' },
    });
  });

  it('refuses a stored phase whose end is not after its start', () => {
    const snap = create().toSnapshot();
    const broken = { ...snap, phases: [{ ...snap.phases[0], end: snap.phases[0].start }] };
    expect(() => Appointment.restore(broken)).toThrow(RangeError);
  });
});

describe('Appointment.standsAs', () => {
  it('holds for the appointment as it was read, and not once it was moved or cancelled', () => {
    const read = create();
    const copy = Appointment.restore(read.toSnapshot());
    expect(copy.standsAs(read)).toBe(true);
    // The sync's bookkeeping is not a change a phone function must notice.
    expect(value(read.markSyncFailed('timeout')).standsAs(read)).toBe(true);
    expect(value(read.reschedule(at('12:00'), perm)).standsAs(read)).toBe(false);
    // Moved back to the same start: fresh phases, so still a change.
    expect(value(read.reschedule(at('10:00'), perm)).standsAs(read)).toBe(false);
    expect(value(read.cancel()).standsAs(read)).toBe(false);
  });
});
