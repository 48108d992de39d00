import { Inject, Injectable } from '@nestjs/common';
import { lookUpCaller } from '../../domain/salon/caller-lookup';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { CountryCode } from 'libphonenumber-js/max';
import { CUSTOMER_REPOSITORY, CustomerRepository } from '../ports/customer.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CallContext } from './call-context';
import { answer, FunctionAnswer } from './function-answer';

/** "Do I know this caller": by number only, and by name only with consent. */
@Injectable()
export class CheckCustomerUseCase {
  constructor(@Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository) {}

  async execute(salon: BranchContext, call: CallContext): Promise<FunctionAnswer> {
    const country = salon.country as CountryCode;
    const phone = normaliseCallerNumber(call.callerNumber, country);
    const stored = phone.ok
      ? await this.customers.findByPhone({ companyId: salon.companyId }, phone.value)
      : [];
    const caller = lookUpCaller(call.callerNumber, stored, country);
    switch (caller.kind) {
      case 'anonymous':
        return answer('OK', 'Die Nummer ist unterdrückt. Wie ist Ihr Name?', {
          status: 'anonymous',
        });
      case 'ambiguous':
        return answer('OK', 'Unter dieser Nummer kenne ich mehrere Kunden. Wie ist Ihr Name?', {
          status: 'ambiguous',
        });
      case 'new':
        return answer('OK', 'Wie ist Ihr Name?', { status: 'new' });
      case 'existing': {
        const firstName = caller.customer.name.split(/\s+/)[0];
        return answer('OK', `Schön, dass Sie anrufen, ${firstName}.`, {
          status: 'existing',
          first_name: firstName,
        });
      }
    }
  }
}
