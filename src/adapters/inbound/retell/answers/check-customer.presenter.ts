import { CheckCustomerOutcome } from '../../../../application/booking/check-customer.use-case';
import { answer, FunctionAnswer } from './function-answer';

/** check_customer's outcome: a greeting by first name only for a customer who agreed to it. */
export function presentCheckCustomer(outcome: CheckCustomerOutcome): FunctionAnswer {
  switch (outcome.kind) {
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
    case 'existing':
      return answer('OK', `Schön, dass Sie anrufen, ${outcome.firstName}.`, {
        status: 'existing',
        first_name: outcome.firstName,
      });
  }
}
