import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import { HoldRepository } from '../../../../application/ports/hold.repository.port';
import { Hold } from '../../../../domain/appointment/hold';
import { SlotTaken } from '../../../../domain/availability/availability.errors';
import { Result } from '../../../../domain/shared/result';
import { PlacedHoldRow, toPlacement } from './typeorm-hold.rows';

export class TypeOrmHoldRepository implements HoldRepository {
  constructor(private readonly m: EntityManager) {}

  async place(scope: TenantScope, hold: Hold, now: Date): Promise<Result<void, SlotTaken>> {
    const s = hold.toSnapshot();
    // One round trip (see the place_hold and shared-visits migrations): earlier holds of this
    // call and expired ones released, then the hold and its blocks, each under its stylist,
    // written whole, or the kind in the way named.
    const [row]: PlacedHoldRow[] = await this.m.query(
      `SELECT place_hold($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz[], $10::timestamptz[],
                         $11::uuid[], $12::jsonb) AS in_the_way`,
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
        s.busyStaffIds ? [...s.busyStaffIds] : null,
        s.assignment ? JSON.stringify(s.assignment) : null,
      ],
    );
    return toPlacement(row);
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
