import { SlotTaken } from '../../../../domain/availability/availability.errors';
import { BusyKind } from '../../../../domain/availability/busy-interval';
import { StylistStep } from '../../../../domain/salon/visit-assignment';
import { err, ok, Result } from '../../../../domain/shared/result';
import { EntityManager } from 'typeorm';
import { isExclusionViolation } from '../postgres-refusals';
import { BusyKindRow } from './typeorm-appointment.rows';

export { isExclusionViolation };

/**
 * Runs `write` in its own transaction, or under a savepoint inside the caller's. The no-overlap
 * constraint's refusal rolls back only that and comes back as SlotTaken naming what was in
 * the way; other errors propagate. A write of one statement is atomic by itself and needs
 * neither: outside a transaction the refusal is looked into as above; inside one it leaves the
 * transaction aborted (nothing more can be read there, so the kind is not named) and the
 * caller must roll back, which saves two round trips on the booking path.
 */
export async function refusingOverlaps(
  manager: EntityManager,
  steps: readonly StylistStep[],
  write: (m: EntityManager) => Promise<unknown>,
  options: { singleStatement?: boolean } = {},
): Promise<Result<void, SlotTaken>> {
  try {
    if (options.singleStatement) await write(manager);
    else await manager.transaction(write);
    return ok(undefined);
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    if (options.singleStatement && manager.queryRunner?.isTransactionActive === true) {
      return err(new SlotTaken('appointment'));
    }
    return err(new SlotTaken(await conflictingKind(manager, steps)));
  }
}

async function conflictingKind(m: EntityManager, steps: readonly StylistStep[]): Promise<BusyKind> {
  for (const { staffId, range } of steps) {
    const rows: BusyKindRow[] = await m.query(
      `SELECT kind FROM busy_blocks WHERE staff_id = $1 AND active AND during && tstzrange($2, $3, '[)') LIMIT 1`,
      [staffId, range.start, range.end],
    );
    if (rows.length > 0) return rows[0].kind;
  }
  return 'appointment'; // the other writer committed and then moved on; still taken
}
