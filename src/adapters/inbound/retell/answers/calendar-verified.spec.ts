import { answer } from './function-answer';
import { withCalendarVerdicts } from './calendar-verified';

describe('withCalendarVerdicts', () => {
  it('says calendar_verified only when a mapped stylist was involved', () => {
    const a = answer('OK', 'frei');
    expect(withCalendarVerdicts(a, ['local'])).not.toHaveProperty('calendar_verified');
    expect(withCalendarVerdicts(a, ['offered', 'local'])).toMatchObject({
      calendar_verified: true,
    });
    expect(withCalendarVerdicts(a, ['refused', 'unchecked'])).toMatchObject({
      calendar_verified: false,
    });
  });

  it('adds the fact last, after everything the answer said', () => {
    expect(Object.keys(withCalendarVerdicts(answer('OK', 'frei', { a: 1 }), ['offered']))).toEqual([
      'success',
      'code',
      'message',
      'a',
      'calendar_verified',
    ]);
  });
});
