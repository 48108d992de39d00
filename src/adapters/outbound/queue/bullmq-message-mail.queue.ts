import { bounded } from './bounded-add';
import { Queue, type ConnectionOptions } from 'bullmq';
import type Redis from 'ioredis';
import type { MessageMailQueue } from '../../../application/ports/message-mail-queue.port';

export const MESSAGE_MAIL_QUEUE_NAME = 'caller-message-mail';

/** The job: the message id only; the worker reads the rest from the stored row. */
export interface MessageMailJob {
  readonly messageId: string;
}

/** One job per message, and one per message and sweep round (BullMQ ids: dashes, no colons). */
export const messageMailJobId = (messageId: string, round?: string): string =>
  round ? `mail-${messageId}-sweep-${round}` : `mail-${messageId}`;

export interface BullMqMessageMailSettings {
  /** Key prefix in Redis (the calendar-sync queue's; tests use one per file). */
  readonly prefix?: string;
  /** An add that takes longer fails; the row stays pending and the sweeper queues it. */
  readonly addTimeoutMs?: number;
}

/**
 * Producer side of the `caller-message-mail` BullMQ queue, on the fail-fast connection: an add
 * while Redis is away fails at once, the call is answered anyway, and the worker's sweeper finds
 * the stored row overdue and queues it again.
 */
export class BullMqMessageMailQueue implements MessageMailQueue {
  readonly queue: Queue<MessageMailJob>;

  constructor(
    connection: Redis,
    private readonly settings: BullMqMessageMailSettings = {},
  ) {
    this.queue = new Queue<MessageMailJob>(MESSAGE_MAIL_QUEUE_NAME, {
      connection: connection as unknown as ConnectionOptions,
      prefix: settings.prefix,
      skipVersionCheck: true,
    });
    this.queue.on('error', () => undefined);
  }

  async enqueue(messageId: string, round?: string): Promise<void> {
    await bounded(
      'mail add',
      this.queue.add(
        'mail',
        { messageId },
        {
          jobId: messageMailJobId(messageId, round),
          // A throw (database away) is retried; a refusing mail server is not a throw.
          attempts: 5,
          backoff: { type: 'exponential', delay: 5000 },
          // Kept a day so that a second add of the same message still collapses.
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      ),
      this.settings.addTimeoutMs ?? 5000,
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
