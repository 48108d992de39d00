/** Injection token of what takes sync jobs off the queue in this process. */
export const SYNC_CONSUMER = Symbol('SyncConsumer');

/**
 * Takes jobs off the calendar-sync queue and hands them to the sync: a BullMQ worker, the
 * in-process queue's own loop, or nothing where a separate worker process consumes.
 */
export interface SyncConsumer {
  /** Starts taking jobs (once the application is up). */
  start(): void;
  /** Jobs taken at once from now on; running ones finish. */
  setConcurrency(n: number): void;
  /**
   * Stops taking jobs and lets the running ones end, for a bounded time: a BullMQ consumer
   * waits up to its lock duration, then leaves what still runs to be run again elsewhere.
   */
  close(): Promise<void>;
}

/** The API process when `start:worker` processes run the sync jobs: it consumes nothing. */
export const NO_SYNC_CONSUMER: SyncConsumer = {
  start: () => undefined,
  setConcurrency: () => undefined,
  close: async () => undefined,
};
