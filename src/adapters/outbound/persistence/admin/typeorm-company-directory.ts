import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  CompanyDirectory,
  CompanyView,
} from '../../../../application/admin/ports/company-directory.port';
import { CountRow } from '../shared.rows';
import { unlessDuplicate } from './sql-helpers';
import { CompanyRow, toCompanyView } from './typeorm-company-directory.rows';

export class TypeOrmCompanyDirectory implements CompanyDirectory {
  constructor(private readonly m: EntityManager) {}

  async create(name: string, slug: string): Promise<CompanyView | null> {
    return unlessDuplicate(this.m, async (m) => {
      const [row]: CompanyRow[] = await m.query(
        `INSERT INTO companies(name, slug) VALUES ($1, $2) RETURNING id, name, slug, created_at`,
        [name, slug],
      );
      return toCompanyView(row);
    });
  }

  async find(id: string): Promise<CompanyView | null> {
    const [row]: CompanyRow[] = await this.m.query(
      `SELECT id, name, slug, created_at FROM companies WHERE id = $1`,
      [id],
    );
    return row ? toCompanyView(row) : null;
  }

  async list(page: PageRequest): Promise<Page<CompanyView>> {
    const rows: CompanyRow[] = await this.m.query(
      `SELECT id, name, slug, created_at FROM companies ORDER BY created_at, id LIMIT $1 OFFSET $2`,
      [page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(`SELECT count(*)::int AS n FROM companies`);
    return pageOf(rows.map(toCompanyView), n, page);
  }
}
