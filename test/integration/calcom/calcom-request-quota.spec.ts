import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { FakeCalcom } from '../../../bench/sync-fake-calcom';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { quotaKeyOf } from '../../../src/adapters/outbound/calcom/calcom-request-quota';
import { failFastConnection } from '../../../src/adapters/outbound/queue/redis-connections';
import type {
  CalendarCredentials,
  CalendarPriority,
  CreateBookingCommand,
} from '../../../src/application/ports/calendar-gateway.port';
import { CalendarRateLimited } from '../../../src/domain/calendar/calendar.errors';
import { TimeRange } from '../../../src/domain/shared/time-range';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const REF = 'cred-salon';
/** Cal.com's throttler, with a window short enough for a test. */
const THROTTLE = { limit: 10, windowMs: 1500, blockMs: 1500 };
/** 20 % kept for live calls: the sync sends at most 8 a window, across every process. */
const SYNC_SHARE = 8;

describe("Cal.com's request quota, shared by every process of the service", () => {
  const fake = new FakeCalcom();
  const gateways: CalcomCalendarGateway[] = [];
  const clients: Redis[] = [];
  let keyPrefix: string;

  const credentials: CalendarCredentials = {
    resolve: async () => ({ apiKey: 'cal_test_shared_key', baseUrl: fake.url }),
  };

  /** One process's gateway: counting in `redis` (null: alone, in memory). */
  function gateway(redis: Redis | null): CalcomCalendarGateway {
    const g = new CalcomCalendarGateway(credentials, {
      redis,
      config: {
        allowedHosts: [new URL(fake.url).host],
        breaker: { volumeThreshold: 1000 },
        slotCache: { keyPrefix: `${keyPrefix}:slots` },
        quota: {
          limit: THROTTLE.limit,
          windowMs: THROTTLE.windowMs,
          marginMs: 100,
          liveReservePercent: 20,
          maxWaitMs: 20_000,
          keyPrefix,
          redisTimeoutMs: 1000,
        },
      },
    });
    gateways.push(g);
    return g;
  }

  function redis(): Redis {
    const r = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    clients.push(r);
    return r;
  }

  /**
   * Until the sync's share of the window is spent and its next request waits: Redis then holds
   * the sync's wish for room, for every process to see. (A fixed pause lost this race on a
   * loaded machine.)
   */
  async function syncWaiting(probe: Redis): Promise<void> {
    const wants = `${keyPrefix}:${quotaKeyOf('cal_test_shared_key')}:sync-wants`;
    const deadline = Date.now() + 15_000;
    while (!(await probe.exists(wants))) {
      if (Date.now() > deadline) throw new Error('the sync never waited for room');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  let n = 0;
  const create = (g: CalcomCalendarGateway, priority?: CalendarPriority) => {
    n++;
    const command: CreateBookingCommand = {
      credentialRef: REF,
      eventTypeId: 9001,
      start: new Date(Date.parse('2027-01-04T08:00:00Z') + n * 3600_000),
      lengthMinutes: 30,
      attendee: { name: 'Kundin', timeZone: 'Europe/Berlin', language: 'de' },
      metadata: { appointment_id: `a-${n}`, phase_id: `p-${n}`, company_id: 'co' },
      ...(priority ? { priority } : {}),
    };
    return g.createBooking(command);
  };

  const liveCheck = (g: CalcomCalendarGateway) =>
    g.availableStarts({
      credentialRef: REF,
      scope: { companyId: 'co', branchId: 'b', staffId: 's' },
      eventTypeId: 9002,
      range: TimeRange.of(new Date('2027-02-01T08:00:00Z'), new Date('2027-02-01T18:00:00Z')),
      timeZone: 'Europe/Berlin',
    });

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.throttle = THROTTLE;
    keyPrefix = `test-quota-${randomBytes(4).toString('hex')}`;
  });
  afterEach(async () => {
    for (const g of gateways.splice(0)) g.close();
    for (const c of clients.splice(0)) c.disconnect();
  });

  it('two processes on one Redis share the key: together they never pass the limit', async () => {
    const [one, two] = [gateway(redis()), gateway(redis())];
    const started = Date.now();
    const booked = await Promise.all(
      Array.from({ length: 3 * SYNC_SHARE }, (_, i) => create(i % 2 ? one : two)),
    );
    const took = Date.now() - started;

    expect(booked).toHaveLength(24);
    expect(fake.throttled).toEqual([]);
    expect(fake.live()).toHaveLength(24);
    // 8 a window: the third eight waited for the window to free twice.
    expect(took).toBeGreaterThanOrEqual(2 * THROTTLE.windowMs);
  });

  it('each process alone (no shared count) would have been refused: the quota is what spaces them', async () => {
    const [one, two] = [gateway(null), gateway(null)];
    await Promise.all(
      Array.from({ length: 2 * SYNC_SHARE }, (_, i) =>
        create(i % 2 ? one : two).catch((e: Error) => e),
      ),
    );
    expect(fake.throttled.length).toBeGreaterThan(0);
  });

  it('a live check never waits behind the sync: it uses the reserve while the sync queues', async () => {
    const [worker, phone] = [gateway(redis()), gateway(redis())];
    const probe = redis();
    const order: string[] = [];
    const sync = Array.from({ length: 3 * SYNC_SHARE }, () =>
      create(worker).then(() => order.push('sync')),
    );
    await syncWaiting(probe);
    const starts = await liveCheck(phone);
    order.push('live');
    await Promise.all(sync);

    expect(Array.isArray(starts)).toBe(true); // Cal.com's answer, not a refusal
    // Answered while two windows' worth of sync requests still waited for room.
    expect(order.indexOf('live')).toBeLessThanOrEqual(SYNC_SHARE);
    expect(fake.throttled).toEqual([]);
  });

  it('a 429 blocks the key for every process until its reset: the other sends nothing meanwhile', async () => {
    const [one, two] = [gateway(redis()), gateway(redis())];
    // Another application used the key's whole window.
    for (let i = 0; i < THROTTLE.limit; i++) {
      await fetch(`${fake.url}/v2/bookings/none`, {
        headers: { Authorization: 'Bearer cal_test_shared_key', 'cal-api-version': '2024-08-13' },
      });
    }
    await expect(create(one)).rejects.toBeInstanceOf(CalendarRateLimited);
    const sent = fake.requests.length;
    const refused = await liveCheck(two).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CalendarRateLimited);
    expect((refused as CalendarRateLimited).detail).toMatch(/nothing sent/);
    expect(fake.requests.length).toBe(sent);
    // The sync waits out the block and goes then.
    await expect(create(two)).resolves.toMatchObject({ status: 'accepted' });
    expect(fake.throttled).toHaveLength(1);
  });

  it('what Cal.com counted beyond ours (another application on the key) slows the sync before a 429', async () => {
    const g = gateway(redis());
    await create(g); // Cal.com's window starts here
    for (let i = 0; i < 5; i++) {
      await fetch(`${fake.url}/v2/bookings/none`, {
        headers: { Authorization: 'Bearer cal_test_shared_key', 'cal-api-version': '2024-08-13' },
      });
    }
    await create(g); // its answer says 7 used
    await Promise.all(Array.from({ length: SYNC_SHARE }, () => create(g)));
    expect(fake.throttled).toEqual([]);
  });

  it('with Redis away each process counts alone (fail-open): nothing is lost, nothing refused', async () => {
    const away = failFastConnection('redis://127.0.0.1:1', 50);
    clients.push(away);
    const g = gateway(away);
    const booked = await Promise.all(Array.from({ length: 2 * SYNC_SHARE }, () => create(g)));
    expect(booked).toHaveLength(16);
    expect(fake.live()).toHaveLength(16);
    expect(fake.throttled).toEqual([]);
  });

  it('reconciliation waits behind the sync, also behind another process', async () => {
    const [worker, reconciler] = [gateway(redis()), gateway(redis())];
    const probe = redis();
    const order: string[] = [];
    const sync = Array.from({ length: 2 * SYNC_SHARE }, () =>
      create(worker).then(() => order.push('sync')),
    );
    await syncWaiting(probe);
    const listing = reconciler
      .listBookings({
        credentialRef: REF,
        eventTypeIds: [9001],
        range: TimeRange.of(new Date('2027-01-01T00:00:00Z'), new Date('2027-02-01T00:00:00Z')),
      })
      .then(() => order.push('reconcile'));
    await Promise.all([...sync, listing]);
    expect(order.indexOf('reconcile')).toBe(order.length - 1);
    expect(fake.throttled).toEqual([]);
  });
});
