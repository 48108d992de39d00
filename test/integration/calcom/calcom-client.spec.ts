import nock from 'nock';
import { TimeRange } from '../../../src/domain/shared/time-range';
import {
  CalendarAuthFailed,
  CalendarBadRequest,
  CalendarConflict,
  CalendarNetworkError,
  CalendarNotFound,
  CalendarRateLimited,
  CalendarServerError,
  CalendarTimeout,
} from '../../../src/domain/calendar/calendar.errors';
import type {
  AvailableStartsQuery,
  CreateBookingCommand,
} from '../../../src/application/ports/calendar-gateway.port';
import type { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import {
  CALCOM,
  bookingOutput,
  bookingsPage,
  calcomError,
  connectionReset,
  fixedClock,
  makeGateway,
  ONE_LENGTH_REFUSAL,
  slotsData,
  success,
  watchUnmatched,
} from './calcom.fixtures';

const REF = 'cred-salon-a';
const EVENT_TYPE = 123456;

const createCommand = (overrides: Partial<CreateBookingCommand> = {}): CreateBookingCommand => ({
  credentialRef: REF,
  eventTypeId: EVENT_TYPE,
  start: new Date('2026-09-14T08:00:00Z'),
  attendee: {
    name: 'Dana Schmidt',
    phone: '+4915112345678',
    timeZone: 'Europe/Berlin',
    language: 'de',
  },
  metadata: { appointment_id: 'appt-1', phase_id: 'phase-1', company_id: 'company-a' },
  ...overrides,
});

/** Salon A's stylist's slots on 2026-09-14, 09:00–12:00 in Berlin. */
const slotsQuery = (
  staffId: string,
  overrides: Partial<AvailableStartsQuery> = {},
): AvailableStartsQuery => ({
  credentialRef: REF,
  scope: { companyId: 'company-a', branchId: 'branch-1', staffId },
  eventTypeId: EVENT_TYPE,
  range: TimeRange.of(new Date('2026-09-14T07:00:00Z'), new Date('2026-09-14T10:00:00Z')),
  timeZone: 'Europe/Berlin',
  ...overrides,
});

/** A format=range slots answer for 2026-09-14: [start, end] pairs in Berlin wall time. */
const rangeAnswer = (...slots: Array<[string, string]>) =>
  success({
    '2026-09-14': slots.map(([start, end]) => ({
      start: `2026-09-14T${start}:00.000+02:00`,
      end: `2026-09-14T${end}:00.000+02:00`,
    })),
  });

/** A gateway that gives up after 50 ms, for the timeout tests. */
const impatientGateway = () => makeGateway({ timeouts: { slotsMs: 50, bookingsMs: 50 } });

interface Captured {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

describe('Cal.com client (nock on api.cal.com)', () => {
  let gateway: CalcomCalendarGateway;
  let watch: ReturnType<typeof watchUnmatched>;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
  });

  beforeEach(() => {
    watch = watchUnmatched();
    // Answers are nock's, so only a stalled one should ever time out; a cold first request on a
    // busy machine can take longer than the short timeout the timeout tests use.
    gateway = makeGateway(
      { timeouts: { slotsMs: 5_000, bookingsMs: 5_000 }, listPageSize: 2 },
      { clock: fixedClock('2026-10-21T07:28:00Z') },
    );
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

  describe('request shapes', () => {
    it('creates a booking: bearer key, bookings version, UTC start, attendee and our ids', async () => {
      let captured: Captured | undefined;
      const scope = nock(CALCOM)
        .post('/v2/bookings')
        .reply(function (_uri, body) {
          captured = { headers: this.req.headers, body };
          return [201, success(bookingOutput())];
        });

      const booking = await gateway.createBooking(createCommand());

      expect(scope.isDone()).toBe(true);
      expect(captured?.headers['authorization']).toBe('Bearer cal_test_salon_a');
      expect(captured?.headers['cal-api-version']).toBe('2024-08-13');
      expect(captured?.headers['content-type']).toContain('application/json');
      expect(captured?.body).toEqual({
        start: '2026-09-14T08:00:00.000Z',
        eventTypeId: EVENT_TYPE,
        attendee: {
          name: 'Dana Schmidt',
          timeZone: 'Europe/Berlin',
          phoneNumber: '+4915112345678',
          language: 'de',
        },
        metadata: { appointment_id: 'appt-1', phase_id: 'phase-1', company_id: 'company-a' },
      });
      expect(booking).toEqual({
        externalId: 987654,
        uid: 'bK3wYt8QmZpL2vN1',
        start: new Date('2026-09-14T08:00:00.000Z'),
        end: new Date('2026-09-14T08:30:00.000Z'),
        status: 'accepted',
        metadata: { appointment_id: 'appt-1', phase_id: 'phase-1', company_id: 'company-a' },
        createdAt: new Date('2026-09-10T15:00:00.000Z'),
      });
    });

    it('sends lengthInMinutes and email only when given', async () => {
      let body: unknown;
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(201, (_uri, b) => {
          body = b;
          return success(bookingOutput({ duration: 45, end: '2026-09-14T08:45:00.000Z' }));
        });

      await gateway.createBooking(
        createCommand({
          lengthMinutes: 45,
          attendee: {
            name: 'Dana Schmidt',
            email: 'dana@example.com',
            timeZone: 'Europe/Berlin',
            language: 'de',
          },
        }),
      );

      expect(body).toMatchObject({
        lengthInMinutes: 45,
        attendee: { email: 'dana@example.com', language: 'de' },
      });
      expect((body as { attendee: object }).attendee).not.toHaveProperty('phoneNumber');
    });

    it('asks an event type with one length again without the length, and from then on at once', async () => {
      const bodies: Array<Record<string, unknown>> = [];
      const scope = nock(CALCOM)
        .post('/v2/bookings')
        .reply(400, (_uri, b) => {
          bodies.push(b as Record<string, unknown>);
          return calcomError(ONE_LENGTH_REFUSAL);
        })
        .post('/v2/bookings')
        .times(2)
        .reply(201, (_uri, b) => {
          bodies.push(b as Record<string, unknown>);
          return success(bookingOutput());
        });

      const first = await gateway.createBooking(createCommand({ lengthMinutes: 30 }));
      const second = await gateway.createBooking(createCommand({ lengthMinutes: 30 }));

      expect(scope.isDone()).toBe(true);
      expect(first.uid).toBe('bK3wYt8QmZpL2vN1');
      expect(second.uid).toBe('bK3wYt8QmZpL2vN1');
      expect(bodies.map((b) => b.lengthInMinutes)).toEqual([30, undefined, undefined]);
    });

    it('sends the length again an hour later (the event type may offer several by then)', async () => {
      const refusal = calcomError(ONE_LENGTH_REFUSAL);
      const lengths: unknown[] = [];
      const record = (status: number, answer: object) => (_uri: string, b: nock.Body) => {
        lengths.push((b as Record<string, unknown>).lengthInMinutes);
        return [status, answer] as [number, object];
      };
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(record(400, refusal))
        .post('/v2/bookings')
        .reply(record(201, success(bookingOutput())))
        .post('/v2/bookings')
        .reply(record(201, success(bookingOutput())));
      // The gateway's own clock, moved on by 61 minutes between the two bookings.
      let now = new Date('2026-10-21T07:28:00Z');
      const clocked = makeGateway(
        { timeouts: { slotsMs: 5_000, bookingsMs: 5_000 } },
        { clock: { now: () => now } },
      );
      try {
        await clocked.createBooking(createCommand({ lengthMinutes: 30 }));
        now = new Date(now.getTime() + 61 * 60_000);
        await clocked.createBooking(createCommand({ lengthMinutes: 30 }));
      } finally {
        clocked.close();
      }
      expect(lengths).toEqual([30, undefined, 30]);
    });

    it('does not drop the length for any other refusal', async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(
          400,
          calcomError(
            "Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: 15, 45",
          ),
        );
      await expect(
        gateway.createBooking(createCommand({ lengthMinutes: 30 })),
      ).rejects.toBeInstanceOf(CalendarBadRequest);
    });

    it('asks /v2/slots with the slots version and returns instants inside the range', async () => {
      let headers: Captured['headers'] = {};
      const scope = nock(CALCOM)
        .get('/v2/slots')
        .query({
          eventTypeId: String(EVENT_TYPE),
          start: '2026-09-14T07:00:00.000Z',
          end: '2026-09-14T10:00:00.000Z',
          timeZone: 'Europe/Berlin',
          format: 'range',
        })
        .reply(function () {
          headers = this.req.headers;
          return [
            200,
            success(
              slotsData([
                '2026-09-14T10:30:00.000+02:00',
                '2026-09-14T09:00:00.000+02:00',
                '2026-09-14T11:30:00.000+02:00',
                '2026-09-14T12:00:00.000+02:00',
              ]),
            ),
          ];
        });

      const starts = await gateway.availableStarts(slotsQuery('staff-1'));

      expect(scope.isDone()).toBe(true);
      expect(headers['authorization']).toBe('Bearer cal_test_salon_a');
      expect(headers['cal-api-version']).toBe('2024-09-04');
      expect(starts.map((d) => d.toISOString())).toEqual([
        '2026-09-14T07:00:00.000Z',
        '2026-09-14T08:30:00.000Z',
        '2026-09-14T09:30:00.000Z',
      ]);
    });

    // Cal.com computes the slots for `duration` when given (else the event type's own length)
    // and, with format=range, says where each slot ends: the length it really judged.
    it('asks /v2/slots for the length given, as duration, with each slot’s end', async () => {
      const scope = nock(CALCOM)
        .get('/v2/slots')
        .query((q) => q.duration === '45' && q.format === 'range')
        .reply(200, rangeAnswer(['09:00', '09:45'], ['10:00', '10:45']));
      const starts = await gateway.availableStarts(slotsQuery('staff-3', { lengthMinutes: 45 }));
      expect(scope.isDone()).toBe(true);
      expect(starts.map((d) => d.toISOString())).toEqual([
        '2026-09-14T07:00:00.000Z',
        '2026-09-14T08:00:00.000Z',
      ]);
    });

    // An event type that answers for its own, shorter length (30) when 45 is asked: a start
    // vouches only for what its own and the following windows cover.
    it('keeps only the starts with room for the length asked, by the slots’ own ends', async () => {
      nock(CALCOM)
        .get('/v2/slots')
        .query(true)
        .reply(200, rangeAnswer(['09:00', '09:30'], ['09:30', '10:00'], ['11:00', '11:30']));
      const starts = await gateway.availableStarts(slotsQuery('staff-4', { lengthMinutes: 45 }));
      expect(starts.map((d) => d.toISOString())).toEqual(['2026-09-14T07:00:00.000Z']);
    });

    it('reads an empty slots answer ({}) as no starts', async () => {
      nock(CALCOM).get('/v2/slots').query(true).reply(200, success({}));
      const starts = await gateway.availableStarts(slotsQuery('staff-2'));
      expect(starts).toEqual([]);
    });

    it('gets a booking by uid, and answers null for an unknown uid', async () => {
      nock(CALCOM)
        .get('/v2/bookings/bK3wYt8QmZpL2vN1')
        .matchHeader('cal-api-version', '2024-08-13')
        .reply(200, success(bookingOutput()))
        .get('/v2/bookings/unknown-uid')
        .reply(404, calcomError('Booking with uid=unknown-uid was not found', 'NotFoundException'));

      const found = await gateway.getBooking({ credentialRef: REF, uid: 'bK3wYt8QmZpL2vN1' });
      const missing = await gateway.getBooking({ credentialRef: REF, uid: 'unknown-uid' });

      expect(found?.uid).toBe('bK3wYt8QmZpL2vN1');
      expect(missing).toBeNull();
    });

    it('cancels with the reason and returns the cancelled booking', async () => {
      let body: unknown;
      nock(CALCOM)
        .post('/v2/bookings/bK3wYt8QmZpL2vN1/cancel')
        .matchHeader('authorization', 'Bearer cal_test_salon_a')
        .matchHeader('cal-api-version', '2024-08-13')
        .reply(200, (_uri, b) => {
          body = b;
          return success(
            bookingOutput({ status: 'cancelled', cancellationReason: 'Kundin hat abgesagt' }),
          );
        });

      const cancelled = await gateway.cancelBooking({
        credentialRef: REF,
        uid: 'bK3wYt8QmZpL2vN1',
        reason: 'cancelled',
      });

      expect(body).toEqual({ cancellationReason: 'Termin storniert' });
      expect(cancelled.status).toBe('cancelled');
    });

    it.each([
      ['cancelled already: done', 'cancelled', true],
      ['still live: the refusal stands', 'accepted', false],
    ])('a refused cancel reads the booking; %s', async (_, status, done) => {
      const refusal = calcomError(
        "Can't cancel booking with uid=bK3wYt8QmZpL2vN1 because it has been cancelled already.",
      );
      const scope = nock(CALCOM)
        .post('/v2/bookings/bK3wYt8QmZpL2vN1/cancel')
        .reply(400, refusal)
        .get('/v2/bookings/bK3wYt8QmZpL2vN1')
        .reply(200, success(bookingOutput({ status })));

      const outcome = gateway
        .cancelBooking({ credentialRef: REF, uid: 'bK3wYt8QmZpL2vN1', reason: 'cancelled' })
        .then((b) => b.status);
      if (done) await expect(outcome).resolves.toBe('cancelled');
      else await expect(outcome).rejects.toBeInstanceOf(CalendarBadRequest);
      expect(scope.isDone()).toBe(true);
    });

    it('reschedules to a UTC start and returns the new booking with its new uid', async () => {
      let body: unknown;
      nock(CALCOM)
        .post('/v2/bookings/bK3wYt8QmZpL2vN1/reschedule')
        .matchHeader('cal-api-version', '2024-08-13')
        .reply(201, (_uri, b) => {
          body = b;
          return success(
            bookingOutput({
              id: 987655,
              uid: 'newUid123',
              start: '2026-09-15T09:00:00.000Z',
              end: '2026-09-15T09:30:00.000Z',
              rescheduledFromUid: 'bK3wYt8QmZpL2vN1',
            }),
          );
        });

      const moved = await gateway.rescheduleBooking({
        credentialRef: REF,
        uid: 'bK3wYt8QmZpL2vN1',
        newStart: new Date('2026-09-15T09:00:00Z'),
      });

      expect(body).toEqual({ start: '2026-09-15T09:00:00.000Z' });
      expect(moved.uid).toBe('newUid123');
      expect(moved.rescheduledFromUid).toBe('bK3wYt8QmZpL2vN1');
      expect(moved.start).toEqual(new Date('2026-09-15T09:00:00.000Z'));
    });
  });

  it("uses a credential's own base URL when it has one", async () => {
    const eu = nock('https://api.cal.eu')
      .post('/v2/bookings')
      .matchHeader('authorization', 'Bearer cal_test_salon_eu')
      .reply(201, success(bookingOutput({ uid: 'eu-booking' })));
    const booking = await gateway.createBooking(createCommand({ credentialRef: 'cred-salon-eu' }));
    expect(eu.isDone()).toBe(true);
    expect(booking.uid).toBe('eu-booking');
  });

  it("refuses metadata beyond Cal.com's limits before sending anything", async () => {
    await expect(
      gateway.createBooking(
        createCommand({
          metadata: {
            appointment_id: 'appt-1',
            phase_id: 'phase-1',
            company_id: 'company-a',
            note: 'x'.repeat(501),
          },
        }),
      ),
    ).rejects.toBeInstanceOf(CalendarBadRequest);
  });

  describe('errors become typed calendar errors', () => {
    it("maps 400 'already has booking' to CalendarConflict", async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(
          400,
          calcomError('User either already has booking at this time or is not available'),
        );
      const error = await gateway.createBooking(createCommand()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarConflict);
      expect(error).toMatchObject({
        code: 'CALENDAR.CONFLICT',
        message: 'The calendar says the time is taken or the host is not available.',
      });
    });

    it('maps 409 to CalendarConflict', async () => {
      nock(CALCOM).post('/v2/bookings').reply(409, calcomError('Conflict', 'ConflictException'));
      await expect(gateway.createBooking(createCommand())).rejects.toBeInstanceOf(CalendarConflict);
    });

    it('maps other 400s (validation) to CalendarBadRequest', async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(400, calcomError(['attendee.timeZone must be a valid IANA time zone']));
      const error = await gateway.createBooking(createCommand()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarBadRequest);
      expect(error).toMatchObject({ code: 'CALENDAR.BAD_REQUEST', status: 400 });
    });

    it('maps 401 to CalendarAuthFailed', async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(401, calcomError('Invalid API Key', 'UnauthorizedException'));
      const error = await gateway.createBooking(createCommand()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarAuthFailed);
      expect(error).toMatchObject({ code: 'CALENDAR.AUTH_FAILED' });
      expect(JSON.stringify(error)).not.toContain('cal_test_salon_a');
    });

    it('refuses an unknown credential without any request', async () => {
      await expect(
        gateway.createBooking(createCommand({ credentialRef: 'cred-nobody' })),
      ).rejects.toBeInstanceOf(CalendarAuthFailed);
    });

    it('maps 404 on cancel to CalendarNotFound', async () => {
      nock(CALCOM)
        .post('/v2/bookings/gone/cancel')
        .reply(404, calcomError('Booking not found', 'NotFoundException'));
      await expect(
        gateway.cancelBooking({ credentialRef: REF, uid: 'gone', reason: 'cancelled' }),
      ).rejects.toBeInstanceOf(CalendarNotFound);
    });

    it('maps 429 with Retry-After seconds to CalendarRateLimited', async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(429, calcomError('Too many requests', 'ThrottlerException'), {
          'Retry-After': '17',
        });
      const error = await gateway.createBooking(createCommand()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarRateLimited);
      expect(error).toMatchObject({ code: 'CALENDAR.RATE_LIMITED', retryAfterSeconds: 17 });
    });

    it("maps Cal.com's own 429 (no Retry-After) to the wait its X-RateLimit-Reset-Default names", async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(429, calcomError('Too many requests', 'ThrottlerException'), {
          'X-RateLimit-Limit-Default': '120',
          'X-RateLimit-Remaining-Default': '0',
          'X-RateLimit-Reset-Default': '58',
        });
      await expect(gateway.createBooking(createCommand())).rejects.toMatchObject({
        code: 'CALENDAR.RATE_LIMITED',
        retryAfterSeconds: 58,
      });
    });

    it('maps 429 with an HTTP-date Retry-After to seconds from the clock', async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(429, calcomError('Too many requests', 'ThrottlerException'), {
          'Retry-After': 'Wed, 21 Oct 2026 07:28:30 GMT',
        });
      await expect(gateway.createBooking(createCommand())).rejects.toMatchObject({
        code: 'CALENDAR.RATE_LIMITED',
        retryAfterSeconds: 30,
      });
    });

    it('maps 500 to CalendarServerError', async () => {
      nock(CALCOM)
        .post('/v2/bookings')
        .reply(500, calcomError('Internal server error', 'InternalServerErrorException'));
      const error = await gateway.createBooking(createCommand()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarServerError);
      expect(error).toMatchObject({ code: 'CALENDAR.SERVER_ERROR', status: 500 });
    });

    it('maps a 502 with an HTML body to CalendarServerError', async () => {
      nock(CALCOM).get('/v2/bookings/x').reply(502, '<html>Bad Gateway</html>');
      await expect(gateway.getBooking({ credentialRef: REF, uid: 'x' })).rejects.toMatchObject({
        code: 'CALENDAR.SERVER_ERROR',
        status: 502,
      });
    });

    it('maps a connection failure to CalendarNetworkError', async () => {
      nock(CALCOM).post('/v2/bookings').replyWithError(connectionReset());
      const error = await gateway.createBooking(createCommand()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CalendarNetworkError);
      expect(error).toMatchObject({ code: 'CALENDAR.NETWORK_ERROR' });
    });

    it('maps a write with no answer in time to CalendarTimeout', async () => {
      nock(CALCOM).post('/v2/bookings').delay(2000).reply(201, success(bookingOutput()));
      const impatient = impatientGateway();
      const error = await impatient.createBooking(createCommand()).catch((e: unknown) => e);
      impatient.close();
      expect(error).toBeInstanceOf(CalendarTimeout);
      expect(error).toMatchObject({ code: 'CALENDAR.TIMEOUT', timeoutMs: 50 });
    });

    it('maps a slots request with no answer in time to CalendarTimeout', async () => {
      nock(CALCOM).get('/v2/slots').query(true).delay(2000).reply(200, success({}));
      const impatient = impatientGateway();
      await expect(
        impatient.availableStarts({
          credentialRef: REF,
          scope: { companyId: 'company-a', branchId: 'branch-1', staffId: 'staff-3' },
          eventTypeId: EVENT_TYPE,
          range: TimeRange.of(new Date('2026-09-14T07:00:00Z'), new Date('2026-09-14T10:00:00Z')),
          timeZone: 'Europe/Berlin',
        }),
      ).rejects.toBeInstanceOf(CalendarTimeout);
      impatient.close();
    });
  });

  describe('findBookingByMetadata', () => {
    const around = TimeRange.of(new Date('2026-09-14T07:30:00Z'), new Date('2026-09-14T09:00:00Z'));
    const listQuery = (skip: number) => ({
      eventTypeId: String(EVENT_TYPE),
      afterStart: '2026-09-14T07:30:00.000Z',
      beforeEnd: '2026-09-14T09:00:00.000Z',
      take: '2',
      skip: String(skip),
    });

    it('pages through hasNextPage and matches our appointment and phase ids exactly', async () => {
      const sameTimeNotOurs = bookingOutput({ id: 1, uid: 'other-1', metadata: {} });
      const otherPhase = bookingOutput({
        id: 2,
        uid: 'other-2',
        metadata: { appointment_id: 'appt-1', phase_id: 'phase-2', company_id: 'company-a' },
      });
      const ours = bookingOutput({ id: 3, uid: 'ours-3' });
      const scope = nock(CALCOM)
        .get('/v2/bookings')
        .matchHeader('cal-api-version', '2024-08-13')
        .query(listQuery(0))
        .reply(
          200,
          bookingsPage(
            [sameTimeNotOurs, otherPhase],
            { currentPage: 1, totalPages: 2, itemsPerPage: 2 },
            3,
          ),
        )
        .get('/v2/bookings')
        .query(listQuery(2))
        .reply(200, bookingsPage([ours], { currentPage: 2, totalPages: 2, itemsPerPage: 2 }, 3));

      const found = await gateway.findBookingByMetadata({
        credentialRef: REF,
        eventTypeId: EVENT_TYPE,
        around,
        appointmentId: 'appt-1',
        phaseId: 'phase-1',
      });

      expect(scope.isDone()).toBe(true);
      expect(found?.uid).toBe('ours-3');
      expect(found?.externalId).toBe(3);
    });

    it('fails rather than answer "not there" from part of a list longer than the page limit', async () => {
      const limited = makeGateway({ listPageSize: 2, listMaxPages: 1 });
      nock(CALCOM)
        .get('/v2/bookings')
        .query(listQuery(0))
        .reply(
          200,
          bookingsPage(
            [bookingOutput({ id: 1, uid: 'other-1', metadata: {} }), bookingOutput({ id: 2 })],
            { currentPage: 1, totalPages: 2, itemsPerPage: 2 },
            3,
          ),
        );
      await expect(
        limited.findBookingByMetadata({
          credentialRef: REF,
          eventTypeId: EVENT_TYPE,
          around,
          appointmentId: 'appt-1',
          phaseId: 'phase-9',
        }),
      ).rejects.toBeInstanceOf(CalendarServerError);
      limited.close();
    });

    it('answers null when only bookings without our ids sit at that time', async () => {
      nock(CALCOM)
        .get('/v2/bookings')
        .query(listQuery(0))
        .reply(
          200,
          bookingsPage(
            [
              bookingOutput({ uid: 'walk-in', metadata: { note: 'appt-1 phase-1' } }),
              bookingOutput({ uid: 'numeric', metadata: { appointment_id: 1, phase_id: 1 } }),
            ],
            { currentPage: 1, totalPages: 2, itemsPerPage: 2 },
            3,
          ),
        )
        .get('/v2/bookings')
        .query(listQuery(2))
        .reply(
          200,
          bookingsPage(
            [
              bookingOutput({
                uid: 'another-appt',
                metadata: { appointment_id: 'appt-10', phase_id: 'phase-1' },
              }),
            ],
            { currentPage: 2, totalPages: 2, itemsPerPage: 2 },
            3,
          ),
        );

      const found = await gateway.findBookingByMetadata({
        credentialRef: REF,
        eventTypeId: EVENT_TYPE,
        around,
        appointmentId: 'appt-1',
        phaseId: 'phase-1',
      });

      expect(found).toBeNull();
    });

    it('prefers the live booking over a cancelled one with the same ids', async () => {
      nock(CALCOM)
        .get('/v2/bookings')
        .query(listQuery(0))
        .reply(
          200,
          bookingsPage(
            [
              bookingOutput({ uid: 'old-cancelled', status: 'cancelled' }),
              bookingOutput({ uid: 'live', status: 'accepted' }),
            ],
            { currentPage: 1, totalPages: 1, itemsPerPage: 2 },
            2,
          ),
        );

      const found = await gateway.findBookingByMetadata({
        credentialRef: REF,
        eventTypeId: EVENT_TYPE,
        around,
        appointmentId: 'appt-1',
        phaseId: 'phase-1',
      });

      expect(found?.uid).toBe('live');
    });
  });

  describe('listBookings', () => {
    const range = TimeRange.of(new Date('2026-10-21T07:28:00Z'), new Date('2026-11-20T07:28:00Z'));
    const listQuery = (skip: number) => ({
      eventTypeIds: `${EVENT_TYPE},654321`,
      afterStart: '2026-10-21T07:28:00.000Z',
      beforeEnd: '2026-11-20T07:28:00.000Z',
      take: '2',
      skip: String(skip),
    });

    it('asks for the event types with the bookings version and pages through hasNextPage', async () => {
      const scope = nock(CALCOM)
        .get('/v2/bookings')
        .matchHeader('cal-api-version', '2024-08-13')
        .matchHeader('authorization', 'Bearer cal_test_salon_a')
        .query(listQuery(0))
        .reply(
          200,
          bookingsPage(
            [
              bookingOutput({ id: 1, uid: 'ours-1' }),
              bookingOutput({ id: 2, uid: 'walk-in', metadata: {}, eventTypeId: 654321 }),
            ],
            { currentPage: 1, totalPages: 2, itemsPerPage: 2 },
            3,
          ),
        )
        .get('/v2/bookings')
        .matchHeader('cal-api-version', '2024-08-13')
        .query(listQuery(2))
        .reply(
          200,
          bookingsPage(
            [bookingOutput({ id: 3, uid: 'gone', status: 'cancelled', eventTypeId: undefined })],
            { currentPage: 2, totalPages: 2, itemsPerPage: 2 },
            3,
          ),
        );

      const { bookings, complete } = await gateway.listBookings({
        credentialRef: REF,
        eventTypeIds: [EVENT_TYPE, 654321, EVENT_TYPE],
        range,
      });

      expect(scope.isDone()).toBe(true);
      expect(complete).toBe(true);
      expect(bookings.map((b) => [b.uid, b.status, b.eventTypeId])).toEqual([
        ['ours-1', 'accepted', EVENT_TYPE],
        ['walk-in', 'accepted', 654321],
        ['gone', 'cancelled', EVENT_TYPE], // from eventType.id
      ]);
      expect(bookings[0].metadata).toEqual({
        appointment_id: 'appt-1',
        phase_id: 'phase-1',
        company_id: 'company-a',
      });
      expect(bookings[1].metadata).toEqual({});
    });

    it('asks nothing without event types', async () => {
      expect(await gateway.listBookings({ credentialRef: REF, eventTypeIds: [], range })).toEqual({
        bookings: [],
        complete: true,
      });
    });

    it('answers what it read, marked incomplete, when the list is longer than the page limit', async () => {
      const limited = makeGateway({ listPageSize: 2, listMaxPages: 1 });
      nock(CALCOM)
        .get('/v2/bookings')
        .query(listQuery(0))
        .reply(
          200,
          bookingsPage(
            [bookingOutput({ id: 1, uid: 'a' }), bookingOutput({ id: 2, uid: 'b' })],
            { currentPage: 1, totalPages: 2, itemsPerPage: 2 },
            3,
          ),
        );
      const listing = await limited.listBookings({
        credentialRef: REF,
        eventTypeIds: [EVENT_TYPE, 654321],
        range,
      });
      expect(listing.complete).toBe(false);
      expect(listing.bookings.map((b) => b.uid)).toEqual(['a', 'b']);
      limited.close();
    });
  });
});
