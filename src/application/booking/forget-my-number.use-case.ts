import { Inject, Injectable } from '@nestjs/common';
import { CountryCode } from 'libphonenumber-js/max';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { CLOCK, Clock } from '../ports/clock.port';
import { CONSENT_REGISTER, ConsentRegister } from '../ports/consent-register.port';
import { CUSTOMER_REPOSITORY, CustomerRepository } from '../ports/customer.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CallContext } from './call-context';

/**
 * "Bitte vergessen Sie meine Nummer": the number no longer recognises anyone. Whether any
 * customer was stored under it is not told (the answer is the same), only that it is done.
 */
export type ForgetMyNumberOutcome =
  { readonly kind: 'forgotten' } | { readonly kind: 'refused'; readonly reason: 'CALLER_WITHHELD' };

/**
 * Withdraws caller-ID recognition for every customer of this company stored under the calling
 * number, logged with the call and time. Their appointments stay; they are simply no longer
 * greeted by name when this number calls.
 */
@Injectable()
export class ForgetMyNumberUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(CONSENT_REGISTER) private readonly consents: ConsentRegister,
  ) {}

  async execute(salon: BranchContext, call: CallContext): Promise<ForgetMyNumberOutcome> {
    const phone = normaliseCallerNumber(call.callerNumber, salon.country as CountryCode);
    if (!phone.ok) return { kind: 'refused', reason: 'CALLER_WITHHELD' };
    const scope = { companyId: salon.companyId };
    const stored = await this.customers.findByPhone(scope, phone.value);
    await this.consents.record(
      scope,
      stored.map((c) => c.id),
      { given: false, source: 'forget_my_number', callId: call.callId, at: this.clock.now() },
    );
    return { kind: 'forgotten' };
  }
}
