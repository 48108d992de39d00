import nock from 'nock';
import type { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import {
  CalendarNotFound,
  CalendarServerError,
} from '../../../src/domain/calendar/calendar.errors';
import { CALCOM, calcomError, makeGateway, success, watchUnmatched } from './calcom.fixtures';

const REF = 'cred-salon-a';

describe('Cal.com event type settings (nock on api.cal.com)', () => {
  let gateway: CalcomCalendarGateway;
  let watch: ReturnType<typeof watchUnmatched>;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
  });
  beforeEach(() => {
    watch = watchUnmatched();
    gateway = makeGateway({ timeouts: { slotsMs: 5_000, bookingsMs: 5_000 } });
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

  it('reads afterEventBuffer with the event types version and the tenant’s key', async () => {
    nock(CALCOM)
      .get('/v2/event-types/8001')
      .matchHeader('cal-api-version', '2024-06-14')
      .matchHeader('authorization', 'Bearer cal_test_salon_a')
      .reply(
        200,
        success({ id: 8001, lengthInMinutes: 45, beforeEventBuffer: 0, afterEventBuffer: 15 }),
      );
    expect(await gateway.eventTypeSettings(REF, 8001)).toEqual({ afterBufferMinutes: 15 });
  });

  it('an answer without the buffer is an unexpected shape; an unknown event type is not found', async () => {
    nock(CALCOM)
      .get('/v2/event-types/8002')
      .reply(200, success({ id: 8002 }));
    nock(CALCOM)
      .get('/v2/event-types/8003')
      .reply(404, calcomError('Event type not found', 'NotFoundException'));
    await expect(gateway.eventTypeSettings(REF, 8002)).rejects.toBeInstanceOf(CalendarServerError);
    await expect(gateway.eventTypeSettings(REF, 8003)).rejects.toBeInstanceOf(CalendarNotFound);
  });
});
