import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  AdminKeyStore,
  AdminKeyView,
  NewAdminKey,
  RevokedKeys,
  StoredAdminKey,
} from '../../../../application/admin/ports/admin-key-store.port';
import { changedRows } from './sql-helpers';
import { COLUMNS, KeyPageRow, KeyRow, toAdminKeyView } from './typeorm-admin-key-store.rows';
import { CountRow } from '../shared.rows';

export class TypeOrmAdminKeyStore implements AdminKeyStore {
  constructor(private readonly m: EntityManager) {}

  async add(k: NewAdminKey): Promise<AdminKeyView> {
    const [row]: KeyRow[] = await this.m.query(
      `INSERT INTO admin_api_keys(company_id, name, key_prefix, key_hash, role, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [k.companyId, k.name, k.prefix, k.hash, k.role, k.createdBy],
    );
    return toAdminKeyView(row);
  }

  async findByPrefix(prefix: string): Promise<StoredAdminKey | null> {
    const [row]: KeyRow[] = await this.m.query(
      // A closed company's keys stop working, also one minted after the closing.
      `SELECT ${COLUMNS} FROM admin_api_keys k
        WHERE key_prefix = $1
          AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.id = k.company_id AND c.closed_at IS NOT NULL)
        LIMIT 1`,
      [prefix],
    );
    return row ? { ...toAdminKeyView(row), hash: row.key_hash } : null;
  }

  async list(companyId: string, page: PageRequest): Promise<Page<AdminKeyView>> {
    const rows: KeyPageRow[] = await this.m.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM admin_api_keys
        WHERE company_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const total = rows[0]?.total ?? (await this.count(companyId));
    return pageOf(rows.map(toAdminKeyView), total, page);
  }

  async holdActive(companyId: string, id: string): Promise<boolean> {
    // FOR SHARE waits for a revocation under way and then reads its outcome.
    const rows: unknown[] = await this.m.query(
      `SELECT 1 FROM admin_api_keys WHERE id = $1 AND company_id = $2 AND revoked_at IS NULL
       FOR SHARE`,
      [id, companyId],
    );
    return rows.length > 0;
  }

  async revoke(companyId: string, id: string, at: Date): Promise<RevokedKeys | null> {
    // Locked first, in a statement of its own: a child created while this waited for the lock
    // is then seen by the cascade below, which reads a fresh snapshot.
    const found: unknown[] = await this.m.query(
      `SELECT 1 FROM admin_api_keys WHERE id = $1 AND company_id = $2 FOR UPDATE`,
      [id, companyId],
    );
    if (found.length === 0) return null;
    const rows = changedRows<KeyRow>(
      await this.m.query(
        `WITH RECURSIVE lineage AS (
           SELECT id FROM admin_api_keys WHERE id = $1
           UNION
           SELECT k.id FROM admin_api_keys k JOIN lineage l ON k.created_by = l.id
         )
         UPDATE admin_api_keys SET revoked_at = COALESCE(revoked_at, $3)
          WHERE id IN (SELECT id FROM lineage) AND company_id = $2
            AND (id = $1 OR revoked_at IS NULL)
         RETURNING ${COLUMNS}`,
        [id, companyId, at],
      ),
    );
    const key = rows.find((r) => r.id === id);
    if (!key) return null;
    return {
      key: toAdminKeyView(key),
      descendants: rows.filter((r) => r.id !== id).map(toAdminKeyView),
    };
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.m.query(`UPDATE admin_api_keys SET last_used_at = $2 WHERE id = $1`, [id, at]);
  }

  private async count(companyId: string): Promise<number> {
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM admin_api_keys WHERE company_id = $1`,
      [companyId],
    );
    return n;
  }
}
