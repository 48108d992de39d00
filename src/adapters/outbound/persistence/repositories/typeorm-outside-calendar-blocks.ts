import { EntityManager } from 'typeorm';
import type {
  BlockOutcome,
  OutsideCalendarBlocks,
} from '../../../../application/ports/outside-calendar-blocks.port';
import type { TimeRange } from '../../../../domain/shared/time-range';
import { runAgainOnConflict } from '../retried-transaction';
import { isExclusionViolation } from '../postgres-refusals';
import { OverlappingAppointmentRow } from './typeorm-outside-calendar-blocks.rows';

/** busy_blocks rows of kind 'calendar', keyed by the external booking uid. */
export class TypeOrmOutsideCalendarBlocks implements OutsideCalendarBlocks {
  constructor(private readonly m: EntityManager) {}

  async block(
    companyId: string,
    staffId: string,
    externalUid: string,
    range: TimeRange,
  ): Promise<BlockOutcome> {
    const existing: unknown[] = await this.m.query(
      `SELECT 1 FROM busy_blocks WHERE company_id = $1 AND external_uid = $2`,
      [companyId, externalUid],
    );
    if (existing.length > 0) return { kind: 'duplicate' };
    return this.placeBlock(companyId, staffId, externalUid, range);
  }

  async release(companyId: string, externalUid: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `UPDATE busy_blocks SET active = false
        WHERE company_id = $1 AND external_uid = $2 AND kind = 'calendar' AND active
       RETURNING id`,
      [companyId, externalUid],
    );
    return rows.length > 0;
  }

  async move(
    companyId: string,
    staffId: string,
    fromUid: string,
    toUid: string,
    range: TimeRange,
  ): Promise<BlockOutcome> {
    // The same move delivered again: the block already sits there under its new uid.
    const already: unknown[] = await this.m.query(
      `SELECT 1 FROM busy_blocks
        WHERE company_id = $1 AND external_uid = $2 AND kind = 'calendar'
          AND during = tstzrange($3, $4, '[)')`,
      [companyId, toUid, range.start, range.end],
    );
    if (already.length > 0) return { kind: 'duplicate' };
    return this.placeBlock(companyId, staffId, toUid, range, [fromUid, toUid]);
  }

  /**
   * The booking already exists in the calendar, so it outranks any hold here: holds over that
   * time (live ones, and lapsed ones not yet tidied away) are released, and their callers hear
   * "taken" when they book. Only appointments, or another outside booking, can stand in the way;
   * the block is then kept inactive and the appointments are named (the holds stay released:
   * the calendar has that time whatever becomes of the block). `replacing`: the blocks of a
   * moved booking, removed in the same transaction. Run again when Postgres ends a deadlock
   * with a hold placed at the same moment.
   */
  private async placeBlock(
    companyId: string,
    staffId: string,
    externalUid: string,
    range: TimeRange,
    replacing: string[] = [],
  ): Promise<BlockOutcome> {
    const params = [companyId, staffId, range.start, range.end, externalUid];
    const blocked = await runAgainOnConflict(() =>
      this.m.transaction(async (t) => {
        // The stylist's days are locked as a hold or a booking locks them, so no hold is placed
        // between the release and the insert. '-infinity': nothing is tidied by its age here.
        await t.query(
          `SELECT lock_busy_time($1, ARRAY[$2::timestamptz], ARRAY[$3::timestamptz], '-infinity')`,
          [staffId, range.start, range.end],
        );
        if (replacing.length > 0) {
          await t.query(
            `DELETE FROM busy_blocks
              WHERE company_id = $1 AND external_uid = ANY($2::varchar[]) AND kind = 'calendar'`,
            [companyId, replacing],
          );
        }
        await t.query(
          `WITH hit AS (
             SELECT DISTINCT hold_id FROM busy_blocks
              WHERE active AND kind = 'hold' AND staff_id = $1 AND during && tstzrange($2, $3, '[)')),
           freed AS (
             UPDATE busy_blocks SET active = false
              WHERE active AND hold_id IN (SELECT hold_id FROM hit))
           UPDATE holds SET released_at = now()
            WHERE id IN (SELECT hold_id FROM hit) AND released_at IS NULL`,
          [staffId, range.start, range.end],
        );
        await t.query('SAVEPOINT outside_block');
        try {
          await t.query(
            `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
             VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5)`,
            params,
          );
          return true;
        } catch (error) {
          if (!isExclusionViolation(error)) throw error;
          await t.query('ROLLBACK TO SAVEPOINT outside_block');
        }
        await t.query(
          `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid, active)
           VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5, false)
           ON CONFLICT DO NOTHING`,
          params,
        );
        return false;
      }),
    );
    if (blocked) return { kind: 'blocked' };
    return { kind: 'overlap', appointmentIds: await this.overlapping(staffId, range) };
  }

  private async overlapping(staffId: string, range: TimeRange): Promise<string[]> {
    const rows: OverlappingAppointmentRow[] = await this.m.query(
      `SELECT DISTINCT appointment_id FROM busy_blocks
        WHERE staff_id = $1 AND active AND appointment_id IS NOT NULL
          AND during && tstzrange($2, $3, '[)')`,
      [staffId, range.start, range.end],
    );
    return rows.map((r) => r.appointment_id);
  }
}
