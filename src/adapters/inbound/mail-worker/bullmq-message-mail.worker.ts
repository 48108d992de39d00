import type { Job } from 'bullmq';
import type Redis from 'ioredis';
import type { MessageMailHandler } from '../../../application/ports/message-mail-queue.port';
import {
  MESSAGE_MAIL_QUEUE_NAME,
  type MessageMailJob,
} from '../../outbound/queue/bullmq-message-mail.queue';
import { HandWiredBullMqWorker } from '../bullmq-worker/hand-wired-bullmq-worker';
import { putJobBack } from '../bullmq-worker/put-job-back';
import type { MessageMailConsumer } from './message-mail-consumer';

export interface BullMqMessageMailWorkerSettings {
  readonly prefix?: string;
  readonly concurrency?: number;
}

/**
 * Consumer of the `caller-message-mail` queue: hands each message id to the mail use case; a
 * refused mail goes back to the delayed set until its next try, without using an attempt.
 */
export class BullMqMessageMailWorker
  extends HandWiredBullMqWorker<MessageMailJob>
  implements MessageMailConsumer
{
  constructor(
    connection: Redis,
    handler: MessageMailHandler,
    settings: BullMqMessageMailWorkerSettings = {},
  ) {
    super(MESSAGE_MAIL_QUEUE_NAME, connection, (job, token) => sendMail(handler, job, token), {
      prefix: settings.prefix,
      autorun: false,
      concurrency: settings.concurrency ?? 2,
      lockDuration: 30_000,
      maxStalledCount: 3,
    });
  }
}

async function sendMail(
  handler: MessageMailHandler,
  job: Job<MessageMailJob>,
  token?: string,
): Promise<void> {
  const verdict = await handler.handle(job.data.messageId);
  if (verdict.kind === 'later') await putJobBack(job, verdict.delayMs, token);
}
