import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { BullMqSyncWorker } from '../src/adapters/inbound/sync-worker/bullmq-sync.worker';
import { CalcomCalendarGateway } from '../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { DEFAULT_CALCOM_CONFIG } from '../src/adapters/outbound/calcom/calcom.config';
import { InProcessSyncQueue } from '../src/adapters/outbound/local/in-process-sync.queue';
import { TypeOrmUnitOfWork } from '../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { TypeOrmOutboxClaims } from '../src/adapters/outbound/persistence/repositories/typeorm-outbox-claims';
import { BullMqSyncQueue } from '../src/adapters/outbound/queue/bullmq-sync.queue';
import { syncDispatcherOn } from '../src/adapters/outbound/queue/sync-dispatcher.factory';
import type { CalendarCredentials } from '../src/application/ports/calendar-gateway.port';
import type { BranchContext } from '../src/application/ports/salon-catalog.port';
import type { JobAttempt, SyncJob, SyncQueue } from '../src/application/ports/sync-queue.port';
import { OutboxRelay } from '../src/application/sync/outbox-relay';
import { DEFAULT_SYNC_SETTINGS } from '../src/application/sync/sync-settings';
import { Appointment } from '../src/domain/appointment/appointment';
import { TimeRange } from '../src/domain/shared/time-range';
import { CALCOM_THROTTLE, type FakeCalcom } from './sync-fake-calcom';

export interface ThrottledRunContext {
  readonly ds: DataSource;
  readonly salon: BranchContext;
  readonly customerId: string;
  readonly credentialId: string;
  readonly credentials: CalendarCredentials;
  readonly fake: FakeCalcom;
  readonly redis: Redis | null;
  readonly concurrency: number;
}

/** Appointments booked (perms: three busy phases each), over `BOOKING_MS`. */
const APPOINTMENTS = Number(process.env.BENCH_THROTTLED_APPOINTMENTS ?? 200);
const BOOKING_MS = 10_000;
/** Cal.com's window (60 s); a shorter one makes the run shorter, everything scaled with it. */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? CALCOM_THROTTLE.windowMs);
const LIVE_EVERY_MS = 1000;
const LIVE_BUDGET_MS = 500;
/** Herrenhaarschnitt's event type per stylist, for the live checks. */
const CUT_EVENT_TYPE = 9100;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Against Cal.com's throttler (120 requests per window per key, then the key blocked): a burst of
 * phone bookings is synced while a caller checks availability every second. Reports the time
 * until all are synced against the quota's bound, the 429s, and the share of live checks that
 * got Cal.com's verdict within their budget during the catch-up.
 */
