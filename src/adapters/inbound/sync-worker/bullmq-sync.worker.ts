import type Redis from 'ioredis';
import type { SyncJob, SyncJobHandler } from '../../../application/ports/sync-queue.port';
import { CALENDAR_SYNC_QUEUE } from '../../outbound/queue/bullmq-sync.queue';
import { HandWiredBullMqWorker } from '../bullmq-worker/hand-wired-bullmq-worker';
import {
  bullMqWorkerOptions,
  runBullMqSyncJob,
  type BullMqWorkerSettings,
} from './bullmq-sync-job';
import type { SyncConsumer } from './sync-consumer';

export interface HandWiredWorkerSettings extends BullMqWorkerSettings {
  readonly prefix?: string;
  /** Takes jobs from the start (default), or once start() is called. */
  readonly autorun?: boolean;
}

/**
 * A consumer of the `calendar-sync` queue on plain BullMQ, for the benchmark and the tests that
 * wire the sync by hand; the app runs the same job runner and options through @nestjs/bullmq
 * (CalendarSyncProcessor). Any number may run against one Redis.
 */
export class BullMqSyncWorker extends HandWiredBullMqWorker<SyncJob> implements SyncConsumer {
  constructor(connection: Redis, handler: SyncJobHandler, settings: HandWiredWorkerSettings) {
    super(CALENDAR_SYNC_QUEUE, connection, (job, token) => runBullMqSyncJob(handler, job, token), {
      prefix: settings.prefix,
      autorun: settings.autorun ?? true,
      ...bullMqWorkerOptions(settings),
    });
  }

  /** Jobs taken at once from now on; BullMQ applies it when a running job ends. */
  setConcurrency(n: number): void {
    this.worker.concurrency = n;
  }
}
