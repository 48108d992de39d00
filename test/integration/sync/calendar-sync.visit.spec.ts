import { planVisit } from '../../../src/domain/salon/visit';
import {
  at,
  book,
  change,
  createWorld,
  CUT_EVENT_TYPE,
  onePerPhase,
  PERM_EVENT_TYPES,
  relayAndSettle,
  syncRow,
  type World,
} from './sync-harness';

/**
 * A visit of a cut and a perm on real Postgres against the fake Cal.com: one booking per
 * working step, each under the event type mapped for its own service and segment; moved and
 * cancelled as a whole.
 */
describe('calendar sync of a visit of several services', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld({ redis: false });
  });
  afterAll(() => w?.close());
  beforeEach(() => w.fake.reset());

  const visit = () => {
    const planned = planVisit([w.cut, w.perm]);
    if (!planned.ok) throw new Error(planned.error.detail);
    return planned.value;
  };

  it('books each working step under its own service’s event type, then moves and cancels it', async () => {
    const a = await book(w, visit(), at('09:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    onePerPhase(w);
    // cut 09:00 (its own event type), then the perm's three working steps, one each.
    const live = w.fake
      .live()
      .map((b) => [b.eventTypeId, b.start])
      .sort((x, y) => String(x[1]).localeCompare(String(y[1])));
    expect(live).toEqual([
      [CUT_EVENT_TYPE, at('09:00').toISOString()],
      [PERM_EVENT_TYPES[0], at('09:30').toISOString()],
      [PERM_EVENT_TYPES[1], at('10:40').toISOString()],
      [PERM_EVENT_TYPES[2], at('11:10').toISOString()],
    ]);

    await change(
      w,
      a.id,
      (x) => {
        const moved = x.reschedule(at('13:00'), visit());
        if (!moved.ok) throw new Error(moved.error.code);
        return moved.value;
      },
      'reschedule',
    );
    await relayAndSettle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(
      w.fake
        .live()
        .map((b) => b.start)
        .sort(),
    ).toEqual(['13:00', '13:30', '14:40', '15:10'].map((t) => at(t).toISOString()));

    await change(
      w,
      a.id,
      (x) => {
        const cancelled = x.cancel();
        if (!cancelled.ok) throw new Error(cancelled.error.code);
        return cancelled.value;
      },
      'cancel',
    );
    await relayAndSettle(w);
    expect(w.fake.live()).toEqual([]);
  });
});
