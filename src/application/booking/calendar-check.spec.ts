import { at, branch, cut, perm } from '../../domain/availability/salon.fixture';
import { CalendarUnavailable } from '../../domain/calendar/calendar.errors';
import { AvailableStartsQuery, CalendarGateway } from '../ports/calendar-gateway.port';
import { CalendarTarget } from '../ports/calendar-mapping.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CalendarCheck, calendarVerified, MAX_STYLIST_DAYS } from './calendar-check';

const salon: BranchContext = {
  companyId: 'c1',
  companyName: 'Salon',
  country: 'DE',
  branch: branch(),
  staff: [],
  services: [cut, perm],
};
const target: CalendarTarget = {
  credentialRef: 'cred',
  timeZone: 'Europe/Berlin',
  serviceEventTypeId: 10,
  segmentEventTypeIds: new Map(),
};

/** A gateway whose slots answer is `offer(query)`; it counts the questions. */
function gateway(offer: (q: AvailableStartsQuery) => Promise<Date[]>) {
  const asked: AvailableStartsQuery[] = [];
  const fake = {
    availableStarts: (q: AvailableStartsQuery) => {
      asked.push(q);
      return offer(q);
    },
  };
  return { fake: fake as unknown as CalendarGateway, asked };
}

// The budget runs from the check's start; only the budget test makes it short.
const check = (g: CalendarGateway | null, budgetMs = 5000) =>
  new CalendarCheck(salon, cut, {
    gateway: g,
    targetFor: async (staffId) => (staffId === 'unmapped' ? null : target),
    budgetMs,
  });
/** A perm whose working steps (by segment number) are mapped to their own event types. */
const permCheck = (g: CalendarGateway, eventTypes: Array<[number, number]>) =>
  new CalendarCheck(salon, perm, {
    gateway: g,
    targetFor: async () => ({
      ...target,
      serviceEventTypeId: undefined,
      segmentEventTypeIds: new Map(eventTypes),
    }),
    budgetMs: 5000,
  });
const freeAt = (staffId: string, date: string, time: string) => ({
  staffId,
  start: at(date, time),
  end: new Date(at(date, time).getTime() + 30 * 60_000),
});

