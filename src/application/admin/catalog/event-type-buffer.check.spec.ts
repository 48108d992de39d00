import { CalendarTimeout } from '../../../domain/calendar/calendar.errors';
import { checkEventTypeBuffer } from './event-type-buffer.check';

const cut = { segments: [{ label: null, minutes: 45, staffBusy: true }], bufferAfterMinutes: 15 };
const perm = {
  segments: [30, 40, 20, 10, 25].map((minutes, i) => ({
    label: null,
    minutes,
    staffBusy: i % 2 === 0,
  })),
  bufferAfterMinutes: 0,
};
const calendarWith = (after: number | null) => ({
  eventTypeSettings: async () => (after === null ? null : { afterBufferMinutes: after }),
});
const mapping = (segmentSequence: number | null) => ({
  credentialId: 'cred',
  eventTypeId: 1,
  segmentSequence,
});

describe('checkEventTypeBuffer', () => {
  it.each([
    ['a cut whose event type keeps its 15 minutes', cut, null, 15, { kind: 'agrees', minutes: 15 }],
    [
      'a cut whose event type keeps none',
      cut,
      null,
      0,
      { kind: 'differs', expectedMinutes: 15, eventTypeMinutes: 0, lastStep: true },
    ],
    [
      'a perm’s wrapping step with a buffer (processing time follows)',
      perm,
      0,
      10,
      { kind: 'differs', expectedMinutes: 0, eventTypeMinutes: 10, lastStep: false },
    ],
    ['a perm’s drying step, its last, without one', perm, 4, 0, { kind: 'agrees', minutes: 0 }],
  ])('%s', async (_, service, segment, after, expected) => {
    expect(await checkEventTypeBuffer(calendarWith(after), service, mapping(segment))).toEqual(
      expected,
    );
  });

  it('is unchecked without an external calendar, or when it does not answer', async () => {
    expect(await checkEventTypeBuffer(calendarWith(null), cut, mapping(null))).toEqual({
      kind: 'unchecked',
      reason: 'no external calendar',
    });
    const silent = {
      eventTypeSettings: () => Promise.reject(new CalendarTimeout(3000)),
    };
    expect(await checkEventTypeBuffer(silent, cut, mapping(null))).toEqual({
      kind: 'unchecked',
      reason: 'CALENDAR.TIMEOUT',
    });
  });
});
