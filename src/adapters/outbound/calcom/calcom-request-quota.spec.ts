import { CalendarRateLimited } from '../../../domain/calendar/calendar.errors';
import { MemoryQuotaStore } from './calcom-quota-store';
import { CalcomRequestQuota, quotaKeyOf, type RequestQuotaConfig } from './calcom-request-quota';

const CONFIG: RequestQuotaConfig = {
  limit: 10,
  windowMs: 60_000,
  marginMs: 2000,
  liveReservePercent: 20,
  maxWaitMs: 30_000,
};
const KEY = 'cal_live_salon';

/** A quota on a clock the test moves; sleeping moves it. */
function quota(config: Partial<RequestQuotaConfig> = {}) {
  let now = 1_000_000;
  const slept: number[] = [];
  const q = new CalcomRequestQuota(
    new MemoryQuotaStore(),
    { ...CONFIG, ...config },
    () => now,
    async (ms) => {
      slept.push(ms);
      now += ms;
    },
  );
  return { q, slept, advance: (ms: number) => (now += ms) };
}

describe('CalcomRequestQuota', () => {
  it('lets the sync use the window up to the live reserve; live calls the rest, at once', async () => {
    const { q } = quota();
    for (let i = 0; i < 8; i++) await q.admit(KEY, 'sync');
    for (let i = 0; i < 2; i++) await q.admit(KEY, 'live');
    const refused = await q.admit(KEY, 'live').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CalendarRateLimited);
    expect((refused as CalendarRateLimited).retryAfterSeconds).toBe(62);
  });

  it('live calls within their reserve take nothing from the sync', async () => {
    const { q } = quota({ maxWaitMs: 0 });
    for (let i = 0; i < 2; i++) await q.admit(KEY, 'live');
    for (let i = 0; i < 8; i++) await q.admit(KEY, 'sync');
    await expect(q.admit(KEY, 'sync')).rejects.toBeInstanceOf(CalendarRateLimited);
    await expect(q.admit(KEY, 'live')).rejects.toBeInstanceOf(CalendarRateLimited);
  });

  it('a sync request waits in line for room, and is refused with the wait past its longest', async () => {
    const { q, slept } = quota({ maxWaitMs: 70_000 });
    for (let i = 0; i < 8; i++) await q.admit(KEY, 'sync');
    await q.admit(KEY, 'sync');
    expect(slept).toEqual([62_000]);

    const { q: impatient } = quota({ maxWaitMs: 10_000 });
    for (let i = 0; i < 8; i++) await impatient.admit(KEY, 'sync');
    await expect(impatient.admit(KEY, 'sync')).rejects.toMatchObject({ retryAfterSeconds: 62 });
  });

  it('reconciliation goes after the sync waiting in the same line', async () => {
    const { q } = quota({ limit: 5, liveReservePercent: 20, maxWaitMs: 70_000 });
    for (let i = 0; i < 4; i++) await q.admit(KEY, 'sync');
    const order: string[] = [];
    await Promise.all([
      q.admit(KEY, 'reconcile').then(() => order.push('reconcile')),
      q.admit(KEY, 'sync').then(() => order.push('sync')),
    ]);
    expect(order).toEqual(['sync', 'reconcile']);
  });

  it("tops its count up to Cal.com's (another application on the key)", async () => {
    const { q } = quota({ maxWaitMs: 0 });
    await q.admit(KEY, 'sync');
    // Cal.com counted 7 in its window, which ends in 30 s: 6 more than this quota sent.
    await q.observe(KEY, { limit: 10, remaining: 3, resetSeconds: 30, refused: false });
    await q.admit(KEY, 'sync');
    await expect(q.admit(KEY, 'sync')).rejects.toBeInstanceOf(CalendarRateLimited);
    await q.admit(KEY, 'live');
    await q.admit(KEY, 'live');
    await expect(q.admit(KEY, 'live')).rejects.toBeInstanceOf(CalendarRateLimited);
  });

  it('a 429 holds every request of the key until its reset, 60 s when it names none', async () => {
    const { q, advance } = quota();
    await q.observe(KEY, { refused: true, resetSeconds: 45 });
    await expect(q.admit(KEY, 'live')).rejects.toMatchObject({ retryAfterSeconds: 45 });
    advance(45_000);
    await expect(q.admit(KEY, 'live')).resolves.toBeUndefined();
    await q.observe(KEY, { refused: true });
    await expect(q.admit(KEY, 'live')).rejects.toMatchObject({ retryAfterSeconds: 60 });
  });

  it('a lower limit Cal.com announces wins over the configured one', async () => {
    const { q } = quota({ limit: 200 });
    expect(q.limitsOf(quotaKeyOf(KEY))).toEqual({ limit: 200, share: 160 });
    await q.observe(KEY, { limit: 120, remaining: 119, resetSeconds: 60, refused: false });
    expect(q.limitsOf(quotaKeyOf(KEY))).toEqual({ limit: 120, share: 96 });
  });
});
