import { Module } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { SYNC_WORKER_OPTIONS, SyncWorkerService } from './sync-worker.service';

const RECONCILE_EVERY_MS = 3600_000;

/**
 * Runs the calendar sync in this process: the relay's poll, the sweeper, and the job consumer
 * the queue module (BullMQ or in-process) provides.
 */
@Module({
  providers: [
    {
      provide: SYNC_WORKER_OPTIONS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        concurrency: config.env.SYNC_WORKER_CONCURRENCY,
        concurrencyDuringCalls: config.env.SYNC_CONCURRENCY_DURING_CALLS,
        reconcileEveryMs: config.usesCalcom ? RECONCILE_EVERY_MS : 0,
      }),
    },
    SyncWorkerService,
  ],
})
export class SyncWorkerModule {}
