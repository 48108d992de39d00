import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../../application/calls/phone-traffic';
import { SYNC_QUEUE } from '../../../application/ports/sync-queue.port';
import { AppConfig } from '../../../config/app-config';
import type { Environment } from '../../../config/environment';
import { BullMqSyncQueue, CALENDAR_SYNC_QUEUE } from '../../outbound/queue/bullmq-sync.queue';
import { DASHBOARD_QUEUES, type DashboardQueues } from '../../outbound/queue/dashboard-queues';
import { FAIL_FAST_REDIS, REDIS_CONNECTION } from '../../outbound/queue/redis.connection';
import { redisKeys } from '../../outbound/queue/redis-keys';
import { RedisPhoneTrafficRelay } from '../../outbound/queue/redis-phone-traffic.relay';
import { RedisModule } from '../../outbound/queue/redis.module';
import { calendarSyncProcessorWith } from './calendar-sync.processor';
import { NO_SYNC_CONSUMER, SYNC_CONSUMER } from './sync-consumer';

/** Processes tell each other about live calls this often; one telling lasts this long. */
const PHONE_TRAFFIC_RELAY = { everyMs: 250, holdMs: 1500 };

/**
 * The calendar-sync queue on BullMQ (REDIS_URL set), with the service's Redis connections.
 * The producer adds on the fail-fast connection: an add refused while Redis is away leaves its
 * outbox row pending for the relay's next round. Where this process consumes
 * (SYNC_WORKER_IN_PROCESS, always in `start:worker`), BullModule runs the CalendarSyncProcessor
 * on the waiting connection. Global, as the sync's use cases, relay and sweeper add to the queue.
 */
@Module({})
export class BullMqSyncModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { env } = config;
    const keys = redisKeys(env.REDIS_KEY_PREFIX);
    const consumes = env.SYNC_WORKER_IN_PROCESS;
    return {
      module: BullMqSyncModule,
      global: true,
      imports: [RedisModule, ...(consumes ? workerModules(keys.queue) : [])],
      providers: [
        {
          provide: SYNC_QUEUE,
          inject: [FAIL_FAST_REDIS],
          useFactory: (redis: Redis) =>
            new BullMqSyncQueue(redis, {
              attempts: env.SYNC_ATTEMPTS,
              backoffMs: env.SYNC_BACKOFF_MS,
              prefix: keys.queue,
            }),
        },
        ...(consumes ? processor(env) : [{ provide: SYNC_CONSUMER, useValue: NO_SYNC_CONSUMER }]),
        {
          // The service may run as several processes (API instances, start:worker): each
          // one's sync gives way to calls answered by any of them.
          provide: RedisPhoneTrafficRelay,
          inject: [PHONE_TRAFFIC, REDIS_CONNECTION],
          useFactory: (traffic: PhoneTraffic, redis: Redis) =>
            new RedisPhoneTrafficRelay(redis, traffic, {
              key: keys.phoneTraffic,
              ...PHONE_TRAFFIC_RELAY,
            }),
        },
        {
          provide: DASHBOARD_QUEUES,
          inject: [SYNC_QUEUE],
          useFactory: (queue: BullMqSyncQueue): DashboardQueues => [queue.queue],
        },
      ],
      exports: [SYNC_QUEUE, SYNC_CONSUMER, DASHBOARD_QUEUES],
    };
  }
}

/**
 * BullModule's root configuration carries the worker's waiting connection and the key prefix;
 * the registered queue hands them to the processor's worker.
 */
function workerModules(prefix: string): DynamicModule[] {
  return [
    BullModule.forRootAsync({
      inject: [REDIS_CONNECTION],
      useFactory: (redis: Redis) => ({ connection: redis, prefix }),
    }),
    BullModule.registerQueueAsync({
      name: CALENDAR_SYNC_QUEUE,
      useFactory: () => ({}), // the root configuration's connection and prefix
      extraProviders: [quietWorkerQueue],
    }),
  ];
}

/**
 * The registered queue adds nothing (BullMqSyncQueue does); its connection's outages are the
 * worker's to report, and a listener from the start keeps them off stderr.
 */
const quietWorkerQueue: Provider = {
  provide: Symbol('QuietWorkerQueue'),
  inject: [getQueueToken(CALENDAR_SYNC_QUEUE)],
  useFactory: (queue: Queue) => queue.on('error', () => undefined),
};

/** The processor with this configuration's worker options, as the process's consumer. */
function processor(env: Environment): Provider[] {
  const configured = calendarSyncProcessorWith({
    concurrency: env.SYNC_WORKER_CONCURRENCY,
    lockDurationMs: env.SYNC_JOB_LOCK_MS,
    stalledIntervalMs: env.SYNC_STALLED_CHECK_MS,
  });
  return [configured, { provide: SYNC_CONSUMER, useExisting: configured }];
}
