import { Inject, Injectable } from '@nestjs/common';
import { lookUpCaller } from '../../domain/salon/caller-lookup';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { CountryCode } from 'libphonenumber-js/max';
import { CUSTOMER_REPOSITORY, CustomerRepository } from '../ports/customer.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CallContext } from './call-context';

/**
 * Who is calling: a withheld number, several customers or none on it, or the one customer who
 * agreed to be recognised (only their first name leaves here).
 */
export type CheckCustomerOutcome =
  | { readonly kind: 'anonymous' | 'ambiguous' | 'new' }
  | { readonly kind: 'existing'; readonly firstName: string };

/** "Do I know this caller": by number only, and by name only with consent. */
@Injectable()
export class CheckCustomerUseCase {
  constructor(@Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository) {}

  async execute(salon: BranchContext, call: CallContext): Promise<CheckCustomerOutcome> {
    const country = salon.country as CountryCode;
    const phone = normaliseCallerNumber(call.callerNumber, country);
    const stored = phone.ok
      ? await this.customers.findByPhone({ companyId: salon.companyId }, phone.value)
      : [];
    const caller = lookUpCaller(call.callerNumber, stored, country);
    if (caller.kind !== 'existing') return { kind: caller.kind };
    return { kind: 'existing', firstName: caller.customer.name.split(/\s+/)[0] };
  }
}
