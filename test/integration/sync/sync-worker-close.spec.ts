import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Worker } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { BullMqSyncModule } from '../../../src/adapters/inbound/sync-worker/bullmq-sync.module';
import { BullMqSyncWorker } from '../../../src/adapters/inbound/sync-worker/bullmq-sync.worker';
import type { CalendarSyncProcessor } from '../../../src/adapters/inbound/sync-worker/calendar-sync.processor';
import { SYNC_CONSUMER } from '../../../src/adapters/inbound/sync-worker/sync-consumer';
import {
  closeRedis,
  workerConnection,
} from '../../../src/adapters/outbound/queue/redis-connections';
import { BullMqSyncQueue } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../../src/application/calls/phone-traffic';
import type {
  JobVerdict,
  SyncJob,
  SyncJobHandler,
} from '../../../src/application/ports/sync-queue.port';
import { SyncJobDispatcher } from '../../../src/application/sync/sync-job.dispatcher';
import { AppConfig } from '../../../src/config/app-config';
import { validateEnvironment } from '../../../src/config/environment';
import { eventually } from '../../support/eventually';
import { startRedisServer, type RedisServer } from '../../support/redis-server';

/**
 * Far above what a close takes, far below forever: a close that has not returned by then hangs
 * (BullMQ's own close never returns in these cases).
 */
const HANG_MS = 15_000;
/**
 * The worker connection's delay between reconnect attempts, fixed and long, so that a close
 * right after a restart meets the blocking connection still waiting to reconnect (with the
 * default backoff that is a race one loses now and then).
 */
const RETRY_MS = 5_000;

/** Whether `work` settled within `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The status of the worker's own blocking connection (the one BullMQ's close waits on). */
async function blockingStatus(worker: Worker): Promise<string> {
  const client = (await worker.getBackend().blockingClient) as unknown as { status: string };
  return client.status;
}

/** A sync handler whose jobs run until the test lets them end. */
class HeldHandler implements SyncJobHandler {
  readonly started: SyncJob[] = [];
  private release: (() => void) | undefined;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));

  async handle(job: SyncJob): Promise<JobVerdict> {
    this.started.push(job);
    await this.released;
    return { kind: 'done' };
  }

  letEnd(): void {
    this.release!();
  }
}

const entry = () => ({
  id: '1',
  companyId: randomUUID(),
  appointmentId: randomUUID(),
  action: 'create' as const,
  appointmentVersion: 1,
});

/**
 * Closing the sync's BullMQ consumer (SIGTERM, a deploy) returns in bounded time: while Redis
 * is away, right after it came back, and with a job running. A job cut off is run again by
 * another worker. A redis-server of this file's own is killed and started again.
 */
