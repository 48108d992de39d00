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
