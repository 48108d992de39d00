import type { Job, WorkerOptions } from 'bullmq';
import type { SyncJob, SyncJobHandler } from '../../../application/ports/sync-queue.port';
import { putJobBack } from '../bullmq-worker/put-job-back';

export interface BullMqWorkerSettings {
  readonly concurrency: number;
  /** How long a job's lock lives without renewal: a dead worker's job stalls and is retried. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}

/** The worker options every consumer of `calendar-sync` runs with (connection and prefix aside). */
export function bullMqWorkerOptions(
  settings: BullMqWorkerSettings,
): Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> {
  return {
    concurrency: settings.concurrency,
    lockDuration: settings.lockDurationMs ?? 30_000,
    stalledInterval: settings.stalledIntervalMs ?? 30_000,
    maxStalledCount: 3,
  };
}

/**
 * Runs one job through the sync. A retry verdict fails the attempt (BullMQ's backoff applies);
 * a later verdict puts the job back to the delayed set without using an attempt.
 */
export async function runBullMqSyncJob(
  handler: SyncJobHandler,
  job: Job<SyncJob>,
  token?: string,
): Promise<void> {
  const attempts = job.opts.attempts ?? 1;
  const number = job.attemptsMade + 1;
  const verdict = await handler.handle(job.data, { number, final: number >= attempts });
  if (verdict.kind === 'retry') throw new Error(verdict.reason);
  // Breaker open, appointment busy: not a failed attempt.
  if (verdict.kind === 'later') await putJobBack(job, verdict.delayMs, token);
}
