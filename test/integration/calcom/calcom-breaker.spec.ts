import nock from 'nock';
import {
  CalendarBadRequest,
  CalendarConflict,
  CalendarServerError,
  CalendarUnavailable,
} from '../../../src/domain/calendar/calendar.errors';
import type { CreateBookingCommand } from '../../../src/application/ports/calendar-gateway.port';
import type {
  CalcomBreakerEvent,
  CalcomCalendarGateway,
} from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import {
  CALCOM,
  bookingOutput,
  calcomError,
  connectionReset,
  makeGateway,
  success,
  watchUnmatched,
} from './calcom.fixtures';

const SALON_A = 'cred-salon-a';
const SALON_B = 'cred-salon-b';

const command = (credentialRef: string): CreateBookingCommand => ({
  credentialRef,
  eventTypeId: 123456,
  start: new Date('2026-09-14T08:00:00Z'),
  attendee: { name: 'Dana Schmidt', timeZone: 'Europe/Berlin', language: 'de' },
  metadata: { appointment_id: 'appt-1', phase_id: 'phase-1', company_id: 'company-a' },
});

/** Resolves the next time the breaker of `ref` emits `event`. */
function nextEvent(
  gateway: CalcomCalendarGateway,
  ref: string,
  event: CalcomBreakerEvent,
): Promise<void> {
  return new Promise((resolve) => {
    const off = gateway.onBreakerEvent(ref, event, () => {
      off();
      resolve();
    });
  });
}

describe('Cal.com breaker per credential', () => {
  let gateway: CalcomCalendarGateway;
  let watch: ReturnType<typeof watchUnmatched>;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
  });

  beforeEach(() => {
    watch = watchUnmatched();
    gateway = makeGateway({
      // The reset time must outlast a few nock round trips on a busy machine: the tests see the
      // breaker open before it half-opens.
      breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 1500 },
      timeouts: { slotsMs: 5000, bookingsMs: 5000 },
    });
  });

  afterEach(() => {
    gateway.close();
    watch.stop();
    expect(watch.unmatched).toEqual([]);
    nock.cleanAll();
  });

  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it('opens after repeated failures, fails fast, probes half-open and closes on success', async () => {
    const opened = nextEvent(gateway, SALON_A, 'open');
    const halfOpen = nextEvent(gateway, SALON_A, 'halfOpen');
    const closed = nextEvent(gateway, SALON_A, 'close');
    const failing = nock(CALCOM)
      .post('/v2/bookings')
      .times(3)
      .reply(500, calcomError('Internal server error', 'InternalServerErrorException'));

    for (let i = 0; i < 3; i++) {
      await expect(gateway.createBooking(command(SALON_A))).rejects.toBeInstanceOf(
        CalendarServerError,
      );
    }
    await opened;
    expect(failing.isDone()).toBe(true);
    expect(gateway.breakerState(SALON_A)).toBe('open');

    // While open: no request leaves the process.
    const probe = nock(CALCOM).post('/v2/bookings').reply(201, success(bookingOutput()));
    const error = await gateway.createBooking(command(SALON_A)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarUnavailable);
    expect(error).toMatchObject({
      code: 'CALENDAR.UNAVAILABLE',
      message: 'The circuit breaker for the calendar account is open.',
    });
    expect(probe.isDone()).toBe(false);

    await halfOpen;
    expect(gateway.breakerState(SALON_A)).toBe('half_open');

    const booking = await gateway.createBooking(command(SALON_A));
    await closed;
    expect(booking.uid).toBe('bK3wYt8QmZpL2vN1');
    expect(probe.isDone()).toBe(true);
    expect(gateway.breakerState(SALON_A)).toBe('closed');
  });

  it('opens again when the half-open probe fails', async () => {
    const opened = nextEvent(gateway, SALON_A, 'open');
    const halfOpen = nextEvent(gateway, SALON_A, 'halfOpen');
    nock(CALCOM).post('/v2/bookings').times(4).reply(503, 'Service Unavailable');

    for (let i = 0; i < 3; i++) {
      await expect(gateway.createBooking(command(SALON_A))).rejects.toBeInstanceOf(
        CalendarServerError,
      );
    }
    await opened;
    await halfOpen;
    const reopened = nextEvent(gateway, SALON_A, 'open');
    await expect(gateway.createBooking(command(SALON_A))).rejects.toBeInstanceOf(
      CalendarServerError,
    );
    await reopened;
    expect(gateway.breakerState(SALON_A)).toBe('open');
  });

  it("one salon's open breaker leaves another salon's calls alone", async () => {
    nock(CALCOM)
      .post('/v2/bookings')
      .matchHeader('authorization', 'Bearer cal_test_salon_a')
      .times(3)
      .replyWithError(connectionReset());
    const salonB = nock(CALCOM)
      .post('/v2/bookings')
      .matchHeader('authorization', 'Bearer cal_test_salon_b')
      .reply(201, success(bookingOutput({ uid: 'salon-b-booking' })));

    for (let i = 0; i < 3; i++) {
      await gateway.createBooking(command(SALON_A)).catch(() => undefined);
    }
    expect(gateway.breakerState(SALON_A)).toBe('open');
    expect(gateway.breakerState(SALON_B)).toBe('closed');

    const booking = await gateway.createBooking(command(SALON_B));
    expect(booking.uid).toBe('salon-b-booking');
    expect(salonB.isDone()).toBe(true);
    expect(gateway.breakerStates().get(SALON_A)).toBe('open');
  });

  it('client refusals (404, 400, conflict) do not open it', async () => {
    nock(CALCOM)
      .get('/v2/bookings/missing')
      .times(5)
      .reply(404, calcomError('Booking not found', 'NotFoundException'))
      .post('/v2/bookings')
      .times(2)
      .reply(400, calcomError('User either already has booking at this time or is not available'))
      .post('/v2/bookings')
      .times(2)
      .reply(400, calcomError(['attendee.name should not be empty']));

    for (let i = 0; i < 5; i++) {
      await expect(
        gateway.getBooking({ credentialRef: SALON_A, uid: 'missing' }),
      ).resolves.toBeNull();
    }
    for (let i = 0; i < 2; i++) {
      await expect(gateway.createBooking(command(SALON_A))).rejects.toBeInstanceOf(
        CalendarConflict,
      );
    }
    for (let i = 0; i < 2; i++) {
      await expect(gateway.createBooking(command(SALON_A))).rejects.toBeInstanceOf(
        CalendarBadRequest,
      );
    }

    expect(gateway.breakerState(SALON_A)).toBe('closed');
  });

  it('reports closed for a credential it has never used', () => {
    expect(gateway.breakerState('cred-never-used')).toBe('closed');
  });
});
