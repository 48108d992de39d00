import type { CalcomBreakerEvent } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import {
  at,
  audit,
  book,
  createWorld,
  onePerPhase,
  relayAndSettle,
  settle,
  syncRow,
  type World,
} from './sync-harness';

/** Generous: it only bounds a hang; nothing here asserts how long anything took. */
const PATIENCE_MS = 30_000;

async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The breaker's whole life at the sync level, on Postgres and the fake Cal.com over HTTP, with
 * BullMQ on real Redis and with the in-process queue: no breaker is forced. Cal.com answers 500 to everything, the breaker opens
 * on those failures, the sync jobs wait (delayed, no attempt used, nothing handed to a person),
 * and once Cal.com is back the half-open probe after the reset time succeeds, the breaker closes
 * and every waiting appointment ends synced with exactly one create per phase.
 */
describe.each([
  ['BullMQ on Redis', true],
  ['the in-process queue', false],
])('calendar sync through a Cal.com outage (%s)', (_queue, redis) => {
  let w: World;
  const events: CalcomBreakerEvent[] = [];

  beforeAll(async () => {
    w = await createWorld({
      redis,
      // Opens on the second failed call; probes again after a reset time long enough for the
      // test to see the jobs wait and bring Cal.com back before the first probe.
      breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 5000 },
      settings: { waitMs: 50 },
    });
    for (const event of ['open', 'halfOpen', 'close'] as const) {
      w.gateway.onBreakerEvent(w.credentialId, event, () => events.push(event));
    }
  });
  afterAll(() => w?.close());

  it('keeps the appointments waiting while the breaker is open and syncs them after it closes', async () => {
    w.fake.down = true;
    const perm = await book(w, w.perm, at('09:00'));
    const cut = await book(w, w.cut, at('13:00'));
    expect(await w.relay.relay()).toBe(2);

    await eventually(
      async () => events,
      (seen) => seen.includes('open'),
      'the breaker to open on upstream failures',
    );
    expect(w.gateway.breakerState(w.credentialId)).not.toBe('closed');

    // While Cal.com is down, each appointment's job comes back later rather than failing.
    const waiting = await eventually(
      async () => Promise.all([perm, cut].map(async (a) => audit(w, a.id))),
      (trails) => trails.every((t) => t.includes('calendar_sync.waiting')),
      'both syncs to wait for the breaker',
    );
    for (const trail of waiting) {
      expect(trail).not.toContain('calendar_sync.manual_review');
      expect(trail).not.toContain('calendar_sync.synced');
    }
    for (const a of [perm, cut]) {
      expect(['pending', 'failed']).toContain((await syncRow(w, a.id)).state);
    }
    if (w.bull) {
      const counts = await w.bull.queue.queue.getJobCounts(
        'waiting',
        'delayed',
        'active',
        'failed',
        'completed',
      );
      expect(counts.failed).toBe(0);
      expect(counts.completed).toBe(0);
      expect(counts.waiting + counts.delayed + counts.active).toBe(2);
    }
    expect(w.fake.createBodies).toHaveLength(0);

    // Cal.com is back; after the reset time a probe gets through and closes the breaker.
    w.fake.down = false;
    await eventually(
      async () => events,
      (seen) => seen.includes('close'),
      'the breaker to close after a successful half-open probe',
    );
    expect(events[0]).toBe('open');
    expect(events.lastIndexOf('halfOpen')).toBeLessThan(events.lastIndexOf('close'));
    expect(events[events.length - 1]).toBe('close');

    await eventually(
      async () => Promise.all([perm, cut].map(async (a) => (await syncRow(w, a.id)).state)),
      (states) => states.every((s) => s === 'synced'),
      'both appointments to end synced',
    );
    await settle(w);
    expect(w.gateway.breakerState(w.credentialId)).toBe('closed');
    expect(w.fake.createBodies).toHaveLength(4); // three perm phases and the cut
    onePerPhase(w);
    for (const n of w.fake.livePerPhase().values()) expect(n).toBe(1);
    for (const a of [perm, cut]) expect(await audit(w, a.id)).toContain('calendar_sync.synced');
    if (w.bull) expect((await w.bull.queue.queue.getJobCounts('failed')).failed).toBe(0);

    // Nothing is left for a later relay to do.
    await relayAndSettle(w);
    expect(w.fake.createBodies).toHaveLength(4);
  });
});
