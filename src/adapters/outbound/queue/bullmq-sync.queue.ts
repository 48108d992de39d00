import { bounded } from './bounded-add';
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type Redis from 'ioredis';
import {
  jobForEntry,
  syncJobId,
  type CompensationJob,
  type SyncAppointmentJob,
  type SyncJob,
  type SyncQueue,
} from '../../../application/ports/sync-queue.port';
import type { OutboxEntry } from '../../../application/ports/sync-outbox.port';

export const CALENDAR_SYNC_QUEUE = 'calendar-sync';

/** Job states in which a job will still run (or runs); `completed`, `failed`, `unknown` not. */
const QUEUED_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

export interface BullMqQueueSettings {
  readonly attempts: number;
  readonly backoffMs: number;
  /** Key prefix in Redis (tests use one per file). */
  readonly prefix?: string;
  /**
   * A queue add that takes longer fails, so the outbox row stays pending (Redis down); a
   * reconciliation schedule that takes longer fails too, and is made again later.
   */
  readonly addTimeoutMs?: number;
}

/**
 * Producer side of the `calendar-sync` BullMQ queue. The service gives it a connection that
 * fails fast (BullMQ allows that for producers; only workers must wait): an add while Redis is
 * away fails at once, and the outbox row stays pending for the relay's next round.
 */
export class BullMqSyncQueue implements SyncQueue {
  readonly queue: Queue<SyncJob>;

  constructor(
    connection: Redis,
    private readonly settings: BullMqQueueSettings,
  ) {
    this.queue = new Queue<SyncJob>(CALENDAR_SYNC_QUEUE, {
      connection: connection as unknown as ConnectionOptions,
      prefix: settings.prefix,
      // BullMQ asks the server's version once, at start; on this connection an answer later
      // than REDIS_COMMAND_TIMEOUT_MS (a busy boot) fails that question for good, and every
      // add with it. The producer needs no version; the worker's connection still checks it.
      skipVersionCheck: true,
    });
    // Connection errors fail the adds that meet them; the event must not go unheard.
    this.queue.on('error', () => undefined);
  }

  enqueue(entry: OutboxEntry): Promise<void> {
    return this.add(jobForEntry(entry));
  }

  enqueueSweep(entry: OutboxEntry, round: string): Promise<void> {
    return this.add({ ...jobForEntry(entry), sweep: round });
  }

  async isQueued(job: SyncAppointmentJob): Promise<boolean> {
    const state = await this.withinAddTime('job state', this.queue.getJobState(syncJobId(job)));
    return QUEUED_STATES.has(state);
  }

  enqueueCompensation(job: CompensationJob): Promise<void> {
    return this.add(job);
  }

  /** Bounded like an add: a start while Redis is away goes on (the schedule is made later). */
  async scheduleReconciliation(companyId: string, everyMs: number): Promise<void> {
    await this.withinAddTime(
      'reconciliation schedule',
      this.queue.upsertJobScheduler(
        `reconcile-${companyId}`,
        { every: everyMs },
        {
          name: 'reconcile',
          data: { kind: 'reconcile', companyId },
          opts: { removeOnComplete: true, removeOnFail: 100 },
        },
      ),
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  private async add(job: SyncJob): Promise<void> {
    const opts: JobsOptions = {
      jobId: syncJobId(job),
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      // Kept a day so that a second enqueue of the same change still collapses.
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
    await this.withinAddTime('queue add', this.queue.add(job.kind, job, opts));
  }

  private withinAddTime<T>(what: string, work: Promise<T>): Promise<T> {
    return bounded(what, work, this.settings.addTimeoutMs ?? 5000);
  }
}
