import { DelayedError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { SyncJob, SyncJobHandler } from '../../../application/ports/sync-queue.port';
import { CALENDAR_SYNC_QUEUE } from '../../outbound/queue/bullmq-sync.queue';

export interface BullMqWorkerSettings {
  readonly concurrency: number;
  readonly prefix?: string;
  /** How long a job's lock lives without renewal: a dead worker's job stalls and is retried. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}

/** Consumer of the `calendar-sync` queue; any number may run against one Redis. */
export class BullMqSyncWorker {
  readonly worker: Worker<SyncJob>;

  constructor(
    connection: Redis,
    private readonly handler: SyncJobHandler,
    settings: BullMqWorkerSettings,
  ) {
    this.worker = new Worker<SyncJob>(
      CALENDAR_SYNC_QUEUE,
      (job, token) => this.process(job, token),
      {
        connection: connection as unknown as ConnectionOptions,
        prefix: settings.prefix,
        concurrency: settings.concurrency,
        lockDuration: settings.lockDurationMs ?? 30_000,
        stalledInterval: settings.stalledIntervalMs ?? 30_000,
        maxStalledCount: 3,
      },
    );
    // Errors are reported per job (failed event); a listener keeps them off stderr as unhandled.
    this.worker.on('error', () => undefined);
  }

  /** Jobs taken at once from now on; BullMQ applies it when a running job ends. */
  setConcurrency(n: number): void {
    this.worker.concurrency = n;
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  private async process(job: Job<SyncJob>, token?: string): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    const number = job.attemptsMade + 1;
    const verdict = await this.handler.handle(job.data, { number, final: number >= attempts });
    if (verdict.kind === 'retry') throw new Error(verdict.reason);
    if (verdict.kind === 'later') {
      // Back to the delayed set without using an attempt (breaker open, appointment busy).
      await job.moveToDelayed(Date.now() + verdict.delayMs, token);
      throw new DelayedError();
    }
  }
}
