import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import { CustomerRepository } from '../../../../application/ports/customer.repository.port';
import { Customer } from '../../../../domain/salon/customer';
import { CustomerOrmEntity } from '../entities/customer.orm-entity';
import { CustomerRow, customerFromRow } from './typeorm-customer.rows';

const COLUMNS = `c.id, c.company_id, c.name, c.phone_e164, c.email, c.recognition_consent`;
const SELECT_CUSTOMERS = `SELECT ${COLUMNS} FROM customers c`;

export class TypeOrmCustomerRepository implements CustomerRepository {
  constructor(private readonly m: EntityManager) {}

  async findByPhone(scope: TenantScope, phoneE164: string): Promise<Customer[]> {
    // customers_with_number: migration 1764290600000. Oldest first.
    const rows: CustomerRow[] = await this.m.query(
      `SELECT ${COLUMNS} FROM customers_with_number($1, $2) c ORDER BY c.created_at, c.id`,
      [scope.companyId, phoneE164],
    );
    return rows.map(customerFromRow);
  }

  async findById(scope: TenantScope, id: string): Promise<Customer | null> {
    const [row]: CustomerRow[] = await this.m.query(
      `${SELECT_CUSTOMERS} WHERE c.id = $1 AND c.company_id = $2 AND c.erased_at IS NULL`,
      [id, scope.companyId],
    );
    return row ? customerFromRow(row) : null;
  }

  async findByIds(scope: TenantScope, ids: readonly string[]): Promise<Customer[]> {
    if (ids.length === 0) return [];
    const rows: CustomerRow[] = await this.m.query(
      `${SELECT_CUSTOMERS} WHERE c.id = ANY($1::uuid[]) AND c.company_id = $2 AND c.erased_at IS NULL`,
      [[...ids], scope.companyId],
    );
    return rows.map(customerFromRow);
  }

  async add(scope: TenantScope, c: Customer): Promise<void> {
    await this.m.getRepository(CustomerOrmEntity).insert({
      id: c.id,
      companyId: scope.companyId,
      name: c.name,
      phoneE164: c.phone,
      email: c.email ?? null,
      recognitionConsent: c.recognitionConsent,
    });
  }

  async save(scope: TenantScope, c: Customer): Promise<void> {
    await this.m.getRepository(CustomerOrmEntity).update(
      { id: c.id, companyId: scope.companyId },
      {
        name: c.name,
        phoneE164: c.phone,
        email: c.email ?? null,
        recognitionConsent: c.recognitionConsent,
      },
    );
  }
}
