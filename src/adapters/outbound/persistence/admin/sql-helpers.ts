import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../postgres-refusals';

/** Runs `write` under a savepoint; a unique violation rolls back only it and answers null. */
export async function unlessDuplicate<T>(
  m: EntityManager,
  write: (m: EntityManager) => Promise<T>,
): Promise<T | null> {
  try {
    return await m.transaction(write);
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** `HH:mm` of a Postgres `time` text ('09:00:00', '24:00:00'). */
export const wallTime = (text: string): string => text.slice(0, 5);

/** TypeORM answers UPDATE/DELETE on Postgres with `[rows, rowCount]`, anything else with rows. */
function isUpdateResult(result: unknown): result is [unknown[], number] {
  return (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  );
}

/** Rows an UPDATE/DELETE … RETURNING gave back. */
export function changedRows<T>(result: unknown): T[] {
  return isUpdateResult(result) ? (result[0] as T[]) : [];
}

/** How many rows an UPDATE/DELETE touched. */
export function affected(result: unknown): number {
  return isUpdateResult(result) ? result[1] : 0;
}
