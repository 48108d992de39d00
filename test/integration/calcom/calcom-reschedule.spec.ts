import nock from 'nock';
import type { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import type {
  CalendarBookingLedger,
  LedgerEntry,
  LedgerState,
} from '../../../src/application/ports/calendar-booking-ledger.port';
import { PhaseMover, type PhaseMoveRequest } from '../../../src/application/sync/phase-mover';
import { DEFAULT_SYNC_SETTINGS } from '../../../src/application/sync/sync-settings';
import { Appointment } from '../../../src/domain/appointment/appointment';
import {
  CalendarBadRequest,
  CalendarConflict,
  CalendarServerError,
  CalendarTimeout,
} from '../../../src/domain/calendar/calendar.errors';
import { Service } from '../../../src/domain/salon/service';
import {
  CALCOM,
  bookingOutput,
  calcomError,
  fixedClock,
  makeGateway,
  success,
  watchUnmatched,
} from './calcom.fixtures';

const REF = 'cred-salon-a';
const OLD = 'bK3wYt8QmZpL2vN1';
const NEW = 'nW4xZu9RnAqM3wO2';
const clock = fixedClock('2026-09-10T07:00:00Z');

/** The old booking (08:00, moved to 09:00 on the 15th) and its successor, as Cal.com shows them. */
const oldBooking = (status: string, rescheduledToUid?: string) =>
  bookingOutput({ uid: OLD, status, ...(rescheduledToUid ? { rescheduledToUid } : {}) });
const newBooking = () =>
  bookingOutput({
    id: 987655,
    uid: NEW,
    start: '2026-09-15T09:00:00.000Z',
    end: '2026-09-15T09:30:00.000Z',
    rescheduledFromUid: OLD,
  });

/** A move of the old booking onto a 30-minute phase at 09:00 on the 15th, over `gateway`. */
function moverOn(gateway: CalcomCalendarGateway) {
  const states = new Map<string, LedgerState>([[OLD, 'live']]);
  const recorded: string[] = [];
  const ledger = {
    recordLive: async (e: Omit<LedgerEntry, 'state'>) => {
      recorded.push(e.bookingUid);
      states.set(e.bookingUid, 'live');
    },
    mark: async (uid: string, state: LedgerState) => void states.set(uid, state),
  } as unknown as CalendarBookingLedger;
  const mover = new PhaseMover(
    gateway,
    ledger,
    { ...DEFAULT_SYNC_SETTINGS, verifyDelayMs: 1 },
    async () => undefined,
    clock,
  );
  const appointment = Appointment.create({
    service: Service.simple({ id: 'cut', name: 'Damenhaarschnitt' }, 30),
    staffId: 'alex',
    customerId: 'dana',
    start: new Date('2026-09-15T09:00:00Z'),
    source: 'voice',
  });
  const request: PhaseMoveRequest = {
    companyId: 'company-a',
    appointmentId: appointment.id,
    eventTypeId: 123456,
    phase: appointment.phases[0],
    from: {
      companyId: 'company-a',
      appointmentId: appointment.id,
      phaseId: 'phase-1',
      credentialRef: REF,
      eventTypeId: 123456,
      bookingId: 987654,
      bookingUid: OLD,
      start: new Date('2026-09-14T08:00:00Z'),
      end: new Date('2026-09-14T08:30:00Z'),
      state: 'live',
    },
  };
  return { mover, request, states, recorded };
}

describe('Cal.com reschedule (nock on api.cal.com)', () => {
  let gateway: CalcomCalendarGateway;
  let watch: ReturnType<typeof watchUnmatched>;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
  });
  beforeEach(() => {
    watch = watchUnmatched();
    gateway = makeGateway({ timeouts: { slotsMs: 5_000, bookingsMs: 5_000 } }, { clock });
  });
  afterEach(() => {
    gateway.close();
    watch.stop();
    expect(watch.unmatched).toEqual([]);
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it('sends the new start and the reason (RescheduleBookingInput_2024_08_13) and reads both pointers', async () => {
    let body: unknown;
    nock(CALCOM)
      .post(`/v2/bookings/${OLD}/reschedule`)
      .matchHeader('cal-api-version', '2024-08-13')
      .reply(201, (_uri, b) => {
        body = b;
        return success(newBooking());
      })
      .get(`/v2/bookings/${OLD}`)
      .reply(200, success(oldBooking('cancelled', NEW)));

    const moved = await gateway.rescheduleBooking({
      credentialRef: REF,
      uid: OLD,
      newStart: new Date('2026-09-15T09:00:00Z'),
      reason: 'moved',
    });
    const old = await gateway.getBooking({ credentialRef: REF, uid: OLD });

    expect(body).toEqual({
      start: '2026-09-15T09:00:00.000Z',
      reschedulingReason: 'Termin verschoben',
    });
    expect([moved.uid, moved.rescheduledFromUid]).toEqual([NEW, OLD]);
    expect([old?.status, old?.rescheduledToUid]).toEqual(['cancelled', NEW]);
  });

  it.each([
    [400, 'User either already has booking at this time or is not available', CalendarConflict],
    [
      400,
      `Can't reschedule booking with uid=${OLD} because it has been cancelled.`,
      CalendarBadRequest,
    ],
    [500, 'Internal server error', CalendarServerError],
  ])('maps %i "%s" to its calendar error', async (status, message, type) => {
    nock(CALCOM).post(`/v2/bookings/${OLD}/reschedule`).reply(status, calcomError(message));
    const error = await gateway
      .rescheduleBooking({
        credentialRef: REF,
        uid: OLD,
        newStart: new Date('2026-09-15T09:00:00Z'),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
  });

  it('a reschedule that answered 500 but happened: found through the old booking, not sent again', async () => {
    const t = moverOn(gateway);
    nock(CALCOM)
      .post(`/v2/bookings/${OLD}/reschedule`)
      .once()
      .reply(500, calcomError('Internal server error', 'InternalServerErrorException'))
      .get(`/v2/bookings/${OLD}`)
      .reply(200, success(oldBooking('cancelled', NEW)))
      .get(`/v2/bookings/${NEW}`)
      .reply(200, success(newBooking()));

    const result = await t.mover.move(t.request);

    expect(result).toMatchObject({ kind: 'booked', how: 'verified_after_error' });
    expect(t.recorded).toEqual([NEW]);
    expect(t.states.get(OLD)).toBe('cancelled');
    expect(nock.isDone()).toBe(true);
  });

  it('a reschedule that timed out and did not happen: failed, to be tried again, nothing sent twice', async () => {
    const impatient = makeGateway({ timeouts: { slotsMs: 50, bookingsMs: 50 } }, { clock });
    const t = moverOn(impatient);
    nock(CALCOM)
      .post(`/v2/bookings/${OLD}/reschedule`)
      .delay(2000)
      .reply(201, success(newBooking()))
      .get(`/v2/bookings/${OLD}`)
      .reply(200, success(oldBooking('accepted')));

    const result = await t.mover.move(t.request);
    impatient.close();

    expect(result).toMatchObject({ kind: 'failed', retryable: true });
    expect(result.kind === 'failed' && result.reason).toContain(new CalendarTimeout().code);
    // Still marked: the next attempt asks Cal.com first, and the echo of a late move is ours.
    expect(t.states.get(OLD)).toBe('cancelling');
    expect(t.recorded).toEqual([]);
  });
});
