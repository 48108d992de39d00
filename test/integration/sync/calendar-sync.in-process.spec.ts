import {
  at,
  book,
  createWorld,
  onePerPhase,
  relayAndSettle,
  syncRow,
  type World,
} from './sync-harness';

/** The same processor on the in-process queue (`npm start` without Redis). */
describe('calendar sync on the in-process queue', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld({ redis: false });
  });
  afterAll(() => w?.close());
  beforeEach(() => w.fake.reset());

  it('syncs a composite appointment, retrying a 500 with backoff', async () => {
    let failed = false;
    w.fake.onCreate = ({ body }) => {
      if (!failed && body.eventTypeId === 7002) {
        failed = true;
        return { kind: 'error', status: 500, message: 'boom', created: false };
      }
      return { kind: 'ok' };
    };
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.live()).toHaveLength(3);
    expect(w.fake.livePerPhase().size).toBe(3);
  });

  it('one create per phase when Cal.com answered 400 but booked', async () => {
    w.fake.onCreate = () => ({ kind: 'error', status: 400, message: 'Bad request', created: true });
    const a = await book(w, w.perm, at('13:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    onePerPhase(w);
  });

  it('an event type with one length refuses the length once; its bookings are then asked without it', async () => {
    const first = await book(w, w.cut, at('11:15'));
    await relayAndSettle(w);
    const second = await book(w, w.cut, at('11:45'));
    await relayAndSettle(w);

    for (const a of [first, second]) expect((await syncRow(w, a.id)).state).toBe('synced');
    // The first cut booked in this world: refused once, asked again at once without the length.
    expect(w.fake.refusedLengths).toHaveLength(1);
    expect(w.fake.createBodies).toHaveLength(2);
    for (const body of w.fake.createBodies) expect(body.lengthInMinutes).toBeUndefined();
    onePerPhase(w);
    expect(w.fake.live().map((b) => [b.start, b.end])).toEqual([
      [at('11:15').toISOString(), at('11:45').toISOString()],
      [at('11:45').toISOString(), at('12:15').toISOString()],
    ]);
  });

  it('a booking of another length than the step is taken back, and a person looks', async () => {
    // The rinse step lasts 20 minutes; its event type books 30.
    w.fake.singleLength.set(7002, 30);
    try {
      const a = await book(w, w.perm, at('15:30'));
      await relayAndSettle(w);

      const row = await syncRow(w, a.id);
      expect(row.state).toBe('manual_review');
      // The rinse step, 16:40–17:00 in Berlin: booked until 17:10.
      expect(row.error).toContain(
        'placed at 2026-12-04T15:40:00.000Z–2026-12-04T16:10:00.000Z instead of 2026-12-04T15:40:00.000Z–2026-12-04T16:00:00.000Z',
      );
      expect(w.fake.live()).toEqual([]);
    } finally {
      w.fake.singleLength.delete(7002);
    }
  });

  it('a tenant without mappings is synced locally: phases need no calendar booking', async () => {
    await w.db.dataSource.query(`DELETE FROM calcom_mappings WHERE service_id = $1`, [w.cut.id]);
    const a = await book(w, w.cut, at('16:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    const phases = await w.db.dataSource.query(
      `SELECT sync_state FROM appointment_phases WHERE appointment_id = $1`,
      [a.id],
    );
    expect(phases.map((p: { sync_state: string }) => p.sync_state)).toEqual(['not_required']);
    expect(w.fake.requests).toHaveLength(0);
  });
});
