import { PHONE_TRAFFIC, PhoneTraffic } from '../../../application/calls/phone-traffic';
import { Global, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { SYNC_KICKER, SYNC_QUEUE } from '../../../application/ports/sync-queue.port';
import { CompensateBookingsUseCase } from '../../../application/sync/compensate-bookings.use-case';
import { OutboxRelay, RELAY_SETTINGS } from '../../../application/sync/outbox-relay';
import { ReconcileCalendarUseCase } from '../../../application/sync/reconcile-calendar.use-case';
import {
  DEFAULT_SWEEPER_SETTINGS,
  StalledSyncSweeper,
  SWEEPER_SETTINGS,
} from '../../../application/sync/stalled-sync-sweeper';
import { SYNC_APPOINTMENT_PROVIDERS } from '../../../application/sync/sync-appointment.providers';
import { SyncJobDispatcher } from '../../../application/sync/sync-job.handler';
import { SyncMetrics } from '../../../application/sync/sync-metrics';
import {
  DEFAULT_SYNC_SETTINGS,
  realSleeper,
  SLEEPER,
  SYNC_SETTINGS,
} from '../../../application/sync/sync-settings';
import { AppConfig } from '../../../config/app-config';
import { InProcessSyncQueue } from '../local/in-process-sync.queue';
import { PersistenceModule } from '../persistence/persistence.module';
import { BullMqSyncQueue } from './bullmq-sync.queue';
import { FAIL_FAST_REDIS, REDIS_CONNECTION } from './redis.connection';
import { redisKeys } from './redis-keys';
import { RedisPhoneTrafficRelay } from './redis-phone-traffic.relay';

const RELAY_INTERVAL_MS = 3000;
/** After a call's last function call, the sync gives way this long before it speeds up. */
const PHONE_QUIET_MS = 1000;
/** Processes tell each other about live calls this often; one telling lasts this long. */
const PHONE_TRAFFIC_RELAY = { everyMs: 250, holdMs: 1500 };

/**
 * The calendar mirror: outbox relay, queue (BullMQ with Redis, in-process without) and sync
 * use cases, over the calendar gateway the app module picked. Global, so that use cases
 * anywhere can inject SYNC_KICKER, and the phone functions PHONE_TRAFFIC, to which the sync
 * gives way.
 */
@Global()
@Module({
  imports: [PersistenceModule],
  providers: [
    {
      provide: SYNC_QUEUE,
      // The producer fails fast: an add refused while Redis is away leaves its outbox row
      // pending for the relay's next round (BullMQ's worker has the waiting connection).
      inject: [AppConfig, { token: FAIL_FAST_REDIS, optional: true }],
      useFactory: (config: AppConfig, redis?: Redis) => {
        const { SYNC_ATTEMPTS: attempts, SYNC_BACKOFF_MS: backoffMs } = config.env;
        return redis
          ? new BullMqSyncQueue(redis, {
              attempts,
              backoffMs,
              prefix: redisKeys(config.env.REDIS_KEY_PREFIX).queue,
            })
          : new InProcessSyncQueue({
              attempts,
              backoffMs,
              concurrency: config.env.SYNC_WORKER_CONCURRENCY,
            });
      },
    },
    {
      provide: SYNC_SETTINGS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...DEFAULT_SYNC_SETTINGS,
        verifyDelayMs: config.env.SYNC_VERIFY_DELAY_MS,
        parallelPhases: config.env.SYNC_PARALLEL_PHASES,
        waitMs: Math.max(config.env.SYNC_BACKOFF_MS, 1000),
        leaseMs: config.env.SYNC_LEASE_MS,
      }),
    },
    { provide: SLEEPER, useValue: realSleeper },
    { provide: RELAY_SETTINGS, useValue: { intervalMs: RELAY_INTERVAL_MS, batchSize: 100 } },
    {
      provide: SWEEPER_SETTINGS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...DEFAULT_SWEEPER_SETTINGS,
        staleAfterMs: config.env.SYNC_SWEEP_AFTER_MS,
      }),
    },
    SyncMetrics,
    OutboxRelay,
    { provide: SYNC_KICKER, useExisting: OutboxRelay },
    { provide: PHONE_TRAFFIC, useFactory: () => new PhoneTraffic(PHONE_QUIET_MS) },
    {
      // With Redis the service may run as several processes (API instances, start:worker):
      // each one's sync gives way to calls answered by any of them.
      provide: RedisPhoneTrafficRelay,
      inject: [AppConfig, PHONE_TRAFFIC, { token: REDIS_CONNECTION, optional: true }],
      useFactory: (config: AppConfig, traffic: PhoneTraffic, redis?: Redis) =>
        redis
          ? new RedisPhoneTrafficRelay(redis, traffic, {
              key: redisKeys(config.env.REDIS_KEY_PREFIX).phoneTraffic,
              ...PHONE_TRAFFIC_RELAY,
            })
          : null,
    },
    StalledSyncSweeper,
    ...SYNC_APPOINTMENT_PROVIDERS,
    CompensateBookingsUseCase,
    ReconcileCalendarUseCase,
    SyncJobDispatcher,
  ],
  exports: [
    SYNC_QUEUE,
    SYNC_KICKER,
    PHONE_TRAFFIC,
    SyncMetrics,
    OutboxRelay,
    StalledSyncSweeper,
    SyncJobDispatcher,
    RedisPhoneTrafficRelay,
  ],
})
export class CalendarSyncModule {}
