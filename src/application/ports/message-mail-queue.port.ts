/**
 * The queue between a stored caller's message and the worker that mails it to the salon:
 * BullMQ where Redis is configured, in this process otherwise. A job carries the message id
 * only; the worker reads everything else from the stored row.
 */
export const MESSAGE_MAIL_QUEUE = Symbol('MessageMailQueue');

export interface MessageMailQueue {
  /**
   * Queues the mail of one message. `round` names a sweep that queues it again (a job lost
   * with Redis): the same message and round collapse into one job.
   */
  enqueue(messageId: string, round?: string): Promise<void>;
}

/** What one try of a message's mail tells the queue. */
export type MailVerdict =
  /** Sent, failed for good, not pending, or another worker holds it: nothing to come back for. */
  | { readonly kind: 'done' }
  /** Try again in `delayMs` (the mail server refused; the row says when). */
  | { readonly kind: 'later'; readonly delayMs: number };

export interface MessageMailHandler {
  handle(messageId: string): Promise<MailVerdict>;
}

/** For wiring where no mail goes out (tests of the phone functions alone). */
export const NO_MESSAGE_MAILS: MessageMailQueue = { enqueue: async () => undefined };
