import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import {
  OutboxEntry,
  SyncAction,
  SyncOutbox,
} from '../../../../application/ports/sync-outbox.port';

interface OutboxRow {
  id: string;
  company_id: string;
  appointment_id: string;
  action: SyncAction;
  appointment_version: number;
}

const toEntry = (r: OutboxRow): OutboxEntry => ({
  id: String(r.id),
  companyId: r.company_id,
  appointmentId: r.appointment_id,
  action: r.action,
  appointmentVersion: r.appointment_version,
});

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
    return toEntry(rows[0]);
  }

  async pending(limit: number): Promise<OutboxEntry[]> {
    const rows: OutboxRow[] = await this.m.query(
      `SELECT id, company_id, appointment_id, action, appointment_version
         FROM sync_outbox WHERE enqueued_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map(toEntry);
  }

  async markEnqueued(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.m.query(`UPDATE sync_outbox SET enqueued_at = $2 WHERE id = ANY($1::bigint[])`, [
      [...ids],
      at,
    ]);
  }
}
