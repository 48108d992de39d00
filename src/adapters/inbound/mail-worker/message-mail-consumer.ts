/** Injection token of what takes mail jobs off the queue in this process. */
export const MESSAGE_MAIL_CONSUMER = Symbol('MessageMailConsumer');

/** True in the process that sends the mails (and sweeps for lost jobs). */
export const MESSAGE_MAIL_SENDS = Symbol('MessageMailSends');

/**
 * Takes caller-message mail jobs off the queue and hands them to the mail use case: a BullMQ
 * worker, the in-process queue's own loop, or nothing in an API process whose mails a
 * `start:worker` process sends.
 */
export interface MessageMailConsumer {
  start(): void;
  /** Stops taking jobs and lets running ones end, for a bounded time. */
  close(): Promise<void>;
}

export const NO_MESSAGE_MAIL_CONSUMER: MessageMailConsumer = {
  start: () => undefined,
  close: async () => undefined,
};
