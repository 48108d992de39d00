import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import { CustomerRepository } from '../../../../application/ports/customer.repository.port';
import { Customer } from '../../../../domain/salon/customer';
import { CustomerOrmEntity } from '../entities/customer.orm-entity';

const toDomain = (r: CustomerOrmEntity): Customer =>
  Customer.restore({
    id: r.id,
    companyId: r.companyId,
    name: r.name,
    phone: r.phoneE164 ?? '',
    email: r.email ?? undefined,
    recognitionConsent: r.recognitionConsent,
  });

export class TypeOrmCustomerRepository implements CustomerRepository {
  constructor(private readonly m: EntityManager) {}

  async findByPhone(scope: TenantScope, phoneE164: string): Promise<Customer[]> {
    const rows = await this.m
      .getRepository(CustomerOrmEntity)
      .find({ where: { companyId: scope.companyId, phoneE164 }, order: { createdAt: 'ASC' } });
    return rows.map(toDomain);
  }

  async findById(scope: TenantScope, id: string): Promise<Customer | null> {
    const row = await this.m
      .getRepository(CustomerOrmEntity)
      .findOneBy({ id, companyId: scope.companyId });
    return row ? toDomain(row) : null;
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
