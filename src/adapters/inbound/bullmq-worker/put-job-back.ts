import { DelayedError, type Job } from 'bullmq';

/**
 * Ends a job's run by putting it back to the delayed set until `delayMs` from now, without using
 * one of its attempts: for a job that could not run yet (breaker open, row busy, mail refused
 * for now), which is not a failure.
 */
export async function putJobBack(job: Job, delayMs: number, token?: string): Promise<never> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError();
}
