import type {
  BookingRef,
  CalendarGateway,
  CancelBookingCommand,
  ExternalBooking,
  RescheduleBookingCommand,
} from '../ports/calendar-gateway.port';
import type {
  CalendarBookingLedger,
  LedgerEntry,
  LedgerState,
} from '../ports/calendar-booking-ledger.port';
import { Appointment } from '../../domain/appointment/appointment';
import {
  CalendarBadRequest,
  CalendarConflict,
  CalendarRateLimited,
  CalendarServerError,
} from '../../domain/calendar/calendar.errors';
import { Service } from '../../domain/salon/service';
import { MOVING_NOTE, PhaseMover, type PhaseMoveRequest } from './phase-mover';
import { DEFAULT_SYNC_SETTINGS } from './sync-settings';

const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
const MINUTE = 60_000;

/** Bookings in memory that move as Cal.com moves them: new uid, old one cancelled, pointing on. */
class MemoryCalendar {
  readonly bookings = new Map<string, ExternalBooking>();
  /** The length a move gives (Cal.com: the event type's own), in minutes. */
  moveLength = 30;
  private n = 0;

  add(start: Date, minutes = 30): ExternalBooking {
    const b: ExternalBooking = {
      externalId: ++this.n,
      uid: `m-${this.n}`,
      start,
      end: new Date(start.getTime() + minutes * MINUTE),
      status: 'accepted',
      metadata: {},
    };
    this.bookings.set(b.uid, b);
    return b;
  }

  move(c: RescheduleBookingCommand): ExternalBooking {
    const old = this.bookings.get(c.uid)!;
    const next = { ...this.add(c.newStart, this.moveLength), rescheduledFromUid: old.uid };
    this.bookings.set(next.uid, next);
    this.bookings.set(old.uid, { ...old, status: 'cancelled', rescheduledToUid: next.uid });
    return next;
  }
}

function setUp(fail: (n: number, calendar: MemoryCalendar) => void = () => undefined) {
  const calendar = new MemoryCalendar();
  const calls: string[] = [];
  const gateway = {
    rescheduleBooking: async (c: RescheduleBookingCommand) => {
      calls.push(`move ${c.uid}`);
      fail(calls.filter((x) => x.startsWith('move')).length, calendar);
      return calendar.move(c);
    },
    getBooking: async (ref: BookingRef) => {
      calls.push(`get ${ref.uid}`);
      return calendar.bookings.get(ref.uid) ?? null;
    },
    cancelBooking: async (c: CancelBookingCommand) => {
      calls.push(`cancel ${c.uid}`);
      const b = calendar.bookings.get(c.uid)!;
      calendar.bookings.set(c.uid, { ...b, status: 'cancelled' });
      return b;
    },
  } as unknown as CalendarGateway;
  const states = new Map<string, { state: LedgerState; note?: string }>();
  const recorded: string[] = [];
  const ledger = {
    recordLive: async (e: Omit<LedgerEntry, 'state'>) => {
      recorded.push(e.bookingUid);
      states.set(e.bookingUid, { state: 'live' });
    },
    mark: async (uid: string, state: LedgerState, note?: string) =>
      void states.set(uid, { state, note: note ?? states.get(uid)?.note }),
  } as unknown as CalendarBookingLedger;
  const sleeps: number[] = [];
  const mover = new PhaseMover(
    gateway,
    ledger,
    { ...DEFAULT_SYNC_SETTINGS, verifyDelayMs: 2000 },
    async (ms) => void sleeps.push(ms),
    { now: () => new Date('2026-11-26T14:00:00Z') },
  );
  const appointment = Appointment.create({
    service: cut,
    staffId: 'anna',
    customerId: 'c1',
    start: new Date('2026-12-04T13:00:00Z'),
    source: 'voice',
    branchId: 'b1',
  });
  const request = (old: ExternalBooking, state: LedgerState = 'live'): PhaseMoveRequest => {
    states.set(old.uid, { state });
    return {
      companyId: 'co',
      appointmentId: appointment.id,
      eventTypeId: 1,
      phase: appointment.phases[0],
      from: {
        companyId: 'co',
        appointmentId: appointment.id,
        phaseId: 'old-phase',
        credentialRef: 'cred',
        eventTypeId: 1,
        bookingId: old.externalId,
        bookingUid: old.uid,
        start: old.start,
        end: old.end,
        state,
      },
    };
  };
  const old = calendar.add(new Date('2026-12-04T10:00:00Z'));
  const to = appointment.phases[0].start;
  return { mover, calendar, calls, states, recorded, sleeps, request, old, to };
}

