import { OutboxEntry, SyncAction } from '../../../../application/ports/sync-outbox.port';

/** A `sync_outbox` row; its bigint id comes as text. */
export interface OutboxRow {
  id: string;
  company_id: string;
  appointment_id: string;
  action: SyncAction;
  appointment_version: number;
}

/**
 * An appointment whose sync stalled, with its newest outbox entry (none: a null id, and the
 * appointment's own version for a create).
 */
export interface StalledRow {
  company_id: string;
  appointment_id: string;
  outbox_id: string | null;
  action: SyncAction;
  appointment_version: number;
}

export const toOutboxEntry = (r: OutboxRow): OutboxEntry => ({
  id: String(r.id),
  companyId: r.company_id,
  appointmentId: r.appointment_id,
  action: r.action,
  appointmentVersion: r.appointment_version,
});

export const toStalledEntry = (r: StalledRow): OutboxEntry => ({
  id: r.outbox_id === null ? `appointment:${r.appointment_id}` : String(r.outbox_id),
  companyId: r.company_id,
  appointmentId: r.appointment_id,
  action: r.action,
  appointmentVersion: Number(r.appointment_version),
});
