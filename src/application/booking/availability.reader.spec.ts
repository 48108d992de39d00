import { at, branch, cut, MONDAY, stylist, SUNDAY } from '../../domain/availability/salon.fixture';
import { BusyInterval } from '../../domain/availability/busy-interval';
import { TimeRange } from '../../domain/shared/time-range';
import { AppointmentRepository } from '../ports/appointment.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { AvailabilityReader } from './availability.reader';

const anna = stylist({ id: 'anna' });
const salon: BranchContext = {
  companyId: 'c1',
  companyName: 'Salon',
  country: 'DE',
  branch: branch(),
  staff: [anna],
  services: [cut],
};
const NOW = at(MONDAY, '08:00');
const WISH = at('2026-06-25', '10:00');
const DAY = 86_400_000;

/** Anna is busy over every range read, up to `busyUntil(read number)`; the reads are counted. */
function appointments(busyUntil: (read: number, range: TimeRange) => Date) {
  const reads: TimeRange[] = [];
  const fake = {
    busyIntervals: async (_scope: unknown, _staff: readonly string[], range: TimeRange) => {
      reads.push(range);
      const busy: BusyInterval = {
        kind: 'appointment',
        range: TimeRange.of(range.start, busyUntil(reads.length, range)),
      };
      return new Map([['anna', [busy]]]);
    },
  };
  return { repo: fake as unknown as AppointmentRepository, reads };
}

describe('AvailabilityReader', () => {
  it('reads the whole horizon once however often the alternatives ask past the window', async () => {
    // The window around the wish is taken whole; the horizon read frees Anna a week later.
    const { repo, reads } = appointments((read, range) =>
      read === 1 ? range.end : new Date(WISH.getTime() + 8 * DAY),
    );
    const around = await new AvailabilityReader(repo).around(salon, cut, NOW, WISH);
    expect(around.check(WISH, anna).ok).toBe(false);
    const first = await around.alternatives(WISH, { preferredStaffId: 'anna' });
    const wider = await around.alternatives(WISH, { preferredStaffId: 'anna', count: 10 });
    const anyone = await around.alternatives(WISH, { count: 10 });
    expect(first).toHaveLength(2);
    expect(wider).toHaveLength(10);
    expect(anyone).toHaveLength(10);
    expect(first[0].start.getTime()).toBeGreaterThan(WISH.getTime() + 7 * DAY);
    expect(reads).toHaveLength(2);
  });

  it('judges a held start by the salon’s rules without reading anyone’s busy time', async () => {
    const { repo, reads } = appointments((_read, range) => range.end);
    const reader = new AvailabilityReader(repo);
    const held = reader.checkHeldStart(salon, cut, NOW, WISH, anna);
    expect(held.ok && held.value).toMatchObject({ staffId: 'anna', start: WISH });
    const closed = reader.checkHeldStart(salon, cut, NOW, at(SUNDAY, '10:00'), anna);
    expect(closed.ok ? 'free' : closed.error.reason).toBe('CLOSED_DAY');
    const late = reader.checkHeldStart(salon, cut, NOW, at('2026-06-25', '17:45'), anna);
    expect(late.ok ? 'free' : late.error.reason).toBe('RUNS_PAST_OPENING_HOURS');
    expect(reads).toHaveLength(0);
  });

  // 97 and 104 days ahead are Sundays, when the salon is closed.
  it.each([91, 97, 100, 104, 120, 365, 5 * 365])(
    'answers a wish %i days ahead (beyond the horizon) as such, with the last bookable starts',
    async (daysAhead) => {
      const nobodyBusy = { busyIntervals: async () => new Map() };
      const repo = nobodyBusy as unknown as AppointmentRepository;
      const wish = new Date(NOW.getTime() + daysAhead * DAY + 2 * 60 * 60_000);
      const around = await new AvailabilityReader(repo).around(salon, cut, NOW, wish);
      const checked = around.check(wish, anna);
      expect(checked.ok ? 'free' : checked.error.reason).toBe('BEYOND_HORIZON');
      const offered = await around.alternatives(wish, { preferredStaffId: 'anna' });
      expect(offered).toHaveLength(2);
      const lastDay = salon.branch.localDateOf(new Date(NOW.getTime() + 90 * DAY));
      for (const o of offered) expect(salon.branch.localDateOf(o.start) <= lastDay).toBe(true);
    },
  );
});
