import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { presentLeaveMessage } from './leave-message.presenter';

const salon = { country: 'DE' } as BranchContext;

describe('leave_message / request_callback presented', () => {
  it('a callback: noted, the number read back once, the message never repeated', () => {
    const a = presentLeaveMessage(salon, {
      kind: 'stored',
      request: 'callback',
      callbackNumber: '+491712345678',
      mail: 'pending',
    });
    expect(a).toEqual({
      success: true,
      code: 'OK',
      message: 'Ich habe notiert, dass der Salon Sie zurückruft, unter 0 1 7 1, 2 3 4, 5 6 7 8.',
      noted: true,
      request: 'callback',
      callback_number: '+491712345678',
      salon_informed_by_mail: true,
    });
  });

  it.each`
    number               | mail                | message
    ${null}              | ${'not_configured'} | ${'Ich habe Ihre Nachricht für den Salon notiert.'}
    ${'+43664123456789'} | ${'no_address'}     | ${'Ich habe Ihre Nachricht für den Salon notiert. Rückfragen gehen an + 4 3, 6 6 4, 1 2 3, 4 5 6, 7 8 9.'}
  `('a message with number $number', ({ number, mail, message }) => {
    const a = presentLeaveMessage(salon, {
      kind: 'stored',
      request: 'message',
      callbackNumber: number,
      mail,
    });
    expect(a).toMatchObject({ success: true, message, salon_informed_by_mail: false });
    expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
  });

  it('the longest number fits 200 characters', () => {
    const a = presentLeaveMessage(salon, {
      kind: 'stored',
      request: 'callback',
      callbackNumber: '+999999999999999',
      mail: 'pending',
    });
    expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
  });

  it.each`
    reason                     | code
    ${'MESSAGE_MISSING'}       | ${'MESSAGE.MISSING'}
    ${'NUMBER_MISSING'}        | ${'MESSAGE.CALLBACK_NUMBER_MISSING'}
    ${'NUMBER_NOT_UNDERSTOOD'} | ${'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD'}
  `('$reason asks again ($code)', ({ reason, code }) => {
    const a = presentLeaveMessage(salon, { kind: 'refused', reason });
    expect(a).toMatchObject({ success: false, code });
    expect(a.message).toMatch(/\?$|\.$/);
    expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
  });
});