describe('closing the BullMQ sync worker', () => {
  let redis: RedisServer;
  const connections: Redis[] = [];
  const queues: BullMqSyncQueue[] = [];
  const workers: BullMqSyncWorker[] = [];
  const handlers: HeldHandler[] = [];
  let module: TestingModule | undefined;

  const connect = (options: { retryMs?: number; failFast?: boolean } = {}) => {
    const connection = new Redis(redis.url, {
      maxRetriesPerRequest: options.failFast ? 1 : null,
      retryStrategy: options.retryMs === undefined ? undefined : () => options.retryMs,
    });
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  };

  const queue = (prefix: string) => {
    const q = new BullMqSyncQueue(connect({ failFast: true }), {
      attempts: 3,
      backoffMs: 100,
      prefix,
    });
    queues.push(q);
    return q;
  };

  const worker = (
    prefix: string,
    handler: SyncJobHandler,
    settings: { retryMs?: number; lockDurationMs?: number } = {},
  ) => {
    const consumer = new BullMqSyncWorker(connect({ retryMs: settings.retryMs }), handler, {
      concurrency: 2,
      prefix,
      lockDurationMs: settings.lockDurationMs,
      stalledIntervalMs: 500,
    });
    workers.push(consumer);
    return consumer;
  };

  const prefix = () => `close-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  // Bounded too: a close that hung in a test must not hold up the next one.
  afterEach(async () => {
    for (const h of handlers.splice(0)) h.letEnd();
    await redis.start();
    if (module) await settlesWithin(module.close(), 1000);
    module = undefined;
    for (const w of workers.splice(0)) await settlesWithin(w.worker.close(true), 1000);
    for (const q of queues.splice(0))
      await settlesWithin(
        q.close().catch(() => undefined),
        1000,
      );
    for (const c of connections.splice(0)) c.disconnect();
  });

  afterAll(async () => {
    await redis?.stop();
  });

  const held = () => {
    const h = new HeldHandler();
    handlers.push(h);
    return h;
  };

  it('returns while Redis is away', async () => {
    const consumer = worker(prefix(), held());
    await consumer.worker.waitUntilReady();

    await redis.kill();
    await eventually(
      async () => (await blockingStatus(consumer.worker)) === 'reconnecting',
      'the blocking connection to wait to reconnect',
    );

    expect(await settlesWithin(consumer.close(), HANG_MS)).toBe(true);
  });

  it('returns right after a Redis restart, its blocking connection still waiting to reconnect', async () => {
    const consumer = worker(prefix(), held(), { retryMs: RETRY_MS });
    await consumer.worker.waitUntilReady();

    await redis.kill();
    await eventually(
      async () => (await blockingStatus(consumer.worker)) === 'reconnecting',
      'the blocking connection to wait to reconnect',
    );
    await redis.start();
    expect(await blockingStatus(consumer.worker)).toBe('reconnecting');

    expect(await settlesWithin(consumer.close(), HANG_MS)).toBe(true);
  });

  it("the app's consumer (@nestjs/bullmq) returns while Redis is away", async () => {
    const config = new AppConfig(
      validateEnvironment({
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: prefix(),
        LOG_LEVEL: 'silent',
      }),
    );
    @Global()
    @Module({
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: PHONE_TRAFFIC, useValue: new PhoneTraffic(0) },
        { provide: SyncJobDispatcher, useValue: held() },
      ],
      exports: [AppConfig, PHONE_TRAFFIC, SyncJobDispatcher],
    })
    class SyncStandInModule {}
    module = await Test.createTestingModule({
      imports: [SyncStandInModule, BullMqSyncModule.forRoot(config)],
    }).compile();
    await module.init();
    const consumer = module.get<CalendarSyncProcessor>(SYNC_CONSUMER);
    consumer.start();
    await consumer.worker.waitUntilReady();

    await redis.kill();
    await eventually(
      async () => (await blockingStatus(consumer.worker)) === 'reconnecting',
      'the blocking connection to wait to reconnect',
    );

    expect(await settlesWithin(consumer.close(), HANG_MS)).toBe(true);
    // What the application's shutdown does next (@nestjs/bullmq closes the worker again).
    const closing = module.close();
    module = undefined;
    expect(await settlesWithin(closing, HANG_MS)).toBe(true);
  });

  it('its Redis connection closes last, though Redis stalls', async () => {
    const connection = workerConnection(redis.url);
    connections.push(connection);
    await eventually(() => connection.status === 'ready', 'the connection to be ready');
    await redis.stall(2 * HANG_MS);
    try {
      expect(await settlesWithin(closeRedis(connection), HANG_MS)).toBe(true);
      await eventually(() => connection.status === 'end', 'the connection to end');
    } finally {
      await redis.restart(); // ends the stall for the next tests
    }
  });

  it('lets a running job end first, and records it', async () => {
    const p = prefix();
    const producer = queue(p);
    const handler = held();
    const consumer = worker(p, handler);
    const job = entry();
    await producer.enqueue(job);
    await eventually(() => handler.started.length === 1, 'the job to start');

    const closing = consumer.close();
    expect(await settlesWithin(closing, 300)).toBe(false);
    handler.letEnd();

    expect(await settlesWithin(closing, HANG_MS)).toBe(true);
    // Recorded, not cut off: no worker is left to run it again, so a cut job would stay active.
    // (The answer may still be on its way when the close returns; the connection stays open.)
    await eventually(
      async () =>
        (await producer.queue.getJobState(`${job.appointmentId}:1:create`)) === 'completed',
      'the job to be recorded done',
    );
    expect(handler.started).toHaveLength(1);
  });

  it('cuts off a job still running after one lock duration; another worker runs it again', async () => {
    const p = prefix();
    const producer = queue(p);
    const stuck = held();
    const consumer = worker(p, stuck, { lockDurationMs: 1000 });
    const job = entry();
    await producer.enqueue(job);
    await eventually(() => stuck.started.length === 1, 'the job to start');

    expect(await settlesWithin(consumer.close(), HANG_MS)).toBe(true);
    expect(stuck.started).toHaveLength(1);

    const next = held();
    next.letEnd();
    worker(p, next, { lockDurationMs: 1000 });
    await eventually(() => next.started.length === 1, 'the job to run again elsewhere');
    expect(next.started[0]).toMatchObject({ appointmentId: job.appointmentId });
    await eventually(
      async () =>
        (await producer.queue.getJobState(`${job.appointmentId}:1:create`)) === 'completed',
      'the job to be recorded done',
    );
  });
});
