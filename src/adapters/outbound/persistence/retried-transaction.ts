import { DataSource, EntityManager } from 'typeorm';
import { isLostToConcurrency } from './postgres-refusals';

const ATTEMPTS = 3;

/**
 * Runs `work` (a transaction, or one statement that is its own) again when Postgres aborts it
 * for a deadlock or a serialization conflict. Two bookings racing for overlapping time can
 * deadlock in the no-overlap constraint (each waits for the other's insert); the one aborted
 * then runs again, sees the winner's row and is refused as "taken", instead of failing.
 */
export async function runAgainOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isLostToConcurrency(error)) throw error;
      // A little apart, so the two do not meet again at once.
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

/** One transaction, run again as runAgainOnConflict says. */
export function retriedTransaction<T>(
  dataSource: DataSource,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return runAgainOnConflict(() => dataSource.transaction(work));
}
