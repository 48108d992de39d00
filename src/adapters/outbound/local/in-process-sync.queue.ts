import {
  jobForEntry,
  syncJobId,
  type CompensationJob,
  type SyncAppointmentJob,
  type SyncJob,
  type SyncJobHandler,
  type SyncQueue,
} from '../../../application/ports/sync-queue.port';
import type { OutboxEntry } from '../../../application/ports/sync-outbox.port';

export interface InProcessQueueSettings {
  readonly attempts: number;
  readonly backoffMs: number;
  readonly concurrency: number;
}

interface Slot {
  readonly job: SyncJob;
  attemptsMade: number;
}

/**
 * The sync queue without Redis (`npm start`): jobs live in this process with BullMQ's retry
 * semantics (attempts, exponential backoff, job ids that collapse duplicates). Jobs not done at
 * shutdown are not lost: their outbox rows were relayed, and the next start's reconciliation
 * and the appointments' pending sync state show them.
 */
export class InProcessSyncQueue implements SyncQueue {
  private handler: SyncJobHandler | undefined;
  private readonly slots = new Map<string, Slot>();
  private readonly finished = new Set<string>();
  private readonly waiting: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly repeats = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private idle: Array<() => void> = [];
  private closed = false;
  /** Jobs that used every attempt, newest last (for tests and the dashboard). */
  readonly failed: Array<{ id: string; reason: string }> = [];

  private concurrency: number;

  constructor(private readonly settings: InProcessQueueSettings) {
    this.concurrency = settings.concurrency;
  }

  /** Jobs run at once from now on; running ones finish. */
  setConcurrency(n: number): void {
    this.concurrency = n;
    this.pump();
  }

  async enqueue(entry: OutboxEntry): Promise<void> {
    this.add(jobForEntry(entry));
  }

  async enqueueSweep(entry: OutboxEntry, round: string): Promise<void> {
    this.add({ ...jobForEntry(entry), sweep: round });
  }

  async isQueued(job: SyncAppointmentJob): Promise<boolean> {
    return this.slots.has(syncJobId(job));
  }

  async enqueueCompensation(job: CompensationJob): Promise<void> {
    this.add(job);
  }

  async scheduleReconciliation(companyId: string, everyMs: number): Promise<void> {
    const id = `reconcile-${companyId}`;
    if (this.repeats.has(id)) clearInterval(this.repeats.get(id));
    const timer = setInterval(() => this.add({ kind: 'reconcile', companyId }), everyMs);
    timer.unref();
    this.repeats.set(id, timer);
  }

  /** Starts delivering jobs to `handler`. */
  consume(handler: SyncJobHandler): void {
    this.handler = handler;
    this.pump();
  }

  /** Resolves once nothing is waiting, running or scheduled for a retry. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    for (const t of this.repeats.values()) clearInterval(t);
    this.timers.clear();
    this.repeats.clear();
    await Promise.allSettled([...this.running]);
  }

  private add(job: SyncJob): void {
    if (this.closed) throw new Error('sync queue is closed');
    const id = syncJobId(job);
    if (this.slots.has(id) || this.finished.has(id)) return;
    this.slots.set(id, { job, attemptsMade: 0 });
    this.waiting.push(id);
    this.pump();
  }

  private pump(): void {
    while (
      this.handler &&
      !this.closed &&
      this.running.size < this.concurrency &&
      this.waiting.length > 0
    ) {
      const id = this.waiting.shift()!;
      const run = this.run(id, this.handler).finally(() => {
        this.running.delete(run);
        this.pump();
        this.notifyIdle();
      });
      this.running.add(run);
    }
  }

  private async run(id: string, handler: SyncJobHandler): Promise<void> {
    const slot = this.slots.get(id);
    if (!slot) return;
    const number = slot.attemptsMade + 1;
    let verdict;
    try {
      verdict = await handler.handle(slot.job, {
        number,
        final: number >= this.settings.attempts,
      });
    } catch (error) {
      verdict = {
        kind: 'retry' as const,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
    if (verdict.kind === 'done') {
      this.slots.delete(id);
      if (slot.job.kind !== 'reconcile') this.remember(id);
      return;
    }
    if (verdict.kind === 'later') {
      this.later(id, verdict.delayMs);
      return;
    }
    slot.attemptsMade++;
    if (slot.attemptsMade >= this.settings.attempts) {
      this.slots.delete(id);
      this.failed.push({ id, reason: verdict.reason });
      return;
    }
    this.later(id, this.settings.backoffMs * 2 ** (slot.attemptsMade - 1));
  }

  private later(id: string, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting.push(id);
      this.pump();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private remember(id: string): void {
    this.finished.add(id);
    if (this.finished.size > 10_000) {
      this.finished.delete(this.finished.values().next().value as string);
    }
  }

  private isIdle(): boolean {
    return this.waiting.length === 0 && this.running.size === 0 && this.timers.size === 0;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idle;
    this.idle = [];
    for (const resolve of waiters) resolve();
  }
}
