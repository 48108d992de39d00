import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  CustomerAdmin,
  CustomerView,
} from '../../../../application/admin/ports/customer-admin.port';

interface CustomerRow {
  id: string;
  company_id: string;
  name: string;
  phone_e164: string | null;
  email: string | null;
  recognition_consent: boolean;
  created_at: Date;
}

const view = (r: CustomerRow): CustomerView => ({
  id: r.id,
  companyId: r.company_id,
  name: r.name,
  phone: r.phone_e164 ?? '',
  email: r.email,
  recognitionConsent: r.recognition_consent,
  createdAt: r.created_at,
});

export class TypeOrmCustomerAdmin implements CustomerAdmin {
  constructor(private readonly m: EntityManager) {}

  async find(companyId: string, id: string): Promise<CustomerView | null> {
    const [row]: CustomerRow[] = await this.m.query(
      `SELECT * FROM customers WHERE id = $1 AND company_id = $2 AND erased_at IS NULL`,
      [id, companyId],
    );
    return row ? view(row) : null;
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
    const [{ n }] = await this.m.query(
      `SELECT count(*)::int AS n FROM customers WHERE ${where}`,
      params,
    );
    return pageOf(rows.map(view), n, page);
  }
}
