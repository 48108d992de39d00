import { ForgetMyNumberOutcome } from '../../../../application/booking/forget-my-number.use-case';
import { answer, FunctionAnswer } from './function-answer';

/** forget_my_number's outcome: done (the same whether the number was known), or why not. */
export function presentForgetMyNumber(outcome: ForgetMyNumberOutcome): FunctionAnswer {
  if (outcome.kind === 'forgotten') {
    return answer(
      'OK',
      'Erledigt: Wir erkennen Sie künftig nicht mehr an Ihrer Rufnummer. Ihre Termine bleiben bestehen.',
      { recognition_consent: 'withdrawn' },
    );
  }
  return answer(
    'CONSENT.CALLER_WITHHELD',
    'Ihre Nummer ist unterdrückt, daher ist unter ihr nichts gespeichert, das ich vergessen könnte.',
  );
}
