import { CALCOM_THROTTLE } from '../../../bench/sync-fake-calcom';
import {
  at,
  audit,
  book,
  createWorld,
  onePerPhase,
  relayAndSettle,
  syncRow,
  type World,
} from './sync-harness';

/** Cal.com's throttler with a short window, so the test waits seconds, not minutes. */
const THROTTLE = { limit: 4, windowMs: 1500, blockMs: 1500 };

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
    w = await createWorld({ redis: false });
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

  it("the fake's default throttle is Cal.com's documented one", () => {
    expect(CALCOM_THROTTLE).toEqual({ limit: 120, windowMs: 60_000, blockMs: 60_000 });
  });
});