describe('CalendarCheck', () => {
  it('judges unmapped stylists and a missing gateway locally, without asking', async () => {
    const g = gateway(async () => []);
    expect(await check(g.fake).judge(freeAt('unmapped', '2026-06-15', '10:00'))).toBe('local');
    expect(await check(null).judge(freeAt('anna', '2026-06-15', '10:00'))).toBe('local');
    expect(g.asked).toEqual([]);
  });

  it('asks once per stylist, day and event type for the local day', async () => {
    const g = gateway(async () => [at('2026-06-15', '10:00')]);
    const c = check(g.fake);
    expect(await c.judge(freeAt('anna', '2026-06-15', '10:00'))).toBe('offered');
    expect(await c.judge(freeAt('anna', '2026-06-15', '11:00'))).toBe('refused');
    expect(g.asked).toHaveLength(1);
    expect(g.asked[0]).toMatchObject({
      eventTypeId: 10,
      scope: { companyId: 'c1', staffId: 'anna' },
      timeZone: 'Europe/Berlin',
      lengthMinutes: 30,
    });
    expect(g.asked[0].range.start).toEqual(at('2026-06-15', '00:00'));
    expect(g.asked[0].range.end).toEqual(at('2026-06-16', '00:00'));
  });

  it(`asks about at most ${MAX_STYLIST_DAYS} stylist-days; later ones stay unchecked`, async () => {
    const g = gateway(async (q) => [q.range.start]);
    const c = check(g.fake);
    const days = ['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19'];
    const verdicts = [];
    for (const day of days) verdicts.push(await c.judge(freeAt('anna', day, '00:00')));
    expect(verdicts).toEqual(['offered', 'offered', 'offered', 'offered', 'unchecked']);
    expect(g.asked).toHaveLength(MAX_STYLIST_DAYS);
  });

  it('stops asking after a failure or when the budget is spent', async () => {
    const failing = gateway(async () => Promise.reject(new CalendarUnavailable('open')));
    const c = check(failing.fake);
    expect(await c.judge(freeAt('anna', '2026-06-15', '10:00'))).toBe('unchecked');
    expect(await c.judge(freeAt('anna', '2026-06-16', '10:00'))).toBe('unchecked');
    expect(failing.asked).toHaveLength(1);

    // Cal.com never answers: only the budget can end the wait.
    const silent = gateway(() => new Promise<Date[]>(() => undefined));
    expect(await check(silent.fake, 50).judge(freeAt('anna', '2026-06-15', '10:00'))).toBe(
      'unchecked',
    );
  });

  // A start Cal.com offers for a shorter length (an event type's default one) may be taken
  // later in the step; the sync books each step with its own length.
  it('asks each event type for the shortest working step booked under it', async () => {
    const g = gateway(async () => []);
    const c = permCheck(g.fake, [
      [1, 11],
      [3, 13],
      [5, 15],
    ]);
    expect(await c.judge(freeAt('anna', '2026-06-15', '10:00'))).toBe('refused');
    expect(g.asked.map((q) => [q.eventTypeId, q.lengthMinutes]).sort()).toEqual([
      [11, 30],
      [13, 20],
      [15, 25],
    ]);

    // One service-level event type for all three steps (30, 20, 25): one question, for 20.
    const shared = gateway(async (q) => [q.range.start]);
    const oneType = new CalendarCheck(salon, perm, {
      gateway: shared.fake,
      targetFor: async () => target,
      budgetMs: 1000,
    });
    await oneType.judge(freeAt('anna', '2026-06-15', '10:00'));
    expect(shared.asked.map((q) => [q.eventTypeId, q.lengthMinutes])).toEqual([[10, 20]]);
  });

  it('covers a longer step with consecutive windows of the shorter length asked for', async () => {
    // Asked for 20 minutes, each offered start vouches for 20. The perm's steps (10:00 for 30,
    // 11:10 for 20, 11:40 for 25) are covered when the starts chain; without 10:20 the first
    // step's 10:20-10:30 is vouched for by nothing.
    const offering = (...times: string[]) =>
      new CalendarCheck(salon, perm, {
        gateway: gateway(async () => times.map((t) => at('2026-06-15', t))).fake,
        targetFor: async () => target,
        budgetMs: 1000,
      }).judge(freeAt('anna', '2026-06-15', '10:00'));
    expect(await offering('10:00', '10:20', '11:10', '11:40', '12:00')).toBe('offered');
    expect(await offering('10:00', '11:10', '11:40', '12:00')).toBe('refused');
  });

  it('a refused working step outweighs one that could not be checked', async () => {
    // The perm's first step is asked under 11, its third under 13; the fifth has none (skipped).
    // The third step's answer never comes; the budget is wide so that the first step's
    // immediate answer is in time even on a busy machine.
    const g = gateway((q) => (q.eventTypeId === 11 ? Promise.resolve([]) : new Promise(() => {})));
    const c = permCheck(g.fake, [
      [1, 11],
      [3, 13],
    ]);
    expect(await c.judge(freeAt('anna', '2026-06-15', '10:00'))).toBe('refused');
    expect(g.asked.map((q) => q.eventTypeId).sort()).toEqual([11, 13]);
  });

  it('says calendar_verified only when a mapped stylist was involved', () => {
    expect(calendarVerified(['local'])).toBeUndefined();
    expect(calendarVerified([])).toBeUndefined();
    expect(calendarVerified(['offered', 'local'])).toBe(true);
    expect(calendarVerified(['refused', 'offered'])).toBe(true);
    expect(calendarVerified(['refused', 'unchecked'])).toBe(false);
  });
});
