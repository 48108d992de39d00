import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import nock from 'nock';
import { toCalendarEvent } from '../../../src/adapters/inbound/calcom-webhook/calcom-webhook.mapper';
import type { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { TypeOrmCalendarMappingRepository } from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import { TypeOrmOutsideCalendarBlocks } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outside-calendar-blocks';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import type { AvailableStartsQuery } from '../../../src/application/ports/calendar-gateway.port';
import {
  ApplyCalendarEventUseCase,
  type CalendarEvent,
  type CalendarEventOutcome,
} from '../../../src/application/sync/apply-calendar-event.use-case';
import { TimeRange } from '../../../src/domain/shared/time-range';
import { CALCOM, makeGateway, slotsData, success, watchUnmatched } from '../calcom/calcom.fixtures';
import { at, book, createWorld, CUT_EVENT_TYPE, REDIS_URL, type World } from './sync-harness';

const now = new Date('2026-11-26T14:00:00Z');
const PREFIX = `test:webhook-slot-cache:${process.pid}:${randomUUID().slice(0, 8)}`;
const DAY = TimeRange.of(at('08:00'), at('18:00'));

/**
 * Slot answers cached in real Redis (the Cal.com gateway's own cache, Cal.com stubbed like the
 * contracts) and a signed webhook's event applied on real Postgres: afterwards the stylist's
 * answer is asked of Cal.com again, while other stylists' stay cached.
 */
describe('Cal.com webhooks drop cached slot answers', () => {
  let w: World;
  let redis: Redis;
  let gateway: CalcomCalendarGateway;
  let events: ApplyCalendarEventUseCase;
  let watch: ReturnType<typeof watchUnmatched>;
  let other: string;

  const query = (staffId: string): AvailableStartsQuery => ({
    credentialRef: 'cred-salon-a',
    scope: { companyId: w.salon.companyId, branchId: w.salon.branch.id, staffId },
    eventTypeId: CUT_EVENT_TYPE,
    range: DAY,
    timeZone: 'Europe/Berlin',
  });
  /** Cal.com answers one GET /v2/slots with these starts. */
  const calcomOffers = (...starts: Date[]) =>
    nock(CALCOM)
      .get('/v2/slots')
      .query(true)
      .once()
      .reply(200, success(slotsData(starts.map((d) => d.toISOString()))));
  const slotsOf = async (staffId: string) =>
    (await gateway.availableStarts(query(staffId))).map((d) => d.toISOString());

  const event = (
    trigger: string,
    uid: string,
    start: Date,
    extra: { metadata?: Record<string, string>; rescheduleUid?: string } = {},
  ): CalendarEvent =>
    toCalendarEvent({
      triggerEvent: trigger,
      createdAt: now.toISOString(),
      payload: {
        type: 'herrenhaarschnitt-anna',
        title: 'Termin',
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 30 * 60_000).toISOString(),
        uid,
        bookingId: 4711,
        eventTypeId: CUT_EVENT_TYPE,
        status: trigger === 'BOOKING_CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
        organizer: { name: 'Anna', email: 'anna@salon.example', timeZone: 'Europe/Berlin' },
        attendees: [],
        metadata: extra.metadata ?? {},
        ...(extra.rescheduleUid ? { rescheduleUid: extra.rescheduleUid } : {}),
      },
    })!;
  const apply = (e: CalendarEvent) =>
    events.execute(e, { kind: 'tenants', companyIds: [w.salon.companyId] });
  const ours = async (start: Date) => {
    const a = await book(w, w.cut, start);
    return {
      appointment_id: a.id,
      phase_id: a.phases[0].id,
      company_id: w.salon.companyId,
    };
  };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
    w = await createWorld({ redis: false, startWorker: false });
    other = w.salon.staff.find((s) => s.id !== w.anna)!.id;
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    gateway = makeGateway({ slotCache: { keyPrefix: PREFIX, ttlSeconds: 60 } }, { redis });
    const m = w.db.dataSource.manager;
    events = new ApplyCalendarEventUseCase(
      new TypeOrmCalendarMappingRepository(m),
      w.ledger,
      new TypeOrmOutsideCalendarBlocks(m),
      new TypeOrmUnitOfWork(w.db.dataSource),
      portsFor(m).audit,
      { now: () => now },
      gateway,
      { kick: () => undefined },
    );
  });
  beforeEach(async () => {
    watch = watchUnmatched();
    // Every case starts with nothing cached.
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  afterEach(() => {
    watch.stop();
    const pending = nock.pendingMocks();
    nock.cleanAll(); // first, so one failing case leaves nothing behind for the next
    expect(watch.unmatched).toEqual([]);
    expect(pending).toEqual([]);
  });
  afterAll(async () => {
    gateway?.close();
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await w?.close();
    nock.enableNetConnect();
    nock.restore();
  });

  // Each case is one webhook effect; the events build on each other (block → move → release).
  const cases: Array<[string, () => Promise<CalendarEvent>, CalendarEventOutcome]> = [
    [
      'an outside booking blocks the stylist',
      async () => event('BOOKING_CREATED', 'outside-1', at('09:00')),
      'blocked',
    ],
    [
      'the outside booking is moved',
      async () =>
        event('BOOKING_RESCHEDULED', 'outside-2', at('09:30'), { rescheduleUid: 'outside-1' }),
      'moved',
    ],
    [
      'the outside booking is cancelled',
      async () => event('BOOKING_CANCELLED', 'outside-2', at('09:30')),
      'released',
    ],
    [
      'our appointment is cancelled in the calendar',
      async () =>
        event('BOOKING_CANCELLED', 'ours-1', at('11:00'), { metadata: await ours(at('11:00')) }),
      'appointment_cancelled',
    ],
    [
      'our appointment is moved in the calendar',
      async () =>
        event('BOOKING_RESCHEDULED', 'ours-2b', at('14:00'), {
          metadata: await ours(at('13:00')),
          rescheduleUid: 'ours-2a',
        }),
      'appointment_moved',
    ],
  ];

  it.each(cases)('%s: the stylist is asked of Cal.com again', async (_, make, outcome) => {
    const e = await make();
    calcomOffers(at('09:00'), at('10:00'));
    calcomOffers(at('16:00'));
    expect(await slotsOf(w.anna)).toEqual([at('09:00'), at('10:00')].map((d) => d.toISOString()));
    expect(await slotsOf(other)).toEqual([at('16:00').toISOString()]);
    // Served from Redis now: no interceptor is left for a second request.
    expect(await slotsOf(w.anna)).toHaveLength(2);

    expect(await apply(e)).toBe(outcome);

    calcomOffers(at('10:00'));
    expect(await slotsOf(w.anna)).toEqual([at('10:00').toISOString()]);
    expect(await slotsOf(other)).toEqual([at('16:00').toISOString()]); // still cached
  });

  it("another tenant's event leaves the cached answer", async () => {
    calcomOffers(at('09:00'));
    expect(await slotsOf(w.anna)).toEqual([at('09:00').toISOString()]);
    const foreign = { kind: 'tenants', companyIds: [randomUUID()] } as const;
    expect(await events.execute(event('BOOKING_CREATED', 'outside-9', at('09:00')), foreign)).toBe(
      'ignored',
    );
    expect(await slotsOf(w.anna)).toEqual([at('09:00').toISOString()]);
  });
});
