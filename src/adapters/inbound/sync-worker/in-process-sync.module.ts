import { Global, Logger, Module, OnModuleInit } from '@nestjs/common';
import { SYNC_QUEUE } from '../../../application/ports/sync-queue.port';
import { SyncJobDispatcher } from '../../../application/sync/sync-job.dispatcher';
import { AppConfig } from '../../../config/app-config';
import { InProcessSyncQueue } from '../../outbound/local/in-process-sync.queue';
import { DASHBOARD_QUEUES, type DashboardQueues } from '../../outbound/queue/dashboard-queues';
import { FAIL_FAST_REDIS, REDIS_CONNECTION } from '../../outbound/queue/redis.connection';
import { InProcessSyncConsumer } from './in-process-sync.consumer';
import { SYNC_CONSUMER } from './sync-consumer';

/**
 * The calendar-sync queue without Redis (`npm start`): jobs live in this process, which always
 * consumes them; nothing for the queue dashboard to show, and no Redis connection for anyone. Global, as the sync's use cases,
 * relay and sweeper add to the queue.
 */
@Global()
@Module({
  providers: [
    {
      provide: SYNC_QUEUE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new InProcessSyncQueue({
          attempts: config.env.SYNC_ATTEMPTS,
          backoffMs: config.env.SYNC_BACKOFF_MS,
          concurrency: config.env.SYNC_WORKER_CONCURRENCY,
        }),
    },
    {
      provide: SYNC_CONSUMER,
      inject: [SYNC_QUEUE, SyncJobDispatcher],
      useFactory: (queue: InProcessSyncQueue, dispatcher: SyncJobDispatcher) =>
        new InProcessSyncConsumer(queue, dispatcher),
    },
    { provide: DASHBOARD_QUEUES, useValue: [] satisfies DashboardQueues },
    // No Redis at all: rate limits count in memory, the slot cache is skipped, readiness says so.
    { provide: REDIS_CONNECTION, useValue: null },
    { provide: FAIL_FAST_REDIS, useValue: null },
  ],
  exports: [SYNC_QUEUE, SYNC_CONSUMER, DASHBOARD_QUEUES, REDIS_CONNECTION, FAIL_FAST_REDIS],
})
export class InProcessSyncModule implements OnModuleInit {
  onModuleInit(): void {
    new Logger('AppModule').log('REDIS_URL not set: using the in-process queue');
  }
}
