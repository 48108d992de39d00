import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  AuditFilter,
  AuditRecord,
  AuditTrail,
  TextMatch,
} from '../../../../application/admin/ports/audit-trail.port';

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Record<string, unknown> | null;
}

const record = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  details: r.details ?? {},
});

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
    const rows: Array<AuditRow & { total: number }> = await this.m.query(
      `SELECT id::text AS id, at, actor, action, entity, entity_id, details,
              count(*) OVER ()::int AS total
         FROM audit_log WHERE ${where}
        ORDER BY at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, page.pageSize, offsetOf(page)],
    );
    const total =
      rows[0]?.total ??
      (await this.m.query(`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`, params))[0].n;
    return pageOf(rows.map(record), total, page);
  }
}
