import { DelayedError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type Redis from 'ioredis';
import type { MessageMailHandler } from '../../../application/ports/message-mail-queue.port';
import {
  MESSAGE_MAIL_QUEUE_NAME,
  type MessageMailJob,
} from '../../outbound/queue/bullmq-message-mail.queue';
import { closeWorkerWithin, RunningJobs } from '../sync-worker/bullmq-worker-shutdown';
import type { MessageMailConsumer } from './message-mail-consumer';

export interface BullMqMessageMailWorkerSettings {
  readonly prefix?: string;
  readonly concurrency?: number;
}

/**
 * Consumer of the `caller-message-mail` queue: hands each message id to the mail use case; a
 * refused mail goes back to the delayed set until its next try, without using an attempt.
 */
export class BullMqMessageMailWorker implements MessageMailConsumer {
  readonly worker: Worker<MessageMailJob>;
  private readonly running = new RunningJobs();

  constructor(
    connection: Redis,
    private readonly handler: MessageMailHandler,
    settings: BullMqMessageMailWorkerSettings = {},
  ) {
    this.worker = new Worker<MessageMailJob>(
      MESSAGE_MAIL_QUEUE_NAME,
      (job, token) => this.running.run(() => this.process(job, token)),
      {
        connection: connection as unknown as ConnectionOptions,
        prefix: settings.prefix,
        autorun: false,
        concurrency: settings.concurrency ?? 2,
        lockDuration: 30_000,
        maxStalledCount: 3,
      },
    );
    // Errors are reported per job (failed event); a listener keeps them off stderr as unhandled.
    this.worker.on('error', () => undefined);
  }

  private async process(job: Job<MessageMailJob>, token?: string): Promise<void> {
    const verdict = await this.handler.handle(job.data.messageId);
    if (verdict.kind === 'later') {
      await job.moveToDelayed(Date.now() + verdict.delayMs, token);
      throw new DelayedError();
    }
  }

  start(): void {
    if (this.worker.isRunning()) return;
    this.worker.run().catch((error: unknown) => this.worker.emit('error', error as Error));
  }

  close(): Promise<void> {
    return closeWorkerWithin(this.worker, this.running);
  }
}
