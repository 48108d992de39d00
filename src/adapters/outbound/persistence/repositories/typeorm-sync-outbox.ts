import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import {
  OutboxEntry,
  SyncAction,
  SyncOutbox,
} from '../../../../application/ports/sync-outbox.port';
import { OutboxRow, toOutboxEntry } from './typeorm-sync-outbox.rows';

export class TypeOrmSyncOutbox implements SyncOutbox {
  constructor(private readonly m: EntityManager) {}

  async record(
    scope: TenantScope,
    appointmentId: string,
    action: SyncAction,
  ): Promise<OutboxEntry> {
    // The appointment's current version makes the entry, and later its job id, unique per change.
    const rows: OutboxRow[] = await this.m.query(
      `INSERT INTO sync_outbox(company_id, appointment_id, action, appointment_version)
       SELECT company_id, id, $3, version FROM appointments WHERE id = $2 AND company_id = $1
       ON CONFLICT (appointment_id, appointment_version, action) DO UPDATE SET action = EXCLUDED.action
       RETURNING id, company_id, appointment_id, action, appointment_version`,
      [scope.companyId, appointmentId, action],
    );
    if (rows.length !== 1) throw new Error(`appointment ${appointmentId} not found for the outbox`);
    return toOutboxEntry(rows[0]);
  }

  async pending(limit: number): Promise<OutboxEntry[]> {
    const rows: OutboxRow[] = await this.m.query(
      `SELECT id, company_id, appointment_id, action, appointment_version
         FROM sync_outbox WHERE enqueued_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map(toOutboxEntry);
  }

  async markEnqueued(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.m.query(`UPDATE sync_outbox SET enqueued_at = $2 WHERE id = ANY($1::bigint[])`, [
      [...ids],
      at,
    ]);
  }
}
