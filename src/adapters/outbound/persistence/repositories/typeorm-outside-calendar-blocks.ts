import { EntityManager } from 'typeorm';
import type {
  BlockOutcome,
  OutsideCalendarBlocks,
} from '../../../../application/ports/outside-calendar-blocks.port';
import type { TimeRange } from '../../../../domain/shared/time-range';
import { isExclusionViolation } from './slot-taken.translation';

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
    try {
      await this.m.transaction((t) =>
        t.query(
          `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
           VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5)`,
          [companyId, staffId, range.start, range.end, externalUid],
        ),
      );
      return { kind: 'blocked' };
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
    }
    const ids = await this.overlapping(staffId, range);
    await this.m.query(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid, active)
       VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5, false)
       ON CONFLICT DO NOTHING`,
      [companyId, staffId, range.start, range.end, externalUid],
    );
    return { kind: 'overlap', appointmentIds: ids };
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
    await this.m.query(
      `DELETE FROM busy_blocks
        WHERE company_id = $1 AND external_uid = ANY($2::varchar[]) AND kind = 'calendar'`,
      [companyId, [fromUid, toUid]],
    );
    return this.block(companyId, staffId, toUid, range);
  }

  private async overlapping(staffId: string, range: TimeRange): Promise<string[]> {
    const rows: Array<{ appointment_id: string }> = await this.m.query(
      `SELECT DISTINCT appointment_id FROM busy_blocks
        WHERE staff_id = $1 AND active AND appointment_id IS NOT NULL
          AND during && tstzrange($2, $3, '[)')`,
      [staffId, range.start, range.end],
    );
    return rows.map((r) => r.appointment_id);
  }
}
