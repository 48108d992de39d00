import { CALCOM_THROTTLE } from '../../../bench/sync-fake-calcom';
import {
  at,
  audit,
  book,
  change,
  createWorld,
  onePerPhase,
  relayAndSettle,
  syncRow,
  CUT_EVENT_TYPE,
  type World,
} from './sync-harness';
import { TimeRange } from '../../../src/domain/shared/time-range';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`unexpected refusal: ${JSON.stringify(r.error)}`);
  return r.value;
};

/** Cal.com's throttler with a short window, so the test waits seconds, not minutes. */
const THROTTLE = { limit: 4, windowMs: 1500, blockMs: 1500 };
/** The gateway's quota for that throttler: a quarter of the window kept for live calls. */
const QUOTA = {
  limit: THROTTLE.limit,
  windowMs: THROTTLE.windowMs,
  marginMs: 100,
  liveReservePercent: 25,
  maxWaitMs: 5000,
};

/** Another application using the salon's Cal.com key: `n` requests the sync never saw. */
async function foreignRequests(w: World, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await fetch(`${w.fake.url}/v2/bookings/none`, {
      headers: { Authorization: 'Bearer cal_test_haarmonie', 'cal-api-version': '2024-08-13' },
    });
  }
}

describe("calendar sync under Cal.com's throttler", () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld({ redis: false, quota: QUOTA });
  });
  afterAll(() => w?.close());
  beforeEach(() => {
    w.fake.reset();
    w.fake.throttle = THROTTLE;
  });

  it('a 429 costs no attempt and no lookup: the job comes back when the key is free again', async () => {
    // The key's window is used up elsewhere: the sync's first create blocks the key.
    await foreignRequests(w, THROTTLE.limit);
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);

    expect(w.fake.throttled.length).toBeGreaterThan(0);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    // The one attempt that synced it; the waits were none.
    const [{ attempts }] = await w.db.dataSource.query(
      `SELECT sync_attempts AS attempts FROM appointments WHERE id = $1`,
      [a.id],
    );
    expect(attempts).toBe(1);
    const trail = await audit(w, a.id);
    expect(trail).toContain('calendar_sync.waiting');
    expect(trail).not.toContain('calendar_sync.attempt_failed');
    // No verification lookup (GET /v2/bookings) before or after any create.
    expect(w.fake.requests.filter((r) => r === 'GET /v2/bookings')).toEqual([]);
    onePerPhase(w);
    expect(w.fake.live()).toHaveLength(3);
  });

  it('a cancel refused with 429 costs no attempt either: it goes through once the key is free', async () => {
    const a = await book(w, w.perm, at('13:00'));
    await relayAndSettle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    const attemptsOf = async () =>
      (
        await w.db.dataSource.query(`SELECT sync_attempts AS n FROM appointments WHERE id = $1`, [
          a.id,
        ])
      )[0].n as number;
    const before = await attemptsOf();

    // A fresh window, which another application of the salon's key then uses up.
    await new Promise((r) => setTimeout(r, THROTTLE.windowMs + 200));
    await foreignRequests(w, THROTTLE.limit);
    await change(w, a.id, (x) => must(x.cancel()), 'cancel');
    await relayAndSettle(w);

    expect(w.fake.throttled.some((r) => r.startsWith('POST /v2/bookings/'))).toBe(true);
    expect(w.fake.live()).toHaveLength(0);
    expect(await attemptsOf()).toBe(before);
    const trail = await audit(w, a.id);
    expect(trail).toContain('calendar_sync.waiting');
    expect(trail).not.toContain('calendar_sync.attempt_failed');
  });

  it("the fake's default throttle is Cal.com's documented one", () => {
    expect(CALCOM_THROTTLE).toEqual({ limit: 120, windowMs: 60_000, blockMs: 60_000 });
  });
});

describe('calendar sync and live calls sharing one Cal.com key', () => {
  const throttle = { limit: 10, windowMs: 1500, blockMs: 1500 };
  let w: World;

  beforeAll(async () => {
    w = await createWorld({
      redis: false,
      // 30 % kept for live calls: the sync may send 7 a window, live calls 3 more.
      quota: { ...QUOTA, limit: 10, liveReservePercent: 30 },
    });
  });
  afterAll(() => w?.close());
  beforeEach(() => {
    w.fake.reset();
    w.fake.throttle = throttle;
  });

  it('the sync stays under the limit (no 429) and every live check gets through meanwhile', async () => {
    const appointments = [];
    for (const hhmm of ['09:00', '11:15', '13:30', '15:45']) {
      appointments.push(await book(w, w.perm, at(hhmm)));
    }
    const live: string[] = [];
    let syncing = true;
    const checks = (async () => {
      while (syncing) {
        const asked = await w.gateway
          .availableStarts({
            credentialRef: w.credentialId,
            scope: { companyId: w.salon.companyId, branchId: w.salon.branch.id, staffId: w.anna },
            eventTypeId: CUT_EVENT_TYPE,
            range: TimeRange.of(at('09:00'), at('18:00')),
            timeZone: 'Europe/Berlin',
          })
          .then(
            () => 'answered',
            (error: Error) => error.name,
          );
        live.push(asked);
        await new Promise((r) => setTimeout(r, 600));
      }
    })();
    const started = Date.now();
    await relayAndSettle(w);
    const took = Date.now() - started;
    syncing = false;
    await checks;

    for (const a of appointments) expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.throttled).toEqual([]);
    onePerPhase(w);
    expect(w.fake.requests.filter((r) => r === 'GET /v2/bookings')).toEqual([]);
    // 12 creates at 7 a window: the sync was paced over at least one more window.
    expect(took).toBeGreaterThanOrEqual(throttle.windowMs);
    expect(live.length).toBeGreaterThanOrEqual(3);
    expect(live.every((r) => r === 'answered')).toBe(true);
  });
});
