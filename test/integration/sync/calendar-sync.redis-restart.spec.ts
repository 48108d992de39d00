import Redis from 'ioredis';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { BullMqSyncWorker } from '../../../src/adapters/inbound/sync-worker/bullmq-sync.worker';
import { SyncWorkerService } from '../../../src/adapters/inbound/sync-worker/sync-worker.service';
import { CredentialCipher } from '../../../src/adapters/outbound/persistence/credential-cipher';
import { TypeOrmOutboxClaims } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outbox-claims';
import {
  TypeOrmCalendarCredentials,
  TypeOrmCalendarMappingRepository,
} from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import { syncDispatcherOn } from '../../../src/adapters/outbound/queue/sync-dispatcher.factory';
import { BullMqSyncQueue } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import { PhoneTraffic } from '../../../src/application/calls/phone-traffic';
import { OutboxRelay } from '../../../src/application/sync/outbox-relay';
import { StalledSyncSweeper } from '../../../src/application/sync/stalled-sync-sweeper';
import { DEFAULT_SYNC_SETTINGS } from '../../../src/application/sync/sync-settings';
import type { Appointment } from '../../../src/domain/appointment/appointment';
import { eventually } from '../../support/eventually';
import { startRedisServer, type RedisServer } from '../../support/redis-server';
import { at, audit, book, change, createWorld, KEY, syncRow, type World } from './sync-harness';

/** A pending sync untouched this long is queued again (production: SYNC_SWEEP_AFTER_MS). */
const STALE_AFTER_MS = 1000;
/** A graceful stop that takes longer is cut short, so a stuck close cannot hold the run. */
const STOP_PATIENCE_MS = 10_000;

/** Every connection this file opens; afterAll closes any a failed or stuck stop left open. */
const opened: Redis[] = [];

