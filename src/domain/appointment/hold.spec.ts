import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { DEFAULT_HOLD_MINUTES, Hold } from './hold';

const perm = Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [busy(30), free(40), busy(20)]);
const start = new Date('2026-06-15T08:00:00Z');
const now = new Date('2026-06-14T10:00:00Z');
const hold = Hold.place({
  callId: 'call_1x',
  staffId: 'anna',
  service: perm,
  start,
  now,
  id: 'h1',
});

describe('Hold', () => {
  it('reserves only the busy steps of the offered slot', () => {
    expect(hold.busyIntervals().map((r) => r.toString())).toEqual([
      '[2026-06-15T08:00:00.000Z, 2026-06-15T08:30:00.000Z)',
      '[2026-06-15T09:10:00.000Z, 2026-06-15T09:30:00.000Z)',
    ]);
    expect(hold).toMatchObject({ id: 'h1', callId: 'call_1x', staffId: 'anna', serviceId: 'perm' });
    expect(hold.start).toEqual(start);
  });

  it.each`
    secondsAfter                     | live
    ${0}                             | ${true}
    ${DEFAULT_HOLD_MINUTES * 60 - 1} | ${true}
    ${DEFAULT_HOLD_MINUTES * 60}     | ${false}
  `('is live $secondsAfter s after placing: $live', ({ secondsAfter, live }) => {
    expect(hold.isLive(new Date(now.getTime() + secondsAfter * 1000))).toBe(live);
  });

  it('is consumed only by the same call booking the same slot', () => {
    const same = { callId: 'call_1x', staffId: 'anna', serviceId: 'perm', start };
    expect(hold.covers(same)).toBe(true);
    expect(hold.covers({ ...same, callId: 'call_2y' })).toBe(false);
    expect(hold.covers({ ...same, staffId: 'ben' })).toBe(false);
    expect(hold.covers({ ...same, serviceId: 'cut' })).toBe(false);
    expect(hold.covers({ ...same, start: new Date(start.getTime() + 60_000) })).toBe(false);
  });

  it('round-trips through a snapshot and takes a custom length and random ids', () => {
    expect(Hold.restore(hold.toSnapshot()).toSnapshot()).toEqual(hold.toSnapshot());
    const longer = Hold.place({ callId: 'c', staffId: 's', service: perm, start, now, minutes: 5 });
    expect(longer.expiresAt.getTime() - now.getTime()).toBe(5 * 60_000);
    expect(longer.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
