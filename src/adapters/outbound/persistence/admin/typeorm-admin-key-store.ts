import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  AdminKeyStore,
  AdminKeyView,
  StoredAdminKey,
} from '../../../../application/admin/ports/admin-key-store.port';
import { changedRows } from './sql-helpers';

interface KeyRow {
  id: string;
  company_id: string;
  name: string;
  key_prefix: string;
  key_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = `id, company_id, name, key_prefix, key_hash, created_at, last_used_at, revoked_at`;

const view = (r: KeyRow): AdminKeyView => ({
  id: r.id,
  companyId: r.company_id,
  name: r.name,
  prefix: r.key_prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export class TypeOrmAdminKeyStore implements AdminKeyStore {
  constructor(private readonly m: EntityManager) {}

  async add(k: {
    companyId: string;
    name: string;
    prefix: string;
    hash: string;
  }): Promise<AdminKeyView> {
    const [row]: KeyRow[] = await this.m.query(
      `INSERT INTO admin_api_keys(company_id, name, key_prefix, key_hash) VALUES ($1, $2, $3, $4)
       RETURNING ${COLUMNS}`,
      [k.companyId, k.name, k.prefix, k.hash],
    );
    return view(row);
  }

  async findByPrefix(prefix: string): Promise<StoredAdminKey | null> {
    const [row]: KeyRow[] = await this.m.query(
      `SELECT ${COLUMNS} FROM admin_api_keys WHERE key_prefix = $1 LIMIT 1`,
      [prefix],
    );
    return row ? { ...view(row), hash: row.key_hash } : null;
  }

  async list(companyId: string, page: PageRequest): Promise<Page<AdminKeyView>> {
    const rows: Array<KeyRow & { total: number }> = await this.m.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM admin_api_keys
        WHERE company_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const total = rows[0]?.total ?? (await this.count(companyId));
    return pageOf(rows.map(view), total, page);
  }

  async revoke(companyId: string, id: string, at: Date): Promise<AdminKeyView | null> {
    const [row] = changedRows<KeyRow>(
      await this.m.query(
        `UPDATE admin_api_keys SET revoked_at = COALESCE(revoked_at, $3)
        WHERE id = $1 AND company_id = $2 RETURNING ${COLUMNS}`,
        [id, companyId, at],
      ),
    );
    return row ? view(row) : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.m.query(`UPDATE admin_api_keys SET last_used_at = $2 WHERE id = $1`, [id, at]);
  }

  private async count(companyId: string): Promise<number> {
    const [{ n }] = await this.m.query(
      `SELECT count(*)::int AS n FROM admin_api_keys WHERE company_id = $1`,
      [companyId],
    );
    return n;
  }
}
