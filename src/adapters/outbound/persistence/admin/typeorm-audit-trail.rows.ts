import { AuditRecord } from '../../../../application/admin/ports/audit-trail.port';

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Record<string, unknown> | null;
}

export const toAuditRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  details: r.details ?? {},
});

/** `SELECT count(*)::int AS total …` */
export interface TotalRow {
  total: number;
}
