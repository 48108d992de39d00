import type { ListedBooking } from '../ports/calendar-gateway.port';
import { chooseKeeper } from './duplicate-bookings';

const PHASE_START = new Date('2026-12-04T10:00:00Z');

const booking = (
  uid: string,
  externalId: number,
  start: string,
  createdAt?: string,
): ListedBooking => ({
  externalId,
  uid,
  start: new Date(start),
  end: new Date(new Date(start).getTime() + 30 * 60_000),
  status: 'accepted',
  metadata: {},
  ...(createdAt ? { createdAt: new Date(createdAt) } : {}),
});

const AT_TIME = '2026-12-04T10:00:00Z';
const ELSEWHERE = '2026-12-04T11:00:00Z';

describe('chooseKeeper', () => {
  it.each([
    {
      rule: 'one the ledger records beats one at the phase time',
      bookings: [booking('a', 1, AT_TIME, '2026-11-01'), booking('b', 2, ELSEWHERE, '2026-11-02')],
      inLedger: ['b'],
      kept: ['b', 'in_ledger'],
    },
    {
      rule: 'one at the phase time beats an earlier created one elsewhere',
      bookings: [booking('a', 1, ELSEWHERE, '2026-11-01'), booking('b', 2, AT_TIME, '2026-11-02')],
      inLedger: [],
      kept: ['b', 'at_phase_time'],
    },
    {
      rule: 'among those at the phase time, the earliest created',
      bookings: [booking('a', 1, AT_TIME, '2026-11-03'), booking('b', 2, AT_TIME, '2026-11-02')],
      inLedger: [],
      kept: ['b', 'at_phase_time'],
    },
    {
      rule: 'without creation times, the lower id (made first)',
      bookings: [booking('a', 9, ELSEWHERE), booking('b', 3, ELSEWHERE)],
      inLedger: [],
      kept: ['b', 'earliest_created'],
    },
    {
      rule: 'a known creation time beats an unknown one',
      bookings: [booking('a', 1, ELSEWHERE), booking('b', 2, ELSEWHERE, '2026-11-02')],
      inLedger: [],
      kept: ['b', 'earliest_created'],
    },
    {
      rule: 'two the ledger records: the one at the phase time',
      bookings: [booking('a', 1, ELSEWHERE, '2026-11-01'), booking('b', 2, AT_TIME, '2026-11-02')],
      inLedger: ['a', 'b'],
      kept: ['b', 'in_ledger'],
    },
  ])('$rule', ({ bookings, inLedger, kept }) => {
    const { keeper, because } = chooseKeeper(bookings, {
      inLedger: new Set(inLedger),
      phaseStart: PHASE_START,
    });
    expect([keeper.uid, because]).toEqual(kept);
  });
});
