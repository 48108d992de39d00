import type { OutboxEntry } from './sync-outbox.port';

/**
 * The queue between a committed booking change and the calendar sync processor. BullMQ when
 * Redis is configured, an in-process queue otherwise; both retry with exponential backoff.
 */
export const SYNC_QUEUE = Symbol('SyncQueue');

/** Fire-and-forget nudge for the outbox relay, called by use cases after their commit. */
export const SYNC_KICKER = Symbol('SyncKicker');

/** Outbox rows claimed for relaying (`SELECT … FOR UPDATE SKIP LOCKED`). */
export const OUTBOX_CLAIMS = Symbol('OutboxClaims');

/** Brings one appointment's calendar mirror up to date (create, cancel or reschedule). */
export interface SyncAppointmentJob {
  readonly kind: 'sync';
  readonly companyId: string;
  readonly appointmentId: string;
  readonly appointmentVersion: number;
  readonly action: OutboxEntry['action'];
  /** Set on a job the stalled-sync sweeper queued again: names its sweep round. */
  readonly sweep?: string;
}

/** Cancels the bookings a failed sync left behind (those in the ledger marked `cancelling`). */
export interface CompensationJob {
  readonly kind: 'compensate';
  readonly companyId: string;
  readonly appointmentId: string;
  readonly appointmentVersion: number;
}

/** Compares one tenant's external calendar with ours for the coming days. */
export interface ReconciliationJob {
  readonly kind: 'reconcile';
  readonly companyId: string;
}

export type SyncJob = SyncAppointmentJob | CompensationJob | ReconciliationJob;

/** Which delivery of a job this is; `final` when no retry follows a failure. */
export interface JobAttempt {
  /** 1 for the first delivery. */
  readonly number: number;
  readonly final: boolean;
}

/** What a job handler tells the queue. */
export type JobVerdict =
  /** Done (whatever the calendar outcome: synced, manual review, nothing to do). */
  | { readonly kind: 'done' }
  /** This attempt failed; retry with backoff (counts as an attempt). */
  | { readonly kind: 'retry'; readonly reason: string }
  /** Not now, without using an attempt (breaker open, appointment busy in another job). */
  | { readonly kind: 'later'; readonly delayMs: number; readonly reason: string };

export interface SyncJobHandler {
  handle(job: SyncJob, attempt: JobAttempt): Promise<JobVerdict>;
}

export function syncJobId(job: SyncJob): string {
  switch (job.kind) {
    case 'sync':
      // A swept job needs its own id, or it collapses into the finished job of the same change.
      // BullMQ accepts a colon only in ids of exactly three parts, hence the dashes.
      return `${job.appointmentId}:${job.appointmentVersion}:${job.action}${job.sweep ? `-sweep-${job.sweep}` : ''}`;
    case 'compensate':
      return `${job.appointmentId}:${job.appointmentVersion}:compensate`;
    case 'reconcile':
      return `reconcile-${job.companyId}`;
  }
}

export function jobForEntry(entry: OutboxEntry): SyncAppointmentJob {
  return {
    kind: 'sync',
    companyId: entry.companyId,
    appointmentId: entry.appointmentId,
    appointmentVersion: entry.appointmentVersion,
    action: entry.action,
  };
}

export interface SyncQueue {
  /** Job id `${appointmentId}:${version}:${action}`: a second enqueue of one entry collapses. */
  enqueue(entry: OutboxEntry): Promise<void>;
  /**
   * Queues a change again whose job may be lost (Redis restarted without persistence). The job id
   * carries the sweep round, so it runs even while a job of the same change is kept as done.
   */
  enqueueSweep(entry: OutboxEntry, round: string): Promise<void>;
  /**
   * True while this job waits, is delayed (backoff, "later") or runs: it is not lost. False when
   * the queue does not know it (lost with Redis, or never queued) or it has ended.
   */
  isQueued(job: SyncAppointmentJob): Promise<boolean>;
  /** Queues a compensation (its own job, its own retries). */
  enqueueCompensation(job: CompensationJob): Promise<void>;
  /** Repeats a reconciliation of this tenant every `everyMs`. */
  scheduleReconciliation(companyId: string, everyMs: number): Promise<void>;
}

export interface SyncKicker {
  /** Relays pending outbox rows soon; never throws, never waits. */
  kick(): void;
}

/** For wiring without a relay (tests that relay by hand): nothing is kicked. */
export const NO_SYNC_KICKS: SyncKicker = { kick: () => undefined };

export interface OutboxClaims {
  /**
   * Claims up to `limit` unenqueued rows (rows another relay holds are skipped), hands them to
   * `enqueue` and marks them enqueued in the same transaction. When `enqueue` throws, nothing is
   * marked and the rows stay pending. Returns how many were relayed.
   */
  relay(
    limit: number,
    enqueue: (entries: readonly OutboxEntry[]) => Promise<void>,
    at: Date,
  ): Promise<number>;
  /**
   * Appointments whose sync is pending or failed and whose last change is older than
   * `olderThan`, each with its newest outbox entry (the appointment's version and a create when
   * it has none), ordered by appointment id after `afterAppointmentId`. "Last change" is the
   * later of the appointment's `updated_at` (every sync attempt bumps it) and the newest outbox
   * row's `enqueued_at`, so a change relayed only now is not swept at once. Appointments with an
   * outbox row not yet relayed are left to the relay; completed and no-show ones are history the
   * sync leaves as it is, so sweeping them would only repeat a job that does nothing.
   */
  stalled(olderThan: Date, limit: number, afterAppointmentId?: string): Promise<OutboxEntry[]>;
}
