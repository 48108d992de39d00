import { EntityManager } from 'typeorm';
import {
  CompanyClosed,
  CompanyClosure,
} from '../../../../application/admin/ports/company-closure.port';
import { IdRow } from '../shared.rows';
import { affected } from './sql-helpers';
import { ClosedAtRow } from './typeorm-company-closure.rows';

export class TypeOrmCompanyClosure implements CompanyClosure {
  constructor(private readonly m: EntityManager) {}

  async close(companyId: string, at: Date): Promise<CompanyClosed | null> {
    const [existing]: ClosedAtRow[] = await this.m.query(
      `SELECT closed_at FROM companies WHERE id = $1 FOR UPDATE`,
      [companyId],
    );
    if (!existing) return null;
    if (existing.closed_at) return { closedAt: existing.closed_at, revokedKeys: 0, newly: false };
    await this.m.query(`UPDATE companies SET closed_at = $2 WHERE id = $1`, [companyId, at]);
    const revoked: unknown = await this.m.query(
      `UPDATE admin_api_keys SET revoked_at = $2 WHERE company_id = $1 AND revoked_at IS NULL`,
      [companyId, at],
    );
    return { closedAt: at, revokedKeys: affected(revoked), newly: true };
  }

  async closedBy(closedBy: Date, limit: number): Promise<string[]> {
    const rows: IdRow[] = await this.m.query(
      `SELECT id FROM companies WHERE closed_at <= $1 ORDER BY closed_at, id LIMIT $2`,
      [closedBy, limit],
    );
    return rows.map((r) => r.id);
  }

  async erase(companyId: string): Promise<boolean> {
    // Every table naming the company cascades from it (appointments with their phases, calls
    // with their traces, customers, the audit log), in one statement.
    const deleted: unknown = await this.m.query(
      `DELETE FROM companies WHERE id = $1 AND closed_at IS NOT NULL`,
      [companyId],
    );
    return affected(deleted) > 0;
  }
}