export async function runThrottled(ctx: ThrottledRunContext): Promise<void> {
  const { ds, salon, fake, redis } = ctx;
  const m = ds.manager;
  const anna = salon.staff.find((s) => s.name === 'Anna')!.id;
  const perm = salon.services.find((s) => s.name === 'Dauerwelle')!;
  const cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
  for (const [i, stylist] of salon.staff.entries()) {
    await m.query(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [salon.companyId, ctx.credentialId, cut.id, stylist.id, CUT_EVENT_TYPE + i],
    );
  }
  fake.reset();
  const throttle = { ...CALCOM_THROTTLE, windowMs: WINDOW_MS, blockMs: WINDOW_MS };
  fake.throttle = throttle;
  await m.query(
    `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings; DELETE FROM appointments`,
  );
  const scale = WINDOW_MS / CALCOM_THROTTLE.windowMs;
  const keys = `bench-${randomBytes(4).toString('hex')}`;
  const defaults = DEFAULT_CALCOM_CONFIG.quota;
  const gateway = new CalcomCalendarGateway(ctx.credentials, {
    redis,
    config: {
      allowedHosts: [new URL(fake.url).host],
      breaker: { volumeThreshold: 1_000_000 },
      slotCache: { keyPrefix: `${keys}:slots` },
      eventTypes: { keyPrefix: `${keys}:event-types` },
      quota: {
        keyPrefix: `${keys}:quota`,
        windowMs: WINDOW_MS,
        marginMs: Math.max(100, defaults.marginMs * scale),
        maxWaitMs: Math.max(1000, defaults.maxWaitMs * scale),
      },
    },
  });
  const clock = { now: () => new Date() };
  const inProcess = redis
    ? undefined
    : new InProcessSyncQueue({ attempts: 3, backoffMs: 100, concurrency: ctx.concurrency });
  const bullQueue = redis
    ? new BullMqSyncQueue(redis, { attempts: 3, backoffMs: 100, prefix: keys })
    : undefined;
  const queue: SyncQueue = (inProcess ?? bullQueue)!;
  const relay = new OutboxRelay(new TypeOrmOutboxClaims(ds), queue, clock, {
    intervalMs: 0,
    batchSize: 200,
  });
  const dispatcher = syncDispatcherOn({
    dataSource: ds,
    calendar: gateway,
    queue,
    relay,
    clock,
    settings: { ...DEFAULT_SYNC_SETTINGS, waitMs: Math.max(500, 5000 * scale) },
  });
  let done = 0;
  let allSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (allSynced = resolve));
  const counting = {
    handle: async (job: SyncJob, attempt: JobAttempt) => {
      const verdict = await dispatcher.handle(job, attempt);
      if (verdict.kind === 'done' && ++done === APPOINTMENTS) allSynced();
      return verdict;
    },
  };
  const worker = redis
    ? new BullMqSyncWorker(redis, counting, { concurrency: ctx.concurrency, prefix: keys })
    : undefined;
  inProcess?.consume(counting);

  console.warn(
    `throttled: ${APPOINTMENTS} perms booked within ${BOOKING_MS / 1000} s, Cal.com's throttle ` +
      `${throttle.limit} per ${WINDOW_MS / 1000} s per key, a live check every ` +
      `${LIVE_EVERY_MS / 1000} s (budget ${LIVE_BUDGET_MS} ms)`,
  );
  const started = performance.now();
  let catchingUp = true;
  const live = { verdict: 0, refused: 0, late: 0, failed: 0 };
  const base = Date.parse('2027-01-04T08:00:00Z');
  const checks = (async () => {
    while (catchingUp) {
      const staff = salon.staff[Math.floor(Math.random() * salon.staff.length)];
      const day = base - 8 * 3600_000 + Math.floor(Math.random() * 7) * 86_400_000;
      const asked = gateway.availableStarts({
        credentialRef: ctx.credentialId,
        scope: { companyId: salon.companyId, branchId: salon.branch.id, staffId: staff.id },
        eventTypeId: CUT_EVENT_TYPE + salon.staff.indexOf(staff),
        range: TimeRange.of(new Date(day), new Date(day + 86_400_000)),
        timeZone: salon.branch.timeZone,
        lengthMinutes: 30,
      });
      type Outcome = keyof typeof live;
      const outcome = await Promise.race<Outcome>([
        asked.then(
          (): Outcome => 'verdict',
          (e: Error): Outcome => (e.name === 'CalendarRateLimited' ? 'refused' : 'failed'),
        ),
        sleep(LIVE_BUDGET_MS).then((): Outcome => 'late'),
      ]);
      if (catchingUp) live[outcome]++;
      await sleep(LIVE_EVERY_MS);
    }
  })();

  // The phone bookings: one every BOOKING_MS / APPOINTMENTS, relayed as they commit.
  for (let i = 0; i < APPOINTMENTS; i++) {
    const a = Appointment.create({
      service: perm,
      staffId: anna,
      customerId: ctx.customerId,
      start: new Date(base + i * 3 * 3600_000),
      source: 'voice',
      branchId: salon.branch.id,
    });
    await new TypeOrmUnitOfWork(ds).run(async (tx) => {
      await tx.appointments.add({ companyId: salon.companyId }, a, new Date());
      await tx.outbox.record({ companyId: salon.companyId }, a.id, 'create');
    });
    void relay.relay();
    const due = started + ((i + 1) * BOOKING_MS) / APPOINTMENTS;
    await sleep(Math.max(0, due - performance.now()));
  }
  await relay.relay();
  await synced;
  const took = (performance.now() - started) / 1000;
  catchingUp = false;
  await checks;

  const [{ count }] = await m.query(
    `SELECT count(*)::int AS count FROM appointments WHERE sync_state = 'synced'`,
  );
  const creates = fake.requests.filter((r) => r === 'POST /v2/bookings').length;
  const lookups = fake.requests.filter((r) => r === 'GET /v2/bookings').length;
  const phases = APPOINTMENTS * 3;
  const share = Math.floor(throttle.limit * (1 - defaults.liveReservePercent / 100));
  const bound = ((phases + lookups) / share) * (WINDOW_MS / 1000);
  const asked = live.verdict + live.refused + live.late + live.failed;
  const onePerPhase =
    [...fake.createsPerPhase().values()].every((n) => n === 1) &&
    fake.livePerPhase().size === phases;
  console.warn(
    `throttled: all ${count}/${APPOINTMENTS} synced after ${took.toFixed(1)} s; quota's bound ` +
      `${bound.toFixed(1)} s (${phases} phases + ${lookups} lookups at ${share} per ` +
      `${WINDOW_MS / 1000} s), ${((took / bound - 1) * 100).toFixed(1)} % over it; ` +
      `${creates} creates, exactly one booking per phase: ${onePerPhase ? 'yes' : 'NO'}`,
  );
  console.warn(
    `throttled: 429s received ${fake.throttled.length} ` +
      `(${fake.throttled.filter((r) => r.includes('slots')).length} on live checks); ` +
      `live checks with Cal.com's verdict within ${LIVE_BUDGET_MS} ms during the catch-up: ` +
      `${live.verdict}/${asked} = ${((100 * live.verdict) / Math.max(1, asked)).toFixed(1)} % ` +
      `(refused by the quota ${live.refused}, late ${live.late}, failed ${live.failed})`,
  );
  await worker?.close();
  await bullQueue?.queue.obliterate({ force: true });
  await bullQueue?.close();
  await inProcess?.close();
  gateway.close();
  fake.throttle = null;
}
