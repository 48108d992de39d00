import type { Worker } from 'bullmq';

const ignore = () => undefined;

/** The jobs a BullMQ worker's processor runs in this process, for a shutdown to wait on. */
export class RunningJobs {
  private readonly running = new Set<Promise<void>>();

  /** Runs one job's work as one of them. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = work();
    const ended = result.then(ignore, ignore);
    this.running.add(ended);
    void ended.then(() => this.running.delete(ended));
    return result;
  }

  /**
   * Resolves once none runs (counting those started meanwhile), or after `withinMs`; says
   * whether none runs.
   */
  async ended(withinMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), withinMs);
    });
    try {
      while (this.running.size > 0) {
        const all = Promise.all(this.running).then(() => true);
        if (!(await Promise.race([all, late]))) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Closes a BullMQ worker in bounded time, also while Redis is away or just back.
 *
 * BullMQ's graceful close waits for its blocking connection to end, and ioredis never ends a
 * connection that waits to reconnect (Redis away, or back for less than the retry delay):
 * that close never returns, and SIGTERM would end in the orchestrator's SIGKILL. So the worker
 * takes no further job, the running ones get up to one lock duration to end, and the close is
 * forced, which drops the blocking connection without waiting for it. A job cut off is not
 * lost: its lock is no longer renewed, so another worker finds it stalled and runs it again,
 * which the sync's look-up before it books makes safe.
 */
export async function closeWorkerWithin(worker: Worker, running: RunningJobs): Promise<void> {
  await worker.pause(true);
  await running.ended(worker.opts.lockDuration ?? 30_000);
  // BullMQ records a job's end right after its processor's promise settles; a forced close
  // skips what is not recorded yet (the job would then run again), so it comes after that.
  await new Promise<void>((resolve) => setImmediate(resolve));
  await worker.close(true);
}
