import { Worker, type ConnectionOptions, type Job, type WorkerOptions } from 'bullmq';
import type Redis from 'ioredis';
import { closeWorkerWithin, RunningJobs } from './bullmq-worker-shutdown';

/** What a worker does with one job; it may take the job's lock token to move the job. */
export type BullMqJobRunner<T> = (job: Job<T>, token?: string) => Promise<void>;

/**
 * A worker on one queue built on plain BullMQ rather than through @nestjs/bullmq: it counts the
 * jobs it runs so that close() is bounded, and takes jobs from the start or once start() is
 * called, as its autorun option says.
 */
export class HandWiredBullMqWorker<T> {
  readonly worker: Worker<T>;
  private readonly running = new RunningJobs();

  constructor(
    queueName: string,
    connection: Redis,
    runJob: BullMqJobRunner<T>,
    options: Omit<WorkerOptions, 'connection'>,
  ) {
    this.worker = new Worker<T>(
      queueName,
      (job, token) => this.running.run(() => runJob(job, token)),
      { ...options, connection: connection as unknown as ConnectionOptions },
    );
    // Errors are reported per job (failed event); a listener keeps them off stderr as unhandled.
    this.worker.on('error', () => undefined);
  }

  start(): void {
    if (this.worker.isRunning()) return;
    this.worker.run().catch((error: unknown) => this.worker.emit('error', error as Error));
  }

  /** Bounded, also while Redis is away (see closeWorkerWithin). */
  close(): Promise<void> {
    return closeWorkerWithin(this.worker, this.running);
  }
}
