import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  CustomerAdmin,
  CustomerView,
} from '../../../../application/admin/ports/customer-admin.port';
import { CountRow } from '../shared.rows';
import { CustomerRow, toCustomerView } from './typeorm-customer-admin.rows';

export class TypeOrmCustomerAdmin implements CustomerAdmin {
  constructor(private readonly m: EntityManager) {}

  async find(companyId: string, id: string): Promise<CustomerView | null> {
    const [row]: CustomerRow[] = await this.m.query(
      `SELECT * FROM customers WHERE id = $1 AND company_id = $2 AND erased_at IS NULL`,
      [id, companyId],
    );
    return row ? toCustomerView(row) : null;
  }

  async list(
    companyId: string,
    filter: { phone?: string },
    page: PageRequest,
  ): Promise<Page<CustomerView>> {
    const where = `company_id = $1 AND erased_at IS NULL AND ($2::varchar IS NULL OR phone_e164 = $2)`;
    const params = [companyId, filter.phone ?? null];
    const rows: CustomerRow[] = await this.m.query(
      `SELECT * FROM customers WHERE ${where} ORDER BY created_at, id LIMIT $3 OFFSET $4`,
      [...params, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM customers WHERE ${where}`,
      params,
    );
    return pageOf(rows.map(toCustomerView), n, page);
  }
}
