import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  AuditFilter,
  AuditRecord,
  AuditTrail,
  TextMatch,
} from '../../../../application/admin/ports/audit-trail.port';
import { AuditRow, toAuditRecord, TotalRow } from './typeorm-audit-trail.rows';

/** The WHERE clause of a filter, with its parameters after the company's ($1). */
function conditions(companyId: string, f: AuditFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [companyId];
  const parts = ['company_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(`$${params.length}`));
  };
  const text = (column: string, m: TextMatch) =>
    // starts_with, not LIKE: a prefix holding _ or % means those characters.
    add((p) => (m.prefix ? `starts_with(${column}, ${p})` : `${column} = ${p}`), m.value);
  if (f.from) add((p) => `at >= ${p}`, f.from);
  if (f.to) add((p) => `at < ${p}`, f.to);
  if (f.actor) text('actor', f.actor);
  if (f.action) text('action', f.action);
  if (f.entity) add((p) => `entity = ${p}`, f.entity);
  if (f.entityId) add((p) => `entity_id = ${p}`, f.entityId);
  return { where: parts.join(' AND '), params };
}

export class TypeOrmAuditTrail implements AuditTrail {
  constructor(private readonly m: EntityManager) {}

  async list(companyId: string, f: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>> {
    const { where, params } = conditions(companyId, f);
    const n = params.length;
    // The page walks the (company_id, at) index backwards and stops; the total is counted
    // apart, since a window count would read every row of the company before the first one
    // is answered (0.9 s against 0.14 s with 450,000 rows).
    const rows: AuditRow[] = await this.m.query(
      `SELECT id::text AS id, at, actor, action, entity, entity_id, details
         FROM audit_log WHERE ${where}
        ORDER BY audit_log.at DESC, audit_log.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, page.pageSize, offsetOf(page)],
    );
    const [{ total }]: TotalRow[] = await this.m.query(
      `SELECT count(*)::int AS total FROM audit_log WHERE ${where}`,
      params,
    );
    return pageOf(rows.map(toAuditRecord), total, page);
  }
}
