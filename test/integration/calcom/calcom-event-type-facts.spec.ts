import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { FakeCalcom } from '../../../bench/sync-fake-calcom';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { failFastConnection } from '../../../src/adapters/outbound/queue/redis-connections';
import type {
  CalendarCredentials,
  CreateBookingCommand,
} from '../../../src/application/ports/calendar-gateway.port';
import { CalendarBadRequest } from '../../../src/domain/calendar/calendar.errors';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const ONE_LENGTH = 9101;
const SOME_LENGTHS = 9102;

describe('what Cal.com taught about an event type is shared by every process', () => {
  const fake = new FakeCalcom();
  const gateways: CalcomCalendarGateway[] = [];
  const clients: Redis[] = [];
  let keyPrefix: string;
  const credentials: CalendarCredentials = {
    resolve: async () => ({ apiKey: 'cal_test_facts', baseUrl: fake.url }),
  };

  function gateway(redis: Redis | null): CalcomCalendarGateway {
    const g = new CalcomCalendarGateway(credentials, {
      redis,
      config: {
        allowedHosts: [new URL(fake.url).host],
        breaker: { volumeThreshold: 1000 },
        slotCache: { keyPrefix: `${keyPrefix}:slots` },
        quota: { keyPrefix: `${keyPrefix}:quota` },
        eventTypes: { keyPrefix: `${keyPrefix}:event-types`, redisTimeoutMs: 1000 },
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

  let n = 0;
  const create = (g: CalcomCalendarGateway, eventTypeId: number, lengthMinutes: number) => {
    n++;
    const command: CreateBookingCommand = {
      credentialRef: 'cred-facts',
      eventTypeId,
      start: new Date(Date.parse('2027-03-01T08:00:00Z') + n * 3600_000),
      lengthMinutes,
      attendee: { name: 'Kundin', timeZone: 'Europe/Berlin', language: 'de' },
      metadata: { appointment_id: `a-${n}`, phase_id: `p-${n}`, company_id: 'co' },
    };
    return g.createBooking(command);
  };

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.singleLength.set(ONE_LENGTH, 30);
    fake.offeredLengths.set(SOME_LENGTHS, [30, 60]);
    keyPrefix = `test-facts-${randomBytes(4).toString('hex')}`;
  });
  afterEach(() => {
    for (const g of gateways.splice(0)) g.close();
    for (const c of clients.splice(0)) c.disconnect();
  });

  it('"one length only", learnt by one process, is used by another: no second refusal', async () => {
    const [one, two] = [gateway(redis()), gateway(redis())];
    await create(one, ONE_LENGTH, 30);
    await create(two, ONE_LENGTH, 30);
    expect(fake.refusedLengths).toHaveLength(1);
    expect(fake.createBodies.map((b) => b.lengthInMinutes)).toEqual([undefined, undefined]);
    expect(fake.live()).toHaveLength(2);
  });

  it('parallel creates of one event type are refused once, not each', async () => {
    const g = gateway(redis());
    await Promise.all(Array.from({ length: 6 }, () => create(g, ONE_LENGTH, 30)));
    expect(fake.refusedLengths).toHaveLength(1);
    expect(fake.live()).toHaveLength(6);
  });

  it('a length the event type does not offer, refused once, is refused unsent by another process', async () => {
    const [one, two] = [gateway(redis()), gateway(redis())];
    await expect(create(one, SOME_LENGTHS, 45)).rejects.toBeInstanceOf(CalendarBadRequest);
    const sent = fake.requests.length;
    const refused = await create(two, SOME_LENGTHS, 45).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CalendarBadRequest);
    expect((refused as CalendarBadRequest).detail).toMatch(/not sent/);
    expect(fake.requests.length).toBe(sent);
    // Its offered lengths go on as before.
    await expect(create(two, SOME_LENGTHS, 60)).resolves.toMatchObject({ status: 'accepted' });
  });

  it('with Redis away each process learns for itself: nothing is lost', async () => {
    const away = failFastConnection('redis://127.0.0.1:1', 50);
    clients.push(away);
    const [one, two] = [gateway(away), gateway(away)];
    for (const g of [one, two, one, two]) await create(g, ONE_LENGTH, 30);
    expect(fake.refusedLengths).toHaveLength(2);
    expect(fake.live()).toHaveLength(4);
  });
});