describe('PhaseMover', () => {
  it('moves with one request, marks the old line before it goes out, records the new uid', async () => {
    const t = setUp();
    const result = await t.mover.move(t.request(t.old));
    expect(result).toMatchObject({ kind: 'booked', how: 'moved' });
    expect(t.calls).toEqual([`move ${t.old.uid}`]);
    expect(t.recorded).toEqual(['m-2']);
    expect(t.states.get(t.old.uid)).toEqual({ state: 'cancelled', note: 'moved to m-2' });
  });

  it.each([
    ['500', new CalendarServerError(500)],
    ['a conflict text', new CalendarConflict('400')],
  ])('answered %s although moved: found through the old booking, not sent again', async (_, e) => {
    const t = setUp((n, calendar) => {
      if (n > 1) return;
      calendar.move({ credentialRef: 'cred', uid: t.old.uid, newStart: t.to });
      throw e;
    });
    // The first move already happened when the answer failed: the booking moved to m-2.
    const result = await t.mover.move(t.request(t.old));
    expect(result).toMatchObject({ kind: 'booked', how: 'verified_after_error' });
    expect(t.sleeps).toEqual([2000]);
    expect(t.calls).toEqual([`move ${t.old.uid}`, `get ${t.old.uid}`, 'get m-2']);
  });

  it('a later attempt asks before it moves a booking whose move went out', async () => {
    const t = setUp();
    t.calendar.move({ credentialRef: 'cred', uid: t.old.uid, newStart: t.to });
    const found = await t.mover.move(t.request(t.old, 'cancelling'));
    expect(found.kind === 'booked' && found.how).toBe('found_moved');
    expect(t.calls.filter((c) => c.startsWith('move'))).toEqual([]);

    const still = t.calendar.add(new Date('2026-12-04T11:00:00Z'));
    const moved = await t.mover.move(t.request(still, 'cancelling'));
    expect(moved.kind === 'booked' && moved.how).toBe('moved');
    expect(t.calls.slice(-2)).toEqual([`get ${still.uid}`, `move ${still.uid}`]);
  });

  it('a refused time stays failed and retryable, the old booking in place', async () => {
    const t = setUp(() => {
      throw new CalendarConflict('400 not available');
    });
    const result = await t.mover.move(t.request(t.old));
    expect(result).toMatchObject({ kind: 'failed', retryable: true, waiting: false });
    expect(t.calendar.bookings.get(t.old.uid)!.status).toBe('accepted');
    expect(t.states.get(t.old.uid)).toEqual({ state: 'cancelling', note: MOVING_NOTE });
  });

  it('a 429 moved nothing: the old line is live again and the phase waits', async () => {
    const t = setUp(() => {
      throw new CalendarRateLimited(30, '429');
    });
    const result = await t.mover.move(t.request(t.old));
    expect(result).toMatchObject({ kind: 'failed', waiting: true, retryAfterMs: 30_000 });
    expect(t.states.get(t.old.uid)!.state).toBe('live');
    expect(t.sleeps).toEqual([]);
  });

  it('a move Cal.com refuses outright is done as cancel, then create', async () => {
    const t = setUp(() => {
      throw new CalendarBadRequest(400, 'cannot reschedule');
    });
    const result = await t.mover.move(t.request(t.old));
    expect(result.kind).toBe('create');
    expect(t.calls).toContain(`cancel ${t.old.uid}`);
  });

  it('a move that comes back at another length is undone and created; the next of its kind is not tried', async () => {
    const t = setUp();
    t.calendar.moveLength = 45;
    expect((await t.mover.move(t.request(t.old))).kind).toBe('create');
    expect(t.calls).toEqual([`move ${t.old.uid}`, 'cancel m-2']);

    const other = t.calendar.add(new Date('2026-12-04T11:00:00Z'));
    expect((await t.mover.move(t.request(other))).kind).toBe('create');
    expect(t.calls.slice(2)).toEqual([`cancel ${other.uid}`]);
  });

  it('a booking gone from the calendar is created instead', async () => {
    const t = setUp();
    t.calendar.bookings.delete(t.old.uid);
    const result = await t.mover.move(t.request(t.old, 'cancelling'));
    expect(result.kind).toBe('create');
    expect(t.states.get(t.old.uid)!.state).toBe('cancelled');
  });
});
