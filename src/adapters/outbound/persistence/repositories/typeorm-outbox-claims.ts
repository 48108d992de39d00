import { DataSource } from 'typeorm';
import type { OutboxEntry } from '../../../../application/ports/sync-outbox.port';
import type { OutboxClaims } from '../../../../application/ports/sync-queue.port';
import { OutboxRow, StalledRow, toOutboxEntry, toStalledEntry } from './typeorm-sync-outbox.rows';

/** Claims outbox rows with `FOR UPDATE SKIP LOCKED`, so several relays never send one row twice. */
export class TypeOrmOutboxClaims implements OutboxClaims {
  constructor(private readonly dataSource: DataSource) {}

  relay(
    limit: number,
    enqueue: (entries: readonly OutboxEntry[]) => Promise<void>,
    at: Date,
  ): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT id, company_id, appointment_id, action, appointment_version
           FROM sync_outbox WHERE enqueued_at IS NULL
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const entries: OutboxEntry[] = rows.map(toOutboxEntry);
      await enqueue(entries);
      await m.query(`UPDATE sync_outbox SET enqueued_at = $2 WHERE id = ANY($1::bigint[])`, [
        entries.map((e) => e.id),
        at,
      ]);
      return entries.length;
    });
  }

  async stalled(
    olderThan: Date,
    limit: number,
    afterAppointmentId?: string,
  ): Promise<OutboxEntry[]> {
    const rows: StalledRow[] = await this.dataSource.query(
      `SELECT a.company_id, a.id AS appointment_id, o.id AS outbox_id,
              COALESCE(o.action, 'create') AS action,
              COALESCE(o.appointment_version, a.version) AS appointment_version
         FROM appointments a
         LEFT JOIN LATERAL (
               SELECT id, action, appointment_version, enqueued_at FROM sync_outbox
                WHERE appointment_id = a.id ORDER BY id DESC LIMIT 1) o ON true
        WHERE a.sync_state IN ('pending', 'failed')
          AND a.status IN ('scheduled', 'cancelled')
          AND GREATEST(a.updated_at, COALESCE(o.enqueued_at, a.updated_at)) < $1
          AND NOT EXISTS (SELECT 1 FROM sync_outbox u
                           WHERE u.appointment_id = a.id AND u.enqueued_at IS NULL)
          AND ($3::uuid IS NULL OR a.id > $3::uuid)
        ORDER BY a.id LIMIT $2`,
      [olderThan, limit, afterAppointmentId ?? null],
    );
    return rows.map(toStalledEntry);
  }
}
