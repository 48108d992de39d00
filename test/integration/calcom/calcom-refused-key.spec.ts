import nock from 'nock';
import type { CalendarCredentials } from '../../../src/application/ports/calendar-gateway.port';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { CalendarAuthFailed } from '../../../src/domain/calendar/calendar.errors';
import { bookingOutput, CALCOM, success } from './calcom.fixtures';

/**
 * A key rotated in another process (the API, while this is the worker): this process still
 * holds the old one. Cal.com refuses it once; the next attempt reads the key again.
 */
describe('Cal.com gateway after a refused key', () => {
  let stored = 'cal_live_old_0123456789';
  let kept: string | undefined;
  const credentials: CalendarCredentials = {
    resolve: async () => ({ apiKey: (kept ??= stored) }),
    forget: () => {
      kept = undefined;
    },
  };
  let gateway: CalcomCalendarGateway;

  beforeAll(() => {
    nock.disableNetConnect();
    gateway = new CalcomCalendarGateway(credentials, {
      config: { timeouts: { slotsMs: 5_000, bookingsMs: 5_000 } },
    });
  });
  afterAll(() => {
    gateway.close();
    nock.cleanAll();
    nock.enableNetConnect();
    // Node's http module is shared by every test file of the run: unhook it for the next.
    nock.restore();
  });

  it('forgets the refused key, so the retry uses the rotated one', async () => {
    await gateway.getBooking({ credentialRef: 'cred-a', uid: 'bk_1' }).catch(() => null);
    expect(kept).toBe('cal_live_old_0123456789');

    stored = 'cal_live_new_9876543210';
    nock(CALCOM)
      .get('/v2/bookings/bk_1')
      .matchHeader('authorization', 'Bearer cal_live_old_0123456789')
      .reply(401, { status: 'error', error: { message: 'Invalid API key' } });
    const refused = await gateway.getBooking({ credentialRef: 'cred-a', uid: 'bk_1' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CalendarAuthFailed);

    nock(CALCOM)
      .get('/v2/bookings/bk_1')
      .matchHeader('authorization', 'Bearer cal_live_new_9876543210')
      .reply(200, success(bookingOutput({ uid: 'bk_1' })));
    const found = await gateway.getBooking({ credentialRef: 'cred-a', uid: 'bk_1' });
    expect(found?.uid).toBe('bk_1');
    expect(nock.isDone()).toBe(true);
  });
});
