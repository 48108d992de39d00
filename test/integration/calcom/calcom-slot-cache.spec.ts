import Redis from 'ioredis';
import nock from 'nock';
import { TimeRange } from '../../../src/domain/shared/time-range';
import type {
  AvailableStartsQuery,
  SlotScope,
} from '../../../src/application/ports/calendar-gateway.port';
import type { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { CalcomSlotCache } from '../../../src/adapters/outbound/calcom/calcom-slot-cache';
import {
  CALCOM,
  bookingOutput,
  makeGateway,
  PATIENT_REDIS_MS,
  slotsData,
  success,
  watchUnmatched,
} from './calcom.fixtures';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const PREFIX = `test:calcom-slot-cache:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`;

const RANGE = TimeRange.of(new Date('2026-09-14T06:00:00Z'), new Date('2026-09-14T16:00:00Z'));
const EVENT_TYPE = 4242;

/** Two tenants whose branch, stylist and event type ids happen to be the same. */
const TENANT_A = { ref: 'cred-salon-a', key: 'Bearer cal_test_salon_a', companyId: 'company-a' };
const TENANT_B = { ref: 'cred-salon-b', key: 'Bearer cal_test_salon_b', companyId: 'company-b' };

const query = (tenant: typeof TENANT_A, scope: Partial<SlotScope> = {}): AvailableStartsQuery => ({
  credentialRef: tenant.ref,
  scope: { companyId: tenant.companyId, branchId: 'branch-1', staffId: 'staff-1', ...scope },
  eventTypeId: EVENT_TYPE,
  range: RANGE,
  timeZone: 'Europe/Berlin',
});

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

/** One GET /v2/slots for this tenant's key, answered once. */
/** Answers once; with `until`, only after the test lets it (an answer surely still on its way). */
function slotsOnce(tenant: typeof TENANT_A, starts: string[], until?: Promise<void>): nock.Scope {
  const answer: [number, Record<string, unknown>] = [200, success(slotsData(starts))];
  return nock(CALCOM)
    .get('/v2/slots')
    .query({
      eventTypeId: String(EVENT_TYPE),
      start: RANGE.start.toISOString(),
      end: RANGE.end.toISOString(),
      timeZone: 'Europe/Berlin',
      format: 'range',
    })
    .matchHeader('authorization', tenant.key)
    .matchHeader('cal-api-version', '2024-09-04')
    .once()
    .reply((_uri, _body, callback) => {
      if (!until) return callback(null, answer);
      void until.then(() => callback(null, answer));
    });
}

/** A promise the test resolves when it has seen what it wanted while an answer was held back. */
function heldBack(): { until: Promise<void>; release: () => void } {
  let release!: () => void;
  const until = new Promise<void>((r) => (release = r));
  return { until, release };
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

describe('Cal.com slot cache (real Redis)', () => {
  let redis: Redis;
  let gateway: CalcomCalendarGateway;
  let watch: ReturnType<typeof watchUnmatched>;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });

  beforeEach(async () => {
    await deleteKeys(redis, `${PREFIX}:*`);
    watch = watchUnmatched();
    gateway = makeGateway({ slotCache: { keyPrefix: PREFIX, ttlSeconds: 60 } }, { redis });
  });

  afterEach(() => {
    gateway.close();
    watch.stop();
    expect(watch.unmatched).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });

  afterAll(async () => {
    await deleteKeys(redis, `${PREFIX}:*`);
    await redis.quit();
    nock.enableNetConnect();
    nock.restore();
  });

  it('keeps two tenants with the same branch, stylist and event type ids apart', async () => {
    slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
    slotsOnce(TENANT_B, ['2026-09-14T15:00:00.000+02:00']);

    const a1 = await gateway.availableStarts(query(TENANT_A));
    const b1 = await gateway.availableStarts(query(TENANT_B));
    // Second round is served from Redis: no interceptor is left, nothing goes out.
    const a2 = await gateway.availableStarts(query(TENANT_A));
    const b2 = await gateway.availableStarts(query(TENANT_B));

    expect(iso(a1)).toEqual(['2026-09-14T07:00:00.000Z']);
    expect(iso(b1)).toEqual(['2026-09-14T13:00:00.000Z']);
    expect(iso(a2)).toEqual(iso(a1));
    expect(iso(b2)).toEqual(iso(b1));

    const keys = await redis.keys(`${PREFIX}:*`);
    expect(keys.filter((k) => k.includes(':company-a:')).length).toBe(1);
    expect(keys.filter((k) => k.includes(':company-b:')).length).toBe(1);
  });

  it('caches under a key naming tenant, branch, event type and stylist, with the TTL', async () => {
    slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
    await gateway.availableStarts(query(TENANT_A));

    const [key] = await redis.keys(`${PREFIX}:company-a:*`);
    expect(key).toBe(
      `${PREFIX}:company-a:branch-1:${EVENT_TYPE}:staff-1:2026-09-14T06:00:00.000Z:2026-09-14T16:00:00.000Z:-:g0.0.0`,
    );
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('an invalidation of the stylist drops the cached answer, only for that tenant', async () => {
    slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00', '2026-09-14T10:00:00.000+02:00']);
    slotsOnce(TENANT_B, ['2026-09-14T09:00:00.000+02:00']);
    await gateway.availableStarts(query(TENANT_A));
    await gateway.availableStarts(query(TENANT_B));

    await gateway.invalidateSlots({
      companyId: 'company-a',
      branchId: 'branch-1',
      staffId: 'staff-1',
    });
    const refetch = slotsOnce(TENANT_A, ['2026-09-14T10:00:00.000+02:00']);

    const a = await gateway.availableStarts(query(TENANT_A));
    const b = await gateway.availableStarts(query(TENANT_B));

    expect(refetch.isDone()).toBe(true);
    expect(iso(a)).toEqual(['2026-09-14T08:00:00.000Z']);
    expect(iso(b)).toEqual(['2026-09-14T07:00:00.000Z']);
  });

  it('an invalidation of the branch drops every stylist of it', async () => {
    slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
    await gateway.availableStarts(query(TENANT_A, { staffId: 'staff-1' }));

    await gateway.invalidateSlots({ companyId: 'company-a', branchId: 'branch-1' });
    const refetch = slotsOnce(TENANT_A, ['2026-09-14T11:00:00.000+02:00']);
    const a = await gateway.availableStarts(query(TENANT_A, { staffId: 'staff-1' }));

    expect(refetch.isDone()).toBe(true);
    expect(iso(a)).toEqual(['2026-09-14T09:00:00.000Z']);
  });

  it('a booking change through the gateway invalidates the slot scope it names', async () => {
    slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
    await gateway.availableStarts(query(TENANT_A));

    nock(CALCOM).post('/v2/bookings').reply(201, success(bookingOutput()));
    await gateway.createBooking({
      credentialRef: TENANT_A.ref,
      eventTypeId: EVENT_TYPE,
      start: new Date('2026-09-14T07:00:00Z'),
      attendee: { name: 'Dana Schmidt', timeZone: 'Europe/Berlin', language: 'de' },
      metadata: { appointment_id: 'appt-1', phase_id: 'phase-1', company_id: 'company-a' },
      slotScope: { companyId: 'company-a', branchId: 'branch-1', staffId: 'staff-1' },
    });

    const refetch = slotsOnce(TENANT_A, []);
    const a = await gateway.availableStarts(query(TENANT_A));
    expect(refetch.isDone()).toBe(true);
    expect(a).toEqual([]);
  });

  it('a booking on one day keeps the stylist’s answers about days further away', async () => {
    const FAR = TimeRange.of(new Date('2026-09-21T06:00:00Z'), new Date('2026-09-21T16:00:00Z'));
    const farQuery = { ...query(TENANT_A), range: FAR };
    const farSlots = () =>
      nock(CALCOM)
        .get('/v2/slots')
        .query({
          eventTypeId: String(EVENT_TYPE),
          start: FAR.start.toISOString(),
          end: FAR.end.toISOString(),
          timeZone: 'Europe/Berlin',
          format: 'range',
        })
        .once()
        .reply(200, success(slotsData(['2026-09-21T09:00:00.000+02:00'])));
    slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
    const far = farSlots();
    await gateway.availableStarts(query(TENANT_A));
    await gateway.availableStarts(farQuery);
    expect(far.isDone()).toBe(true);

    await gateway.invalidateSlots({
      companyId: 'company-a',
      branchId: 'branch-1',
      staffId: 'staff-1',
      around: { start: new Date('2026-09-14T08:00:00Z'), end: new Date('2026-09-14T08:30:00Z') },
    });

    // The changed day is asked again; the day a week later still comes from the cache.
    const near = slotsOnce(TENANT_A, []);
    expect(await gateway.availableStarts(query(TENANT_A))).toEqual([]);
    expect(near.isDone()).toBe(true);
    expect(iso(await gateway.availableStarts(farQuery))).toEqual(['2026-09-21T07:00:00.000Z']);
    expect(watch.unmatched).toEqual([]);
  });

  it('an answer over many days is dropped by a change on any of them', async () => {
    const MONTH = TimeRange.of(new Date('2026-09-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'));
    const monthQuery = { ...query(TENANT_A), range: MONTH };
    const month = (starts: string[]) =>
      nock(CALCOM)
        .get('/v2/slots')
        .query({
          eventTypeId: String(EVENT_TYPE),
          start: MONTH.start.toISOString(),
          end: MONTH.end.toISOString(),
          timeZone: 'Europe/Berlin',
          format: 'range',
        })
        .once()
        .reply(200, success(slotsData(starts)));
    month(['2026-09-25T09:00:00.000+02:00']);
    await gateway.availableStarts(monthQuery);
    await gateway.invalidateSlots({
      companyId: 'company-a',
      branchId: 'branch-1',
      staffId: 'staff-1',
      around: { start: new Date('2026-09-25T07:00:00Z'), end: new Date('2026-09-25T07:30:00Z') },
    });
    const again = month([]);
    expect(await gateway.availableStarts(monthQuery)).toEqual([]);
    expect(again.isDone()).toBe(true);
  });

  it('20 concurrent misses make one upstream call', async () => {
    const upstream = slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => gateway.availableStarts(query(TENANT_A))),
    );

    expect(upstream.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    expect(watch.unmatched).toEqual([]);
    for (const answer of answers) expect(iso(answer)).toEqual(['2026-09-14T07:00:00.000Z']);
  });

  it('without Redis, concurrent misses still share one call and nothing is kept', async () => {
    const noRedis = makeGateway({}, { redis: null });
    try {
      const first = slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
      const burst = await Promise.all(
        Array.from({ length: 5 }, () => noRedis.availableStarts(query(TENANT_A))),
      );
      expect(first.isDone()).toBe(true);
      expect(new Set(burst.map((a) => iso(a).join()))).toEqual(
        new Set(['2026-09-14T07:00:00.000Z']),
      );

      const second = slotsOnce(TENANT_A, []);
      await noRedis.availableStarts(query(TENANT_A));
      expect(second.isDone()).toBe(true);
    } finally {
      noRedis.close();
    }
  });

  it('does not cache a failed answer', async () => {
    nock(CALCOM)
      .get('/v2/slots')
      .query(true)
      .once()
      .reply(500, { status: 'error', error: { message: 'x' } });
    await expect(gateway.availableStarts(query(TENANT_A))).rejects.toMatchObject({
      code: 'CALENDAR.SERVER_ERROR',
    });

    const retry = slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
    const a = await gateway.availableStarts(query(TENANT_A));
    expect(retry.isDone()).toBe(true);
    expect(iso(a)).toEqual(['2026-09-14T07:00:00.000Z']);
  });

  describe('asked again before expiry, through the gateway (HTTP client, breaker, timeouts)', () => {
    const KEY = {
      companyId: TENANT_A.companyId,
      branchId: 'branch-1',
      eventTypeId: EVENT_TYPE,
      staffId: 'staff-1',
      from: RANGE.start,
      to: RANGE.end,
    };

    /** The Redis key the gateway's cache reads KEY's answer under now. */
    const keyNow = async () =>
      (await new CalcomSlotCache(redis, {
        keyPrefix: PREFIX,
        ttlSeconds: 60,
        redisTimeoutMs: PATIENT_REDIS_MS,
      }).currentKey(KEY))!;

    /** Reads an answer once, then leaves it 5 s to live (inside the 15 s refresh mark). */
    async function cachedAndNearlyExpired(): Promise<void> {
      gateway.close();
      gateway = makeGateway(
        { slotCache: { keyPrefix: PREFIX, ttlSeconds: 60, refreshAheadSeconds: 15 } },
        { redis },
      );
      slotsOnce(TENANT_A, ['2026-09-14T09:00:00.000+02:00']);
      expect(iso(await gateway.availableStarts(query(TENANT_A)))).toEqual([
        '2026-09-14T07:00:00.000Z',
      ]);
      await redis.pexpire(await keyNow(), 5_000);
    }

    it('answers at once from the cache and stores what Cal.com answers behind the caller', async () => {
      await cachedAndNearlyExpired();
      const cal = heldBack();
      const behind = slotsOnce(TENANT_A, ['2026-09-14T10:00:00.000+02:00'], cal.until);

      expect(iso(await gateway.availableStarts(query(TENANT_A)))).toEqual([
        '2026-09-14T07:00:00.000Z',
      ]);
      // The caller had its answer while Cal.com's new one was still on its way.
      expect(JSON.parse((await redis.get(await keyNow()))!)).toEqual(['2026-09-14T07:00:00.000Z']);
      cal.release();
      await gateway.onModuleDestroy(); // waits for the refresh under way

      expect(behind.isDone()).toBe(true);
      expect(iso(await gateway.availableStarts(query(TENANT_A)))).toEqual([
        '2026-09-14T08:00:00.000Z',
      ]);
    });

    it('a Cal.com error behind the caller leaves the old answer; a reader meanwhile does not ask again', async () => {
      await cachedAndNearlyExpired();
      // Held back, so the second read surely comes while the first one's refresh is under way.
      const cal = heldBack();
      const failing = nock(CALCOM)
        .get('/v2/slots')
        .query(true)
        .once()
        .reply((_uri, _body, callback) => {
          void cal.until.then(() =>
            callback(null, [
              500,
              { status: 'error', error: { code: 'INTERNAL_SERVER_ERROR', message: 'boom' } },
            ]),
          );
        });

      expect(iso(await gateway.availableStarts(query(TENANT_A)))).toEqual([
        '2026-09-14T07:00:00.000Z',
      ]);
      expect(iso(await gateway.availableStarts(query(TENANT_A)))).toEqual([
        '2026-09-14T07:00:00.000Z',
      ]);
      cal.release();
      await gateway.onModuleDestroy();

      expect(failing.isDone()).toBe(true);
      expect(gateway.breakerState(TENANT_A.ref)).toBe('closed');
    });
  });
});

describe('Cal.com slot cache: answers in use are asked again before they expire (real Redis)', () => {
  const AHEAD_PREFIX = `${PREFIX}:ahead`;
  const KEY = {
    companyId: 'company-a',
    branchId: 'branch-1',
    eventTypeId: EVENT_TYPE,
    staffId: 'staff-1',
    from: RANGE.start,
    to: RANGE.end,
  };
  const NINE = new Date('2026-09-14T07:00:00.000Z');
  const TEN = new Date('2026-09-14T08:00:00.000Z');
  let redis: Redis;
  let cache: CalcomSlotCache;

  /** Cal.com's answers in turn; each ask is counted and may be held back until released. */
  function upstream(...answers: Array<Date[] | Error>) {
    const asked = { count: 0 };
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let holding = false;
    const load = async () => {
      const answer = answers[Math.min(asked.count++, answers.length - 1)];
      if (holding) await held;
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return {
      load,
      asked,
      holdBack: () => (holding = true),
      release: () => release(),
    };
  }

  /** Leaves the cached answer `ms` to live, as if it had been read that late in its TTL. */
  async function ageTo(ms: number): Promise<void> {
    await redis.pexpire((await cache.currentKey(KEY))!, ms);
  }

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });

  beforeEach(async () => {
    await deleteKeys(redis, `${AHEAD_PREFIX}:*`);
    cache = new CalcomSlotCache(redis, {
      keyPrefix: AHEAD_PREFIX,
      ttlSeconds: 60,
      refreshAheadSeconds: 15,
      redisTimeoutMs: PATIENT_REDIS_MS,
    });
  });

  afterEach(async () => {
    await cache.refreshesSettled();
  });

  afterAll(async () => {
    await deleteKeys(redis, `${AHEAD_PREFIX}:*`);
    await redis.quit();
  });

  it('answers from the cache near expiry, asks again behind, and the next caller gets the new answer with a full TTL', async () => {
    const calcom = upstream([NINE], [TEN]);
    expect(await cache.getOrLoad(KEY, calcom.load)).toEqual([NINE]);
    await ageTo(5_000);

    expect(await cache.getOrLoad(KEY, calcom.load)).toEqual([NINE]);
    await cache.refreshesSettled();

    expect(calcom.asked.count).toBe(2);
    expect(await redis.pttl((await cache.currentKey(KEY))!)).toBeGreaterThan(15_000);
    expect(await cache.getOrLoad(KEY, calcom.load)).toEqual([TEN]);
    expect(calcom.asked.count).toBe(2);
  });

  it.each([
    ['with time to spare', 40_000, 1],
    ['just above the refresh mark', 20_000, 1],
    ['inside the refresh mark', 14_000, 2],
  ])('an answer read %s is asked again only inside the mark', async (_, left, asks) => {
    const calcom = upstream([NINE], [TEN]);
    await cache.getOrLoad(KEY, calcom.load);
    await ageTo(left);
    await cache.getOrLoad(KEY, calcom.load);
    await cache.refreshesSettled();
    expect(calcom.asked.count).toBe(asks);
  });

  it('callers reading a nearly expired answer, at once or one after another, ask Cal.com again once', async () => {
    const calcom = upstream([NINE], [TEN]);
    await cache.getOrLoad(KEY, calcom.load);
    await ageTo(5_000);
    calcom.holdBack();

    const together = await Promise.all(
      Array.from({ length: 10 }, () => cache.getOrLoad(KEY, calcom.load)),
    );
    const inTurn: Date[][] = [];
    for (let i = 0; i < 10; i++) inTurn.push(await cache.getOrLoad(KEY, calcom.load));
    calcom.release();
    await cache.refreshesSettled();

    for (const answer of [...together, ...inTurn]) expect(answer).toEqual([NINE]);
    expect(calcom.asked.count).toBe(2);
  });

  it('a failed ask leaves the old answer to its TTL, and the caller never sees the failure', async () => {
    const calcom = upstream([NINE], new Error('Cal.com is down'));
    await cache.getOrLoad(KEY, calcom.load);
    await ageTo(5_000);

    expect(await cache.getOrLoad(KEY, calcom.load)).toEqual([NINE]);
    await cache.refreshesSettled();

    expect(calcom.asked.count).toBe(2);
    expect(await redis.get((await cache.currentKey(KEY))!)).toBe(JSON.stringify([NINE]));
  });

  it('an answer asked again before a change is not served after it', async () => {
    const calcom = upstream([NINE], [NINE], [TEN]);
    await cache.getOrLoad(KEY, calcom.load);
    await ageTo(5_000);
    calcom.holdBack();
    await cache.getOrLoad(KEY, calcom.load); // asks again behind; Cal.com's answer is held

    await cache.invalidate({ companyId: 'company-a', branchId: 'branch-1', staffId: 'staff-1' });
    calcom.release();
    await cache.refreshesSettled();

    expect(await cache.getOrLoad(KEY, calcom.load)).toEqual([TEN]);
    expect(calcom.asked.count).toBe(3);
  });

  it('stopped for shutdown, it waits for a refresh under way and starts none after', async () => {
    const calcom = upstream([NINE], [TEN], [TEN]);
    await cache.getOrLoad(KEY, calcom.load);
    await ageTo(5_000);
    calcom.holdBack();
    await cache.getOrLoad(KEY, calcom.load);

    let stopped = false;
    const stopping = cache.stopRefreshing().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    calcom.release();
    await stopping;

    await ageTo(5_000);
    expect(await cache.getOrLoad(KEY, calcom.load)).toEqual([TEN]);
    await cache.refreshesSettled();
    expect(calcom.asked.count).toBe(2);
  });

  it('refreshes in at most the second half of an answer’s life, whatever the mark says', async () => {
    cache = new CalcomSlotCache(redis, {
      keyPrefix: AHEAD_PREFIX,
      ttlSeconds: 60,
      refreshAheadSeconds: 600,
      redisTimeoutMs: PATIENT_REDIS_MS,
    });
    const calcom = upstream([NINE], [TEN]);
    await cache.getOrLoad(KEY, calcom.load);
    await ageTo(40_000);
    await cache.getOrLoad(KEY, calcom.load);
    await cache.refreshesSettled();
    expect(calcom.asked.count).toBe(1);
  });

  it('with the refresh turned off, an answer is only asked again once it expired', async () => {
    cache = new CalcomSlotCache(redis, {
      keyPrefix: AHEAD_PREFIX,
      ttlSeconds: 60,
      redisTimeoutMs: PATIENT_REDIS_MS,
    });
    const calcom = upstream([NINE], [TEN]);
    await cache.getOrLoad(KEY, calcom.load);
    await ageTo(5_000);
    expect(await cache.getOrLoad(KEY, calcom.load)).toEqual([NINE]);
    await cache.refreshesSettled();
    expect(calcom.asked.count).toBe(1);
  });
});
