import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import nock from 'nock';
import { DataSource } from 'typeorm';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { dataSourceOptions } from '../../../src/adapters/outbound/persistence/data-source.factory';
import { TypeOrmCalendarMappingRepository } from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../../src/application/booking/phone-functions';
import {
  PHONE_FUNCTIONS,
  PhoneFunctions,
} from '../../../src/adapters/inbound/retell/phone-functions.dispatcher';
import { CALENDAR_GATEWAY } from '../../../src/application/ports/calendar-gateway.port';
import { CALENDAR_MAPPING_REPOSITORY } from '../../../src/application/ports/calendar-mapping.port';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../../src/application/calls/phone-traffic';
import { CLOCK } from '../../../src/application/ports/clock.port';
import { NO_PHONE_METRICS, PHONE_METRICS } from '../../../src/application/ports/phone-metrics.port';
import { NO_SYNC_KICKS, SYNC_KICKER } from '../../../src/application/ports/sync-queue.port';
import {
  MESSAGE_MAIL_QUEUE,
  NO_MESSAGE_MAILS,
} from '../../../src/application/ports/message-mail-queue.port';
import { BranchContext, SALON_CATALOG } from '../../../src/application/ports/salon-catalog.port';
import { SalonCatalog } from '../../../src/application/ports/salon-catalog.port';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { dropSlotAnswers } from '../../../src/application/sync/stylist-slot-answers';
import { BookingModule } from '../../../src/booking.module';
import { AppConfig } from '../../../src/config/app-config';
import { validateEnvironment } from '../../../src/config/environment';
import { TestClock } from '../../support/booking-app';
import { eventually } from '../../support/eventually';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import {
  CALCOM,
  PATIENT_REDIS_MS,
  slotsData,
  success,
  watchUnmatched,
} from '../calcom/calcom.fixtures';

/**
 * check_availability and book_appointment against a stylist's Cal.com calendar: real Postgres,
 * real Redis (slot cache), the real Cal.com gateway and breaker; Cal.com's GET /v2/slots is
 * answered by nock in the shape of the shared contract.
 */

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const PREFIX = `test:live-calendar:${process.pid}:${Date.now()}`;
// Thursday 26 Nov 2026, 15:00 in Berlin; the wishes are for Friday the 27th.
const NOW = new Date('2026-11-26T14:00:00Z');
const FRIDAY = '2026-11-27';
// Checks that should hear Cal.com get the longest budget there is, so a slow machine cannot turn
// them into local answers; the tests about the budget shorten it themselves.
const GENEROUS_BUDGET_MS = 3000;
const SHORT_BUDGET_MS = 300;
const CUT_EVENT_TYPE = 7100;
const PERM_EVENT_TYPES = [7001, 7002, 7003];
const API_KEY = 'cal_test_haarmonie';
const CALLER = '+4915112345678';
const callId = (n: number) => `call_${n.toString(16).padStart(32, '0')}`;
const at = (hhmm: string) => new Date(`${FRIDAY}T${hhmm}:00+01:00`);

/** Start instants (Cal.com's +01:00 form) every `step` minutes from 09:00 to before 18:30. */
function grid(step: number, except: string[] = []): string[] {
  const starts: string[] = [];
  for (let m = 9 * 60; m < 18 * 60 + 30; m += step) {
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    if (!except.includes(hhmm)) starts.push(`${FRIDAY}T${hhmm}:00.000+01:00`);
  }
  return starts;
}

interface SlotsAsk {
  eventTypeId: number;
  start: string;
  end: string;
  timeZone: string;
}

/** What the fake Cal.com offers per event type, how it answers, and what it was asked. */
const calcom = {
  offered: new Map<number, string[]>(),
  asks: [] as SlotsAsk[],
  /** Answers sent so far. */
  answered: 0,
  status: 200,
  delayMs: 0,
  /** While set, Cal.com holds every answer until the test lets it go. */
  held: null as Promise<void> | null,
  letGo: () => {},
};

