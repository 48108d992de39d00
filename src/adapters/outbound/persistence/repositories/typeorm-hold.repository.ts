import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import { HoldRepository } from '../../../../application/ports/hold.repository.port';
import { Hold } from '../../../../domain/appointment/hold';
import { SlotTaken } from '../../../../domain/availability/availability-errors';
import { BusyKind } from '../../../../domain/availability/busy-interval';
import { err, ok, Result } from '../../../../domain/shared/result';
import { TimeRange } from '../../../../domain/shared/time-range';

/** A live hold as liveHoldsOfCall() reads it (timestamps as dates, or as JSON strings). */
export interface LiveHoldRow {
  readonly id: string;
  readonly call_id: string;
  readonly staff_id: string;
  readonly service_id: string;
  readonly starts_at: Date | string;
  readonly expires_at: Date | string;
  readonly busy: Array<{ s: string; e: string }> | null;
}

/** The call's holds that still hold at `now`, with their active busy time; SQL placeholders given. */
export const liveHoldsOfCall = (company: string, call: string, now: string): string =>
  `SELECT h.id, h.call_id, h.staff_id, h.service_id, h.starts_at, h.expires_at, h.created_at,
          json_agg(json_build_object('s', lower(b.during), 'e', upper(b.during)) ORDER BY lower(b.during))
            FILTER (WHERE b.id IS NOT NULL) AS busy
     FROM holds h LEFT JOIN busy_blocks b ON b.hold_id = h.id AND b.active
    WHERE h.company_id = ${company} AND h.call_id = ${call} AND h.released_at IS NULL
      AND h.expires_at > ${now}
    GROUP BY h.id`;

export const holdFromRow = (r: LiveHoldRow): Hold =>
  Hold.restore({
    id: r.id,
    callId: r.call_id,
    staffId: r.staff_id,
    serviceId: r.service_id,
    start: new Date(r.starts_at),
    expiresAt: new Date(r.expires_at),
    busy: (r.busy ?? []).map((x) => TimeRange.of(new Date(x.s), new Date(x.e))),
  });

export class TypeOrmHoldRepository implements HoldRepository {
  constructor(private readonly m: EntityManager) {}

  async place(scope: TenantScope, hold: Hold, now: Date): Promise<Result<void, SlotTaken>> {
    const s = hold.toSnapshot();
    // One round trip (see the place_hold migration): earlier holds of this call and expired
    // ones released, then the hold and its blocks written whole, or the kind in the way named.
    const [row]: Array<{ in_the_way: BusyKind | null }> = await this.m.query(
      `SELECT place_hold($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz[], $10::timestamptz[])
                AS in_the_way`,
      [
        s.id,
        scope.companyId,
        s.callId,
        s.staffId,
        s.serviceId,
        s.start,
        s.expiresAt,
        now,
        s.busy.map((r) => r.start),
        s.busy.map((r) => r.end),
      ],
    );
    return row.in_the_way === null ? ok(undefined) : err(new SlotTaken(row.in_the_way));
  }

  async liveForCall(scope: TenantScope, callId: string, now: Date): Promise<Hold[]> {
    const rows: LiveHoldRow[] = await this.m.query(
      `${liveHoldsOfCall('$1', '$2', '$3')} ORDER BY h.created_at`,
      [scope.companyId, callId, now],
    );
    return rows.map(holdFromRow);
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
    // One statement: the call's holds are marked released and their blocks stop blocking.
    await this.m.query(
      `WITH own AS (
         UPDATE holds SET released_at = $3
          WHERE company_id = $1 AND call_id = $2 AND released_at IS NULL RETURNING id)
       UPDATE busy_blocks SET active = false
        WHERE active AND hold_id IN (SELECT id FROM own)`,
      [scope.companyId, callId, now],
    );
  }
}
