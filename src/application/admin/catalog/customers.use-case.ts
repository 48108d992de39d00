import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Customer } from '../../../domain/salon/customer';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { UNIT_OF_WORK, TransactionPorts, UnitOfWork } from '../../ports/unit-of-work.port';
import { CUSTOMER_ADMIN, CustomerAdmin, CustomerView } from '../ports/customer-admin.port';

export interface CustomerData {
  readonly name: string;
  readonly phone: string;
  readonly email: string | null;
  readonly recognitionConsent: boolean;
}

/** Customers of one company, with their consent to be recognised by caller ID. */
@Injectable()
export class CustomersUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(CUSTOMER_ADMIN) private readonly customers: CustomerAdmin,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    scope: CompanyScope,
    data: CustomerData,
  ): Promise<Result<CustomerView, DomainError>> {
    const customer = Customer.create({
      id: randomUUID(),
      companyId: scope.companyId,
      name: data.name,
      phone: data.phone,
      email: data.email ?? undefined,
      recognitionConsent: data.recognitionConsent,
    });
    if (!customer.ok) return customer;
    await this.uow.run(async (tx) => {
      await tx.customers.add(scope, customer.value);
      await this.audited(tx, scope, 'customer.created', customer.value.id);
    });
    return this.find(scope, customer.value.id);
  }

  async update(
    scope: CompanyScope,
    id: string,
    change: Partial<CustomerData>,
  ): Promise<Result<CustomerView, DomainError>> {
    const current = await this.customers.find(scope.companyId, id);
    if (!current) return err(new NotFound('CUSTOMER'));
    const merged = { ...current, ...change };
    const customer = Customer.create({
      id,
      companyId: scope.companyId,
      name: merged.name,
      phone: merged.phone,
      email: merged.email ?? undefined,
      recognitionConsent: merged.recognitionConsent,
    });
    if (!customer.ok) return customer;
    await this.uow.run(async (tx) => {
      await tx.customers.save(scope, customer.value);
      await this.audited(tx, scope, 'customer.updated', id, {
        recognitionConsent: customer.value.recognitionConsent,
      });
    });
    return this.find(scope, id);
  }

  async find(scope: CompanyScope, id: string): Promise<Result<CustomerView, NotFound>> {
    const found = await this.customers.find(scope.companyId, id);
    return found ? ok(found) : err(new NotFound('CUSTOMER'));
  }

  list(
    scope: CompanyScope,
    phone: string | undefined,
    page: PageRequest,
  ): Promise<Page<CustomerView>> {
    return this.customers.list(scope.companyId, { phone }, page);
  }

  private audited(
    tx: TransactionPorts,
    scope: CompanyScope,
    action: string,
    entityId: string,
    details?: Record<string, unknown>,
  ): Promise<void> {
    return tx.audit.record({
      companyId: scope.companyId,
      actor: scope.actor,
      action,
      entity: 'customer',
      entityId,
      details,
      at: this.clock.now(),
    });
  }
}