/** Holds Cal.com's answers; the function returned lets them go. */
function holdAnswers(): () => void {
  let release = () => {};
  calcom.held = new Promise<void>((resolve) => (release = resolve));
  calcom.letGo = () => {
    calcom.held = null;
    release();
  };
  return calcom.letGo;
}

function serveSlots(): void {
  nock(CALCOM)
    .persist()
    .get('/v2/slots')
    .query(true)
    .matchHeader('authorization', `Bearer ${API_KEY}`)
    .matchHeader('cal-api-version', '2024-09-04')
    .reply(function (uri, _body, callback) {
      const q = new URL(uri, CALCOM).searchParams;
      const ask = {
        eventTypeId: Number(q.get('eventTypeId')),
        start: q.get('start') ?? '',
        end: q.get('end') ?? '',
        timeZone: q.get('timeZone') ?? '',
      };
      calcom.asks.push(ask);
      const reply: [number, Record<string, unknown>] =
        calcom.status === 200
          ? [
              200,
              success(
                slotsData(
                  calcom.offered.get(ask.eventTypeId) ?? [],
                  q.get('format') === 'range' ? Number(q.get('duration')) || 30 : undefined,
                ),
              ),
            ]
          : [calcom.status, { status: 'error', error: { message: 'Internal server error' } }];
      const answer = () =>
        setTimeout(() => {
          calcom.answered += 1;
          callback(null, reply);
        }, calcom.delayMs);
      if (calcom.held) void calcom.held.then(answer);
      else answer();
    });
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** The slot answers kept in Redis (not the generation counters). */
async function cachedAnswers(redis: Redis): Promise<string[]> {
  const keys = await redis.keys(`${PREFIX}:*`);
  return keys.filter((key) => !key.startsWith(`${PREFIX}:gen:`));
}

describe('availability checked against the stylist’s Cal.com calendar', () => {
  let db: TestDatabase;
  let app: TestingModule;
  let redis: Redis;
  let gateway: CalcomCalendarGateway;
  let functions: PhoneFunctions;
  let ds: DataSource;
  let salon: BranchContext;
  let anna: string;
  let credentialId: string;
  let watch: ReturnType<typeof watchUnmatched>;
  /** Sets how long a check waits for Cal.com (read by every check as it begins). */
  let budget: (ms: number) => void;
  const clock = new TestClock(NOW);

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
    db = await createTestDatabase();
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    gateway = new CalcomCalendarGateway(
      { resolve: async () => ({ apiKey: API_KEY }) },
      {
        redis,
        config: {
          timeouts: { slotsMs: 5000, bookingsMs: 5000 },
          breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 },
          slotCache: { keyPrefix: PREFIX, ttlSeconds: 60, redisTimeoutMs: PATIENT_REDIS_MS },
        },
      },
    );
    const env = validateEnvironment({
      DATABASE_URL: db.url,
      SEED_DEMO_SALON: 'false',
      CALCOM_API_KEY: API_KEY,
      CALCOM_LIVE_CHECK_BUDGET_MS: String(GENEROUS_BUDGET_MS),
    });
    budget = (ms) => {
      env.CALCOM_LIVE_CHECK_BUDGET_MS = ms;
    };

    @Global()
    @Module({
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: AppConfig, useValue: new AppConfig(env) },
        { provide: CALENDAR_GATEWAY, useValue: gateway },
        {
          provide: CALENDAR_MAPPING_REPOSITORY,
          inject: [DataSource],
          useFactory: (source: DataSource) => new TypeOrmCalendarMappingRepository(source.manager),
        },
        { provide: SYNC_KICKER, useValue: NO_SYNC_KICKS },
        { provide: PHONE_TRAFFIC, useValue: new PhoneTraffic(0) },
        { provide: PHONE_METRICS, useValue: NO_PHONE_METRICS },
        { provide: MESSAGE_MAIL_QUEUE, useValue: NO_MESSAGE_MAILS },
      ],
      exports: [
        CLOCK,
        AppConfig,
        CALENDAR_GATEWAY,
        CALENDAR_MAPPING_REPOSITORY,
        SYNC_KICKER,
        PHONE_TRAFFIC,
        PHONE_METRICS,
        MESSAGE_MAIL_QUEUE,
      ],
    })
    class CalendarTestModule {}

    app = await Test.createTestingModule({
      imports: [
        CalendarTestModule,
        TypeOrmModule.forRoot(dataSourceOptions({ url: db.url })),
        BookingModule,
      ],
    }).compile();
    await app.init();
    const file = JSON.parse(
      readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
    );
    if (!(await app.get(ImportSalonUseCase).execute(file)).ok) throw new Error('no demo salon');
    functions = app.get(PHONE_FUNCTIONS);
    ds = app.get(DataSource);
    const catalog = app.get<SalonCatalog>(SALON_CATALOG);
    salon = (await catalog.branchContext(
      (await catalog.branchIdForAnsweredNumber('+4930901820'))!,
    ))!;
    anna = salon.staff.find((s) => s.name === 'Anna')!.id;
    const cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
    const perm = salon.services.find((s) => s.name === 'Dauerwelle')!;

    // Anna is in Cal.com (her cut, and each working step of a perm); Mehmet and Lena are not.
    [{ id: credentialId }] = await ds.query(
      `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted)
       VALUES ($1, 'main', $2, 'unused-here') RETURNING id`,
      [salon.companyId, CALCOM],
    );
    await ds.query(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [salon.companyId, credentialId, cut.id, anna, CUT_EVENT_TYPE],
    );
    for (const [i, seq] of [0, 2, 4].entries()) {
      await ds.query(
        `INSERT INTO calcom_mappings(company_id, credential_id, service_id, segment_sequence, staff_id, event_type_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [salon.companyId, credentialId, perm.id, seq, anna, PERM_EVENT_TYPES[i]],
      );
    }
  });

  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    // Node's http module is shared by every test file of the run: unhook it for the next.
    nock.restore();
    await deleteKeys(redis, `${PREFIX}:*`);
    await app?.close();
    gateway.close();
    await redis.quit();
    await db.drop();
  });

  beforeEach(async () => {
    clock.set(NOW);
    budget(GENEROUS_BUDGET_MS);
    await ds.query(
      `DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM sync_outbox; DELETE FROM audit_log; DELETE FROM appointments; DELETE FROM customers`,
    );
    await deleteKeys(redis, `${PREFIX}:*`);
    calcom.offered = new Map([[CUT_EVENT_TYPE, grid(30)]]);
    calcom.asks = [];
    calcom.answered = 0;
    calcom.status = 200;
    calcom.delayMs = 0;
    calcom.held = null;
    watch = watchUnmatched();
    serveSlots();
  });

  afterEach(async () => {
    // Let late answers land before their interceptor goes; a fresh breaker per test.
    calcom.letGo();
    await new Promise((r) => setTimeout(r, calcom.delayMs + 20));
    nock.cleanAll();
    watch.stop();
    expect(watch.unmatched).toEqual([]);
    gateway.close();
  });

  const run = (
    name: PhoneFunctionName,
    args: PhoneFunctionArgs,
    call = callId(1),
  ): Promise<FunctionAnswer> =>
    functions.run(
      name,
      { companyId: salon.companyId, branchId: salon.branch.id, callId: call, callerNumber: CALLER },
      args,
    );
  const cut = (time: string, staff?: string): PhoneFunctionArgs => ({
    service: 'Herrenhaarschnitt',
    date: FRIDAY,
    time,
    ...(staff ? { staff } : {}),
  });
  const starts = (a: FunctionAnswer) =>
    (a.alternatives as Array<{ start: string; staff: string }>).map((s) => [s.staff, s.start]);

  it('asks Cal.com for the stylist’s local day and answers free when it offers the start', async () => {
    const a = await run('check_availability', cut('10:00', 'Anna'));
    expect(a).toMatchObject({
      success: true,
      available: true,
      calendar_verified: true,
      slot: { staff: 'Anna', start: at('10:00').toISOString() },
    });
    expect(a.hold).toEqual(expect.objectContaining({ id: expect.any(String) }));
    expect(calcom.asks).toEqual([
      {
        eventTypeId: CUT_EVENT_TYPE,
        start: '2026-11-26T23:00:00.000Z',
        end: '2026-11-27T23:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
    ]);
  });

  it('calls a start Cal.com does not offer taken, and offers only starts Cal.com offers', async () => {
    // Someone booked Anna 10:00-11:00 in Cal.com; our calendar does not know it.
    calcom.offered.set(CUT_EVENT_TYPE, grid(30, ['10:00', '10:30']));
    const a = await run('check_availability', cut('10:00', 'Anna'));
    expect(a).toMatchObject({
      success: false,
      code: 'AVAILABILITY.SLOT_TAKEN',
      available: false,
      reason: 'CONFLICT',
      calendar_verified: true,
    });
    expect(a.message).toContain('ist leider schon vergeben');
    // Locally nearest are 09:45 and 10:15 (both overlap the Cal.com booking): Anna's nearest
    // Cal.com offers is 09:30, and Mehmet (not in Cal.com) is free at the very time asked.
    expect(starts(a)).toEqual([
      ['Anna', at('09:30').toISOString()],
      ['Mehmet', at('10:00').toISOString()],
    ]);
    expect(calcom.asks).toHaveLength(1);
    expect(await ds.query(`SELECT 1 FROM holds`)).toHaveLength(0);

    // Insisting on Anna: only her starts, and a real choice rather than 09:30 and 09:15 (which
    // lies off Cal.com's half-hour grid but inside its free 09:00 and 09:30 windows).
    const only = await run('check_availability', { ...cut('10:00', 'Anna'), staffOnly: 'ja' });
    expect(only).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', calendar_verified: true });
    expect(starts(only)).toEqual([
      ['Anna', at('09:30').toISOString()],
      ['Anna', at('11:00').toISOString()],
    ]);
  });

  it('with any stylist, passes over one Cal.com refuses to a free one', async () => {
    calcom.offered.set(CUT_EVENT_TYPE, grid(30, ['10:00']));
    const a = await run('check_availability', cut('10:00'));
    expect(a).toMatchObject({
      available: true,
      calendar_verified: true,
      slot: { staff: 'Mehmet', start: at('10:00').toISOString() },
    });
  });

  it('leaves stylists without a mapping to the local calendar and says nothing about Cal.com', async () => {
    const a = await run('check_availability', {
      service: 'Kinderhaarschnitt',
      date: FRIDAY,
      time: '10:00',
    });
    expect(a).toMatchObject({ available: true });
    expect(['Mehmet', 'Lena']).toContain((a.slot as { staff: string }).staff);
    expect(a).not.toHaveProperty('calendar_verified');
    expect(calcom.asks).toEqual([]);
  });

  it('checks each working step of a composite service under its own event type', async () => {
    // Cal.com grids of the perm's steps: wrap 30, rinse 20, dry 25 minutes from 09:00.
    calcom.offered.set(PERM_EVENT_TYPES[0], grid(30));
    calcom.offered.set(PERM_EVENT_TYPES[1], grid(20));
    calcom.offered.set(PERM_EVENT_TYPES[2], grid(25));
    const perm = { service: 'Dauerwelle', date: FRIDAY, time: '10:00', staff: 'Anna' };
    // Steps at 10:00-10:30, 11:10-11:30 and 11:40-12:05: the last two lie off their grids.
    expect(await run('check_availability', perm)).toMatchObject({
      available: true,
      calendar_verified: true,
    });
    expect(calcom.asks.map((q) => q.eventTypeId).sort()).toEqual(PERM_EVENT_TYPES);

    // Someone takes Anna at 11:55 in Cal.com: the drying step no longer fits there.
    calcom.offered.set(PERM_EVENT_TYPES[2], grid(25, ['11:55']));
    await dropSlotAnswers(gateway, {
      companyId: salon.companyId,
      branchId: salon.branch.id,
      staffId: anna,
    });
    const b = await run('check_availability', perm, callId(2));
    expect(b).toMatchObject({ available: false, reason: 'CONFLICT', calendar_verified: true });
  });

  it('checks a visit of one stylist step by step under each service’s event type', async () => {
    calcom.offered.set(PERM_EVENT_TYPES[0], grid(30));
    calcom.offered.set(PERM_EVENT_TYPES[1], grid(20));
    calcom.offered.set(PERM_EVENT_TYPES[2], grid(25));
    const visit = {
      service: 'Herrenhaarschnitt und Dauerwelle',
      date: FRIDAY,
      time: '10:00',
      staff: 'Anna',
    };
    expect(await run('check_availability', visit)).toMatchObject({
      available: true,
      calendar_verified: true,
    });
    expect([...new Set(calcom.asks.map((q) => q.eventTypeId))].sort()).toEqual(
      [CUT_EVENT_TYPE, ...PERM_EVENT_TYPES].sort(),
    );

    // Someone takes Anna at 10:00 in Cal.com: the cut that opens the visit no longer fits.
    calcom.offered.set(CUT_EVENT_TYPE, grid(30, ['10:00']));
    await dropSlotAnswers(gateway, {
      companyId: salon.companyId,
      branchId: salon.branch.id,
      staffId: anna,
    });
    const b = await run('check_availability', { ...visit, staffOnly: 'ja' }, callId(2));
    expect(b).toMatchObject({ available: false, calendar_verified: true });
  });

  it('answers from the local calendar with calendar_verified false when Cal.com fails, and stops asking once the breaker is open', async () => {
    calcom.status = 500;
    for (const [i, time] of ['09:00', '10:00', '11:00'].entries()) {
      const a = await run('check_availability', cut(time, 'Anna'), callId(10 + i));
      expect(a).toMatchObject({
        success: true,
        available: true,
        calendar_verified: false,
        slot: { staff: 'Anna', start: at(time).toISOString() },
      });
      // The agent speaks as it would without Cal.com.
      expect(a.message).toMatch(/bei Anna ist frei für Herrenhaarschnitt\. Soll ich/);
    }
    expect(calcom.asks).toHaveLength(3);
    expect(gateway.breakerState(credentialId)).toBe('open');

    // The open breaker answers without asking: a Cal.com that would never answer is not waited for.
    const release = holdAnswers();
    const open = await run('check_availability', cut('12:00', 'Anna'), callId(13));
    release();
    expect(open).toMatchObject({ available: true, calendar_verified: false });
    expect(calcom.asks).toHaveLength(3);
  });

  it('does not wait for a slow Cal.com past the budget; its late answer serves the next check', async () => {
    budget(SHORT_BUDGET_MS);
    const release = holdAnswers();
    const slow = await run('check_availability', cut('10:00', 'Anna'));
    // The caller heard the local answer while Cal.com still held its own.
    expect(calcom.asks).toHaveLength(1);
    expect(calcom.answered).toBe(0);
    expect(slow).toMatchObject({ available: true, calendar_verified: false });
    release();

    await eventually(async () => (await cachedAnswers(redis)).length > 0, 'the late answer kept');
    const next = await run('check_availability', cut('11:00', 'Anna'), callId(2));
    expect(next).toMatchObject({ available: true, calendar_verified: true });
    expect(calcom.asks).toHaveLength(1);
  });

  it('makes one slots request for a burst of checks of one stylist-day', async () => {
    calcom.delayMs = 150;
    const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30'];
    const answers = await Promise.all(
      times.map((time, i) => run('check_availability', cut(time, 'Anna'), callId(20 + i))),
    );
    for (const a of answers) expect(a).toMatchObject({ available: true, calendar_verified: true });
    expect(calcom.asks).toHaveLength(1);
  });

  it('asks again after a booking change dropped the stylist’s cached slots', async () => {
    await run('check_availability', cut('10:00', 'Anna'));
    await run('check_availability', cut('11:00', 'Anna'), callId(2));
    expect(calcom.asks).toHaveLength(1);

    // What a Cal.com webhook (and our own Cal.com writes) do after a booking changed.
    calcom.offered.set(CUT_EVENT_TYPE, grid(30, ['14:00']));
    await dropSlotAnswers(gateway, {
      companyId: salon.companyId,
      branchId: salon.branch.id,
      staffId: anna,
    });
    const a = await run('check_availability', cut('14:00', 'Anna'), callId(3));
    expect(a).toMatchObject({ available: false, calendar_verified: true });
    expect(calcom.asks).toHaveLength(2);
  });

  it('book_appointment without a hold asks Cal.com and refuses a start it does not offer', async () => {
    calcom.offered.set(CUT_EVENT_TYPE, grid(30, ['10:00']));
    const a = await run('book_appointment', { ...cut('10:00', 'Anna'), name: 'Ida Ihle' });
    expect(a).toMatchObject({
      code: 'AVAILABILITY.SLOT_TAKEN',
      calendar_verified: true,
    });
    // Anna's nearest start Cal.com offers, and Mehmet at the very time asked.
    expect(starts(a)[0][0]).toBe('Anna');
    expect(starts(a)[1]).toEqual(['Mehmet', at('10:00').toISOString()]);
    expect(starts(a)).not.toContainEqual(['Anna', at('10:00').toISOString()]);
    expect(await ds.query(`SELECT 1 FROM appointments`)).toHaveLength(0);
  });

  it('a refused book_appointment offers alternatives Cal.com confirms', async () => {
    calcom.offered.set(CUT_EVENT_TYPE, grid(30, ['10:30']));
    expect(
      await run('book_appointment', { ...cut('10:00', 'Anna'), name: 'Ida Ihle' }, callId(4)),
    ).toMatchObject({ success: true });
    const a = await run(
      'book_appointment',
      { ...cut('10:00', 'Anna'), name: 'Jan Jahn' },
      callId(5),
    );
    expect(a).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', calendar_verified: true });
    expect(starts(a).length).toBeGreaterThan(0);
    expect(starts(a)).not.toContainEqual(['Anna', at('10:30').toISOString()]);
  });

  it('book_appointment on this call’s hold books without asking Cal.com again', async () => {
    expect(await run('check_availability', cut('10:00', 'Anna'))).toMatchObject({
      available: true,
      calendar_verified: true,
    });
    await dropSlotAnswers(gateway, {
      companyId: salon.companyId,
      branchId: salon.branch.id,
      staffId: anna,
    });
    const booked = await run('book_appointment', { ...cut('10:00', 'Anna'), name: 'Ida Ihle' });
    expect(booked).toMatchObject({ success: true, code: 'OK', slot: { staff: 'Anna' } });
    expect(booked).not.toHaveProperty('calendar_verified');
    expect(calcom.asks).toHaveLength(1);
  });

  it('reschedule_appointment asks Cal.com about the new time, counting the appointment’s own time as free', async () => {
    expect(
      await run('book_appointment', { ...cut('10:00', 'Anna'), name: 'Ida Ihle' }, callId(6)),
    ).toMatchObject({ success: true });
    // Cal.com now shows Anna busy 10:00-10:30 (our booking) and 14:00-14:30 (someone else's):
    // no 30-minute start overlapping either is offered.
    calcom.offered.set(
      CUT_EVENT_TYPE,
      grid(15, ['09:45', '10:00', '10:15', '13:45', '14:00', '14:15']),
    );
    // What the sync's own write and the webhook do to the cache after such changes.
    await dropSlotAnswers(gateway, {
      companyId: salon.companyId,
      branchId: salon.branch.id,
      staffId: anna,
    });
    const move = (time: string) =>
      run(
        'reschedule_appointment',
        { service: 'Herrenhaarschnitt', newDate: FRIDAY, newTime: time },
        callId(6),
      );

    const refused = await move('14:00');
    expect(refused).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', calendar_verified: true });
    expect(starts(refused)).not.toContainEqual(['Anna', at('14:00').toISOString()]);
    const [row] = await ds.query(`SELECT starts_at FROM appointments`);
    expect(new Date(row.starts_at).toISOString()).toBe(at('10:00').toISOString());

    // 10:15-10:45 overlaps only the appointment's own booking: Cal.com frees it with the move.
    const moved = await move('10:15');
    expect(moved).toMatchObject({ success: true, code: 'OK', calendar_verified: true });
    const [after] = await ds.query(`SELECT starts_at FROM appointments`);
    expect(new Date(after.starts_at).toISOString()).toBe(at('10:15').toISOString());
  });
});
