import { LeaveMessageOutcome } from '../../../../application/info/leave-message.use-case';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { spokenPhoneNumber } from '../../../../domain/salon/callback-number';
import { CountryCode } from 'libphonenumber-js/max';
import { answer, FunctionAnswer } from './function-answer';

const REFUSALS = {
  MESSAGE_MISSING: ['MESSAGE.MISSING', 'Was darf ich dem Salon ausrichten?'],
  NUMBER_MISSING: [
    'MESSAGE.CALLBACK_NUMBER_MISSING',
    'Ihre Nummer ist unterdrückt. Unter welcher Nummer dürfen wir Sie zurückrufen?',
  ],
  NUMBER_NOT_UNDERSTOOD: [
    'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD',
    'Die Nummer habe ich nicht verstanden. Sagen Sie sie bitte noch einmal, Ziffer für Ziffer.',
  ],
} as const;

/**
 * leave_message / request_callback: that it is noted (and where the salon calls back, read back
 * once digit by digit), or what is still needed. The message itself is never repeated.
 */
export function presentLeaveMessage(
  salon: BranchContext,
  outcome: LeaveMessageOutcome,
): FunctionAnswer {
  if (outcome.kind === 'refused') {
    const [code, message] = REFUSALS[outcome.reason];
    return answer(code, message);
  }
  const number = outcome.callbackNumber
    ? spokenPhoneNumber(outcome.callbackNumber, salon.country as CountryCode)
    : null;
  const message =
    outcome.request === 'callback'
      ? `Ich habe notiert, dass der Salon Sie zurückruft, unter ${number}.`
      : number
        ? `Ich habe Ihre Nachricht für den Salon notiert. Rückfragen gehen an ${number}.`
        : 'Ich habe Ihre Nachricht für den Salon notiert.';
  return answer('OK', message, {
    noted: true,
    request: outcome.request,
    callback_number: outcome.callbackNumber,
    salon_informed_by_mail: outcome.mail === 'pending' || outcome.mail === 'sent',
  });
}
