import { Customer } from '../../domain/salon/customer';
import { TenantScope } from './appointment.repository.port';

export const CUSTOMER_REPOSITORY = Symbol('CustomerRepository');

export interface CustomerRepository {
  findByPhone(scope: TenantScope, phoneE164: string): Promise<Customer[]>;
  findById(scope: TenantScope, id: string): Promise<Customer | null>;
  /** The company's customers among these ids (erased ones not). */
  findByIds(scope: TenantScope, ids: readonly string[]): Promise<Customer[]>;
  add(scope: TenantScope, customer: Customer): Promise<void>;
  save(scope: TenantScope, customer: Customer): Promise<void>;
}
