import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import { HoldRepository } from '../../../../application/ports/hold.repository.port';
import { Hold } from '../../../../domain/appointment/hold';
import { SlotTaken } from '../../../../domain/availability/availability-errors';
import { Result } from '../../../../domain/shared/result';
import { TimeRange } from '../../../../domain/shared/time-range';
import { refusingOverlaps } from './slot-taken.translation';

export class TypeOrmHoldRepository implements HoldRepository {
  constructor(private readonly m: EntityManager) {}

  async place(scope: TenantScope, hold: Hold, now: Date): Promise<Result<void, SlotTaken>> {
    const s = hold.toSnapshot();
    // This call's earlier holds and the stylist's expired ones stop blocking, in one statement.
    await this.m.query(
      `WITH own AS (
         UPDATE holds SET released_at = $3
          WHERE company_id = $1 AND call_id = $2 AND released_at IS NULL RETURNING id)
       UPDATE busy_blocks SET active = false
        WHERE active AND kind = 'hold'
          AND (hold_id IN (SELECT id FROM own) OR (staff_id = $4 AND expires_at <= $3))`,
      [scope.companyId, s.callId, now, s.staffId],
    );
    // The hold and its busy blocks in one statement: placed whole, or refused whole.
    return refusingOverlaps(
      this.m,
      s.staffId,
      s.busy,
      (m) =>
        m.query(
          `WITH h AS (
             INSERT INTO holds(id, company_id, call_id, staff_id, service_id, starts_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, company_id, staff_id, expires_at)
           INSERT INTO busy_blocks(company_id, staff_id, kind, during, hold_id, expires_at)
           SELECT h.company_id, h.staff_id, 'hold', tstzrange(r.s, r.e, '[)'), h.id, h.expires_at
             FROM h, unnest($8::timestamptz[], $9::timestamptz[]) AS r(s, e)`,
          [
            s.id,
            scope.companyId,
            s.callId,
            s.staffId,
            s.serviceId,
            s.start,
            s.expiresAt,
            s.busy.map((r) => r.start),
            s.busy.map((r) => r.end),
          ],
        ),
      { singleStatement: true },
    );
  }

  async liveForCall(scope: TenantScope, callId: string, now: Date): Promise<Hold[]> {
    const rows: Array<{
      id: string;
      call_id: string;
      staff_id: string;
      service_id: string;
      starts_at: Date;
      expires_at: Date;
      busy: Array<{ s: string; e: string }> | null;
    }> = await this.m.query(
      `SELECT h.id, h.call_id, h.staff_id, h.service_id, h.starts_at, h.expires_at,
              json_agg(json_build_object('s', lower(b.during), 'e', upper(b.during)) ORDER BY lower(b.during))
                FILTER (WHERE b.id IS NOT NULL) AS busy
         FROM holds h LEFT JOIN busy_blocks b ON b.hold_id = h.id AND b.active
        WHERE h.company_id = $1 AND h.call_id = $2 AND h.released_at IS NULL AND h.expires_at > $3
        GROUP BY h.id ORDER BY h.created_at`,
      [scope.companyId, callId, now],
    );
    return rows.map((r) =>
      Hold.restore({
        id: r.id,
        callId: r.call_id,
        staffId: r.staff_id,
        serviceId: r.service_id,
        start: new Date(r.starts_at),
        expiresAt: new Date(r.expires_at),
        busy: (r.busy ?? []).map((x) => TimeRange.of(new Date(x.s), new Date(x.e))),
      }),
    );
  }

  async release(scope: TenantScope, holdId: string, now: Date): Promise<void> {
    await this.m.query(
      `UPDATE holds SET released_at = $3 WHERE id = $2 AND company_id = $1 AND released_at IS NULL`,
      [scope.companyId, holdId, now],
    );
    await this.m.query(`UPDATE busy_blocks SET active = false WHERE hold_id = $1 AND active`, [
      holdId,
    ]);
  }

  async releaseForCall(scope: TenantScope, callId: string, now: Date): Promise<void> {
    await this.m.query(
      `UPDATE busy_blocks SET active = false
        WHERE active AND hold_id IN (SELECT id FROM holds WHERE company_id = $1 AND call_id = $2)`,
      [scope.companyId, callId],
    );
    await this.m.query(
      `UPDATE holds SET released_at = $3 WHERE company_id = $1 AND call_id = $2 AND released_at IS NULL`,
      [scope.companyId, callId, now],
    );
  }
}