/** What one service process runs for the calendar sync, wired as CalendarSyncModule does. */
interface SyncProcess {
  readonly connection: Redis;
  readonly queue: BullMqSyncQueue;
  readonly relay: OutboxRelay;
  readonly service: SyncWorkerService;
  /** Starts the worker, the relay's poll and the sweeper (what the app does at bootstrap). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function syncProcess(
  w: World,
  redisUrl: string,
  concurrency: number,
  reconcileEveryMs = 0,
): SyncProcess {
  const ds = w.db.dataSource;
  const m = ds.manager;
  const clock = { now: () => new Date() };
  // The app's worker connection options (redis-connections.ts), here for the queue and slot
  // cache too, so the test can read the queue the moment Redis is back.
  const connection = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
  });
  // Swallow connection errors while the server is down; ioredis reconnects by itself.
  connection.on('error', () => undefined);
  opened.push(connection);
  const gateway = new CalcomCalendarGateway(
    new TypeOrmCalendarCredentials(m, new CredentialCipher(KEY)),
    {
      redis: connection,
      config: {
        allowedHosts: [new URL(w.fake.url).host],
        // Long enough for the slow fake Cal.com: its answers are late, not lost.
        timeouts: { slotsMs: 5000, bookingsMs: 5000 },
        breaker: { volumeThreshold: 1000, errorThresholdPercentage: 100, resetTimeoutMs: 1000 },
      },
    },
  );
  const queue = new BullMqSyncQueue(connection, { attempts: 3, backoffMs: 100 });
  const claims = new TypeOrmOutboxClaims(ds);
  const relay = new OutboxRelay(claims, queue, clock, { intervalMs: 200, batchSize: 50 });
  const mappings = new TypeOrmCalendarMappingRepository(m);
  const sweeper = new StalledSyncSweeper(
    claims,
    queue,
    clock,
    { staleAfterMs: STALE_AFTER_MS, intervalMs: 200, batchSize: 100 },
    gateway,
    mappings,
  );
  const settings = { ...DEFAULT_SYNC_SETTINGS, verifyDelayMs: 50, waitMs: 200 };
  const dispatcher = syncDispatcherOn({
    dataSource: ds,
    calendar: gateway,
    queue,
    relay,
    clock,
    settings,
    mappings,
  });
  const service = new SyncWorkerService(
    relay,
    sweeper,
    queue,
    mappings,
    { concurrency, reconcileEveryMs },
    new BullMqSyncWorker(connection, dispatcher, { concurrency, autorun: false }),
    new PhoneTraffic(0),
  );
  let started = false;
  return {
    connection,
    queue,
    relay,
    service,
    async start() {
      started = true;
      await service.onApplicationBootstrap();
    },
    async stop() {
      const graceful = async () => {
        if (started) await service.onApplicationShutdown();
        else await queue.close();
        await relay.onModuleDestroy();
        await sweeper.onModuleDestroy();
      };
      let timer: NodeJS.Timeout | undefined;
      const cutShort = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_PATIENCE_MS);
      });
      try {
        await Promise.race([graceful(), cutShort]);
      } finally {
        clearTimeout(timer);
        connection.disconnect();
        gateway.close();
      }
    },
  };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/**
 * Redis runs without persistence. A real redis-server of this file's own is SIGKILLed and
 * started again on its port, so every queued (or active) job is gone while Postgres still says
 * "relayed". Real Postgres, fake Cal.com over HTTP; the sync runs as the app wires it: BullMQ
 * worker, outbox relay poll and stalled-sync sweeper started by SyncWorkerService.
 */
// Each test waits on a few conditions in a row, each allowed 30 s on a slow machine.
jest.setTimeout(120_000);

describe('calendar sync across a Redis restart', () => {
  let w: World;
  let redis: RedisServer | undefined;
  let proc: SyncProcess | undefined;

  const states = async (as: readonly Appointment[]) =>
    Promise.all(as.map(async (a) => (await syncRow(w, a.id)).state));

  const allSynced = async (as: readonly Appointment[]) =>
    (await states(as)).every((s) => s === 'synced');

  /** Nothing left to run: no waiting, delayed or active job. */
  const queueIdle = async () => {
    const counts = await proc!.queue.queue.getJobCounts(
      'active',
      'waiting',
      'delayed',
      'prioritized',
    );
    return Object.values(counts).every((n) => n === 0);
  };

  /** Every busy phase of the appointments was created exactly once and is live once. */
  const expectOneBookingPerPhase = (phases: number) => {
    const creates = w.fake.createsPerPhase();
    expect(creates.size).toBe(phases);
    expect([...creates.values()]).toEqual(Array(phases).fill(1));
    const live = w.fake.livePerPhase();
    expect(live.size).toBe(phases);
    expect([...live.values()]).toEqual(Array(phases).fill(1));
    expect(w.fake.createBodies).toHaveLength(phases);
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    w = await createWorld({ redis: false, startWorker: false });
  });

  afterAll(async () => {
    try {
      await proc?.stop();
    } finally {
      for (const connection of opened) connection.disconnect();
      await redis?.stop();
      await w?.close();
    }
  });

  beforeEach(async () => {
    w.fake.reset();
    w.fake.latencyMs = 0;
    await w.db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
       DELETE FROM calendar_sync_leases; DELETE FROM audit_log; DELETE FROM appointments`,
    );
    const admin = new Redis(redis!.url, { maxRetriesPerRequest: 1 });
    try {
      await admin.flushall();
    } finally {
      admin.disconnect();
    }
  });

  afterEach(async () => {
    const p = proc;
    proc = undefined;
    await p?.stop();
  });

  it('jobs queued with no worker are gone after the restart; the sweep queues them again and each phase is booked once', async () => {
    proc = syncProcess(w, redis!.url, 4);
    const perm = await book(w, w.perm, at('09:00'));
    const cut = await book(w, w.cut, at('13:00'));
    const other = await book(w, w.cut, at('15:00'));
    const booked = [perm, cut, other];
    expect(await proc.relay.relay()).toBe(3);
    expect(await proc.queue.queue.getJobCountByTypes('waiting')).toBe(3);

    await redis!.restart();

    // The queue is empty, yet the outbox says every change went out.
    expect(await proc.queue.queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);
    expect(await proc.connection.dbsize()).toBe(0);
    expect(await proc.relay.relay()).toBe(0);
    expect(await states(booked)).toEqual(['pending', 'pending', 'pending']);

    await proc.start();
    await eventually(() => allSynced(booked), 'every appointment to be synced');
    await eventually(queueIdle, 'the queue to run dry');

    expect(await states(booked)).toEqual(['synced', 'synced', 'synced']);
    expectOneBookingPerPhase(5);
    expect(new Set(w.fake.createBodies.map((b) => b.eventTypeId)).size).toBe(4);
    // They came back through the sweeper: only swept jobs ran.
    const ran = (await proc.queue.queue.getJobs(['completed'])).map((j) => j.id!);
    for (const a of booked) {
      expect(ran.filter((id) => id.startsWith(`${a.id}:`)).length).toBeGreaterThan(0);
    }
    for (const id of ran) expect(id).toMatch(/:1:create-sweep-\d+$/);
    for (const a of booked) expect(await audit(w, a.id)).toContain('calendar_sync.synced');
  });

  it('Redis restarted while a job is active with Cal.com slow: no duplicate booking, all synced', async () => {
    w.fake.latencyMs = 800;
    // One job at a time: the perm is active while the cuts wait in Redis.
    proc = syncProcess(w, redis!.url, 1);
    const perm = await book(w, w.perm, at('09:00'));
    const cut = await book(w, w.cut, at('13:00'));
    const other = await book(w, w.cut, at('15:00'));
    const booked = [perm, cut, other];

    await proc.start();
    await eventually(
      () => w.fake.requests.includes('POST /v2/bookings'),
      'a create to reach Cal.com',
    );
    expect(await proc.queue.queue.getJobCountByTypes('active')).toBeGreaterThan(0);
    const before = await states(booked);
    expect(before).toContain('pending');

    await redis!.restart();

    // The active job went with the server (the sweeper may queue new jobs at once).
    expect(await proc.queue.queue.getJob(`${perm.id}:1:create`)).toBeUndefined();
    await eventually(() => allSynced(booked), 'every appointment to be synced');
    await eventually(queueIdle, 'the queue to run dry');

    expect(await states(booked)).toEqual(['synced', 'synced', 'synced']);
    expectOneBookingPerPhase(5);
  });

  it('a reschedule whose job was lost moves the bookings: each new phase booked once, the old ones gone', async () => {
    proc = syncProcess(w, redis!.url, 4);
    const perm = await book(w, w.perm, at('09:00'));
    await proc.start();
    await eventually(() => allSynced([perm]), 'the booking to be synced');
    await eventually(queueIdle, 'the queue to run dry');
    const oldUids = w.fake.live().map((b) => b.uid);
    expect(oldUids).toHaveLength(3);
    // The worker goes down; the move is committed and relayed while none runs.
    await proc.stop();
    proc = syncProcess(w, redis!.url, 4);
    await change(w, perm.id, (x) => must(x.reschedule(at('13:00'), w.perm)), 'reschedule');
    expect(await proc.relay.relay()).toBe(1);
    expect(await proc.queue.queue.getJobCountByTypes('waiting')).toBe(1);

    await redis!.restart();

    expect(await proc.queue.queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);
    expect((await syncRow(w, perm.id)).state).toBe('pending');
    await proc.start();
    await eventually(() => allSynced([perm]), 'the move to be synced');
    await eventually(queueIdle, 'the queue to run dry');

    for (const uid of oldUids) expect(w.fake.bookings.get(uid)!.status).toBe('cancelled');
    const live = w.fake.live();
    expect(live).toHaveLength(3);
    expect(live.map((b) => b.start).sort()[0]).toBe(at('13:00').toISOString());
    // Each booking is moved with Cal.com's reschedule. The perm's event types offer several
    // lengths and Cal.com moves a booking at its event type's own length (30 minutes): the
    // 20- and 25-minute steps come back too long, so those are cancelled and created anew.
    expect(w.fake.rescheduleRequests).toHaveLength(3);
    const creates = w.fake.createsPerPhase();
    expect(creates.size).toBe(5);
    expect([...creates.values()]).toEqual(Array(5).fill(1));
    expect([...w.fake.livePerPhase().values()]).toEqual([1, 1, 1]);
  });

  it('the reconciliation schedule comes back after a restart lost it', async () => {
    proc = syncProcess(w, redis!.url, 1, 3_600_000);
    await proc.start();
    const schedulers = () => proc!.queue.queue.getJobSchedulers();
    expect((await schedulers()).map((s) => s.key)).toEqual([`reconcile-${w.salon.companyId}`]);

    await redis!.restart();
    await eventually(
      async () => (await schedulers().catch(() => [1])).length === 0,
      'an empty Redis',
    );

    // What the service's timer does now and then.
    await proc.service.scheduleReconciliations();
    expect((await schedulers()).map((s) => s.key)).toEqual([`reconcile-${w.salon.companyId}`]);
  });
});
