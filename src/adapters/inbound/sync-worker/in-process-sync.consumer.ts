import type { SyncJobHandler } from '../../../application/ports/sync-queue.port';
import type { SyncConsumer } from './sync-consumer';

/** A queue that runs its jobs itself (the in-process queue). */
export interface SelfRunningQueue {
  consume(handler: SyncJobHandler): void;
  setConcurrency(n: number): void;
  close(): Promise<void>;
}

/** Without Redis the queue runs its jobs itself; this hands them to the sync. */
export class InProcessSyncConsumer implements SyncConsumer {
  constructor(
    private readonly queue: SelfRunningQueue,
    private readonly handler: SyncJobHandler,
  ) {}

  start(): void {
    this.queue.consume(this.handler);
  }

  setConcurrency(n: number): void {
    this.queue.setConcurrency(n);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
