import { getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { BullMqSyncModule } from '../../../src/adapters/inbound/sync-worker/bullmq-sync.module';
import { CalendarSyncProcessor } from '../../../src/adapters/inbound/sync-worker/calendar-sync.processor';
import {
  NO_SYNC_CONSUMER,
  SYNC_CONSUMER,
  type SyncConsumer,
} from '../../../src/adapters/inbound/sync-worker/sync-consumer';
import { BullMqSyncQueue } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import { REDIS_CONNECTION } from '../../../src/adapters/outbound/queue/redis.connection';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../../src/application/calls/phone-traffic';
import { SYNC_QUEUE } from '../../../src/application/ports/sync-queue.port';
import { SyncJobDispatcher } from '../../../src/application/sync/sync-job.dispatcher';
import { AppConfig } from '../../../src/config/app-config';
import { validateEnvironment } from '../../../src/config/environment';
import { REDIS_URL } from './sync-harness';

/** The BullMQ module as the app imports it, with the sync's own providers stood in for. */
async function bullMqModule(env: Record<string, string>): Promise<TestingModule> {
  const config = new AppConfig(validateEnvironment({ REDIS_URL, LOG_LEVEL: 'silent', ...env }));
  @Global()
  @Module({
    providers: [
      { provide: AppConfig, useValue: config },
      { provide: PHONE_TRAFFIC, useValue: new PhoneTraffic(0) },
      { provide: SyncJobDispatcher, useValue: { handle: async () => ({ kind: 'done' }) } },
    ],
    exports: [AppConfig, PHONE_TRAFFIC, SyncJobDispatcher],
  })
  class SyncStandInModule {}
  const module = await Test.createTestingModule({
    imports: [SyncStandInModule, BullMqSyncModule.forRoot(config)],
  }).compile();
  await module.init();
  return module;
}

describe('BullMqSyncModule', () => {
  const prefix = `bullmq-module-${randomBytes(4).toString('hex')}`;
  let module: TestingModule | undefined;
  afterEach(async () => {
    await module?.close();
    module = undefined;
  });

  it('runs the processor with the configured worker options, on the waiting connection', async () => {
    module = await bullMqModule({
      REDIS_KEY_PREFIX: prefix,
      SYNC_WORKER_CONCURRENCY: '7',
      SYNC_JOB_LOCK_MS: '4000',
      SYNC_STALLED_CHECK_MS: '2000',
    });
    const consumer = module.get<SyncConsumer>(SYNC_CONSUMER);
    expect(consumer).toBeInstanceOf(CalendarSyncProcessor);
    const { worker } = consumer as CalendarSyncProcessor;
    expect(worker.name).toBe('calendar-sync');
    expect(worker.opts).toMatchObject({
      prefix: `${prefix}:queue`,
      concurrency: 7,
      lockDuration: 4000,
      stalledInterval: 2000,
      maxStalledCount: 3,
      autorun: false,
    });
    expect((worker.opts.connection as Redis).options.maxRetriesPerRequest).toBeNull();
    expect(module.get(REDIS_CONNECTION)).toBe(worker.opts.connection);
    // The worker takes jobs once the application is up.
    expect(worker.isRunning()).toBe(false);
    consumer.start();
    expect(worker.isRunning()).toBe(true);
    // Adds go through the producer on the fail-fast connection, under the same key prefix.
    const producer = module.get<BullMqSyncQueue>(SYNC_QUEUE);
    expect(producer.queue.opts.prefix).toBe(`${prefix}:queue`);
    expect((producer.queue.opts.connection as Redis).options.maxRetriesPerRequest).toBe(0);
    expect(module.get<Queue>(getQueueToken('calendar-sync')).opts.prefix).toBe(`${prefix}:queue`);
  });

  it('consumes nothing where start:worker processes run the jobs', async () => {
    module = await bullMqModule({ REDIS_KEY_PREFIX: prefix, SYNC_WORKER_IN_PROCESS: 'false' });
    expect(module.get(SYNC_CONSUMER)).toBe(NO_SYNC_CONSUMER);
    expect(() => module!.get(getQueueToken('calendar-sync'), { strict: false })).toThrow();
  });
});
