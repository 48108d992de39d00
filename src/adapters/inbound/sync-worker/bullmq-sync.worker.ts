import { Worker, type ConnectionOptions } from 'bullmq';
import type Redis from 'ioredis';
import type { SyncJob, SyncJobHandler } from '../../../application/ports/sync-queue.port';
import { CALENDAR_SYNC_QUEUE } from '../../outbound/queue/bullmq-sync.queue';
import {
  bullMqWorkerOptions,
  runBullMqSyncJob,
  type BullMqWorkerSettings,
} from './bullmq-sync-job';
import { closeWorkerWithin, RunningJobs } from './bullmq-worker-shutdown';
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
export class BullMqSyncWorker implements SyncConsumer {
  readonly worker: Worker<SyncJob>;
  private readonly running = new RunningJobs();

  constructor(
    connection: Redis,
    private readonly handler: SyncJobHandler,
    settings: HandWiredWorkerSettings,
  ) {
    this.worker = new Worker<SyncJob>(
      CALENDAR_SYNC_QUEUE,
      (job, token) => this.running.run(() => runBullMqSyncJob(this.handler, job, token)),
      {
        connection: connection as unknown as ConnectionOptions,
        prefix: settings.prefix,
        autorun: settings.autorun ?? true,
        ...bullMqWorkerOptions(settings),
      },
    );
    // Errors are reported per job (failed event); a listener keeps them off stderr as unhandled.
    this.worker.on('error', () => undefined);
  }

  start(): void {
    if (this.worker.isRunning()) return;
    this.worker.run().catch((error: unknown) => this.worker.emit('error', error as Error));
  }

  /** Jobs taken at once from now on; BullMQ applies it when a running job ends. */
  setConcurrency(n: number): void {
    this.worker.concurrency = n;
  }

  /** Bounded, also while Redis is away (see closeWorkerWithin). */
  close(): Promise<void> {
    return closeWorkerWithin(this.worker, this.running);
  }
}
