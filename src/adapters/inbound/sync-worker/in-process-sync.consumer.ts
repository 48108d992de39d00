import type { SyncJobHandler } from '../../../application/ports/sync-queue.port';
import type { InProcessSyncQueue } from '../../outbound/local/in-process-sync.queue';
import type { SyncConsumer } from './sync-consumer';

/** Without Redis the queue runs its jobs itself; this hands them to the sync. */
export class InProcessSyncConsumer implements SyncConsumer {
  constructor(
    private readonly queue: InProcessSyncQueue,
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
