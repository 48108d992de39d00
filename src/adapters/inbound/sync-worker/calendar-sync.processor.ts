import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { SyncJob } from '../../../application/ports/sync-queue.port';
import { SyncJobDispatcher } from '../../../application/sync/sync-job.dispatcher';
import { CALENDAR_SYNC_QUEUE } from '../../outbound/queue/bullmq-sync.queue';
import {
  bullMqWorkerOptions,
  runBullMqSyncJob,
  type BullMqWorkerSettings,
} from './bullmq-sync-job';
import { closeWorkerWithin, RunningJobs } from '../bullmq-worker/bullmq-worker-shutdown';
import type { SyncConsumer } from './sync-consumer';

/**
 * The `calendar-sync` queue's consumer in the app, on @nestjs/bullmq: BullModule makes the
 * worker (connection and key prefix from the module's root configuration), this hands each job
 * to the sync. The worker waits for start(), so jobs begin once the application is up.
 */
@Injectable()
export class CalendarSyncProcessor extends WorkerHost implements SyncConsumer {
  private readonly log = new Logger('CalendarSync');
  private readonly running = new RunningJobs();

  constructor(private readonly dispatcher: SyncJobDispatcher) {
    super();
  }

  process(job: Job<SyncJob>, token?: string): Promise<void> {
    return this.running.run(() => runBullMqSyncJob(this.dispatcher, job, token));
  }

  start(): void {
    if (this.worker.isRunning()) return;
    this.log.log(`sync worker consuming calendar-sync (concurrency ${this.worker.concurrency})`);
    this.worker.run().catch((error: unknown) => this.worker.emit('error', error as Error));
  }

  /** Jobs taken at once from now on; BullMQ applies it when a running job ends. */
  setConcurrency(n: number): void {
    this.worker.concurrency = n;
  }

  /**
   * Bounded, also while Redis is away (see closeWorkerWithin). SyncWorkerService calls it
   * before @nestjs/bullmq closes its workers (a global module's hook runs late), which then
   * finds this one closed.
   */
  close(): Promise<void> {
    return closeWorkerWithin(this.worker, this.running);
  }

  /** Errors are reported per job (failed event); a listener keeps them off stderr as unhandled. */
  @OnWorkerEvent('error')
  ignoreWorkerError(): void {}
}

/**
 * The processor with these worker options. @Processor's options are fixed when a class is
 * decorated, and lock, stall check and concurrency come from the validated configuration, so
 * each configuration decorates a subclass of its own.
 */
export function calendarSyncProcessorWith(
  settings: BullMqWorkerSettings,
): Type<CalendarSyncProcessor> {
  @Processor(CALENDAR_SYNC_QUEUE, { ...bullMqWorkerOptions(settings), autorun: false })
  class ConfiguredCalendarSyncProcessor extends CalendarSyncProcessor {}
  return ConfiguredCalendarSyncProcessor;
}
