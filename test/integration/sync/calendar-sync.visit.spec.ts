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

  describe('a service of the visit without an event type of its own', () => {
    const unmapCut = async () => {
      const rows = await w.db.dataSource.query(
        `SELECT * FROM calcom_mappings WHERE service_id = $1`,
        [w.cut.id],
      );
      await w.db.dataSource.query(`DELETE FROM calcom_mappings WHERE service_id = $1`, [w.cut.id]);
      return rows;
    };
    let removed: Array<Record<string, unknown>> = [];
    beforeEach(async () => {
      removed = await unmapCut();
    });
    afterEach(async () => {
      for (const r of removed) {
        await w.db.dataSource.query(
          `INSERT INTO calcom_mappings(company_id, credential_id, service_id, segment_sequence, staff_id, event_type_id)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            r.company_id,
            r.credential_id,
            r.service_id,
            r.segment_sequence,
            r.staff_id,
            r.event_type_id,
          ],
        );
      }
    });

    it('books its steps under the stylist’s nearest mapped step, naming the real service', async () => {
      const a = await book(w, visit(), at('09:00'));
      await relayAndSettle(w);

      // Cal.com shows the stylist busy for the cut too: nobody can book her there directly.
      expect((await syncRow(w, a.id)).state).toBe('synced');
      onePerPhase(w);
      const live = w.fake
        .live()
        .map((b) => [b.eventTypeId, b.start, b.metadata.booked_for_service_id])
        .sort((x, y) => String(x[1]).localeCompare(String(y[1])));
      expect(live).toEqual([
        [PERM_EVENT_TYPES[0], at('09:00').toISOString(), w.cut.id],
        [PERM_EVENT_TYPES[0], at('09:30').toISOString(), undefined],
        [PERM_EVENT_TYPES[1], at('10:40').toISOString(), undefined],
        [PERM_EVENT_TYPES[2], at('11:10').toISOString(), undefined],
      ]);

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

    it('a service alone without a mapping stays in the local calendar, as before', async () => {
      const a = await book(w, w.cut, at('14:00'));
      await relayAndSettle(w);
      // Nothing of the tenant's calendar could hold it: done, with no booking (local only).
      expect((await syncRow(w, a.id)).state).toBe('synced');
      expect(w.fake.live()).toEqual([]);
      const [phase] = await w.db.dataSource.query(
        `SELECT sync_state FROM appointment_phases WHERE appointment_id = $1`,
        [a.id],
      );
      expect(phase.sync_state).toBe('not_required');
    });
  });
});
