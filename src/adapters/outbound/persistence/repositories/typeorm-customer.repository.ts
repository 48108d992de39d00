import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import { CustomerRepository } from '../../../../application/ports/customer.repository.port';
import { Customer } from '../../../../domain/salon/customer';
import { CustomerOrmEntity } from '../entities/customer.orm-entity';

/** A customer's columns as customersWithNumber() reads them. */
export interface CustomerRow {
  readonly id: string;
  readonly company_id: string;
  readonly name: string;
  readonly phone_e164: string | null;
  readonly email: string | null;
  readonly recognition_consent: boolean;
}

const SELECT_CUSTOMERS = `SELECT c.id, c.company_id, c.name, c.phone_e164, c.email,
                                 c.recognition_consent FROM customers c`;

/** The company's customers on one number, oldest first; SQL placeholders given. */
export const customersWithNumber = (company: string, phone: string): string =>
  `${SELECT_CUSTOMERS} WHERE c.company_id = ${company} AND c.phone_e164 = ${phone}
    ORDER BY c.created_at, c.id`;

export const customerFromRow = (r: CustomerRow): Customer =>
  Customer.restore({
    id: r.id,
    companyId: r.company_id,
    name: r.name,
    phone: r.phone_e164 ?? '',
    email: r.email ?? undefined,
    recognitionConsent: r.recognition_consent,
  });

export class TypeOrmCustomerRepository implements CustomerRepository {
  constructor(private readonly m: EntityManager) {}

  async findByPhone(scope: TenantScope, phoneE164: string): Promise<Customer[]> {
    const rows: CustomerRow[] = await this.m.query(customersWithNumber('$1', '$2'), [
      scope.companyId,
      phoneE164,
    ]);
    return rows.map(customerFromRow);
  }

  async findById(scope: TenantScope, id: string): Promise<Customer | null> {
    const [row]: CustomerRow[] = await this.m.query(
      `${SELECT_CUSTOMERS} WHERE c.id = $1 AND c.company_id = $2`,
      [id, scope.companyId],
    );
    return row ? customerFromRow(row) : null;
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
