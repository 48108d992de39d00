import { EntityManager } from 'typeorm';
import { AuditEntry, AuditLog } from '../../../../application/ports/audit-log.port';

export class TypeOrmAuditLog implements AuditLog {
  constructor(private readonly m: EntityManager) {}

  async record(e: AuditEntry): Promise<void> {
    await this.m.query(
      `INSERT INTO audit_log(company_id, actor, action, entity, entity_id, details, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        e.companyId ?? null,
        e.actor,
        e.action,
        e.entity,
        e.entityId ?? null,
        JSON.stringify(e.details ?? {}),
        e.at,
      ],
    );
  }
}
