import { Module } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { redisKeys } from '../../outbound/queue/redis-keys';
import { SYNC_WORKER_OPTIONS, SyncWorkerService } from './sync-worker.service';

const RECONCILE_EVERY_MS = 3600_000;

/** Runs the calendar sync in this process: the relay's poll, the sweeper, the job consumer. */
@Module({
  providers: [
    {
      provide: SYNC_WORKER_OPTIONS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        consume: config.env.SYNC_WORKER_IN_PROCESS,
        concurrency: config.env.SYNC_WORKER_CONCURRENCY,
        concurrencyDuringCalls: config.env.SYNC_CONCURRENCY_DURING_CALLS,
        prefix: redisKeys(config.env.REDIS_KEY_PREFIX).queue,
        lockDurationMs: config.env.SYNC_JOB_LOCK_MS,
        stalledIntervalMs: config.env.SYNC_STALLED_CHECK_MS,
        reconcileEveryMs: config.usesCalcom ? RECONCILE_EVERY_MS : 0,
      }),
    },
    SyncWorkerService,
  ],
})
export class SyncWorkerModule {}
