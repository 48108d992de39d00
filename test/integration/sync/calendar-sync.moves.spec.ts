import type { FakeBooking } from '../../../bench/sync-fake-calcom';
import { toCalendarEvent } from '../../../src/adapters/inbound/calcom-webhook/calcom-webhook.mapper';
import { TypeOrmCalendarMappingRepository } from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import { TypeOrmOutsideCalendarBlocks } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outside-calendar-blocks';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import {
  ApplyCalendarEventUseCase,
  type CalendarEvent,
} from '../../../src/application/sync/apply-calendar-event.use-case';
import type { Appointment } from '../../../src/domain/appointment/appointment';
import {
  at,
  audit,
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

const now = new Date('2026-11-26T14:00:00Z');
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/**
 * A moved appointment reaches Cal.com as moves (POST /v2/bookings/{uid}/reschedule), on BullMQ
 * (real Redis) against the fake Cal.com over HTTP, real Postgres. The perm's event types here
 * have one length each, the step's, as a salon sets them up.
 */
describe('calendar sync moves bookings with Cal.com’s reschedule', () => {
  let w: World;
  let events: ApplyCalendarEventUseCase;
  const apply = (event: CalendarEvent) =>
    events.execute(event, { kind: 'tenants', companyIds: [w.salon.companyId] });

  /** Cal.com's webhook for a booking; a reschedule names the booking it replaced. */
  const webhook = (
    trigger: string,
    b: FakeBooking,
    extra: { from?: FakeBooking; metadataOnly?: boolean } = {},
  ): CalendarEvent =>
    toCalendarEvent({
      triggerEvent: trigger,
      createdAt: now.toISOString(),
      payload: {
        startTime: b.start,
        endTime: b.end,
        uid: b.uid,
        bookingId: b.id,
        eventTypeId: b.eventTypeId,
        status: trigger === 'BOOKING_CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
        metadata: b.metadata,
        ...(b.rescheduledToUid ? { rescheduledToUid: b.rescheduledToUid } : {}),
        ...(extra.from && !extra.metadataOnly
          ? { rescheduleUid: extra.from.uid, rescheduleStartTime: extra.from.start }
          : {}),
      },
    })!;

  const phaseUids = async (id: string): Promise<Array<string | null>> =>
    (
      await w.db.dataSource.query(
        `SELECT calcom_booking_uid AS uid FROM appointment_phases
          WHERE appointment_id = $1 AND staff_busy AND kind <> 'buffer' ORDER BY sequence`,
        [id],
      )
    ).map((r: { uid: string | null }) => r.uid);
  const cancels = () => w.fake.requests.filter((r) => r.endsWith('/cancel'));
  const moveTo = (a: Appointment, start: Date) =>
    change(w, a.id, (x) => must(x.reschedule(start, w.perm)), 'reschedule');

  /** A perm at 09:00, synced; the fake's counters start afresh after it. */
  async function syncedPerm(start = at('09:00')): Promise<{ a: Appointment; old: FakeBooking[] }> {
    const a = await book(w, w.perm, start);
    await relayAndSettle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    const old = w.fake.live().sort((x, y) => x.start.localeCompare(y.start));
    expect(old).toHaveLength(3);
    w.fake.requests.length = 0;
    w.fake.createBodies.length = 0;
    return { a, old };
  }

  /** Every phase's booking is live at the phase's time, and nothing else of ours is. */
  async function expectMirrored(a: Appointment, starts: string[]): Promise<void> {
    expect((await syncRow(w, a.id)).state).toBe('synced');
    const uids = await phaseUids(a.id);
    const live = w.fake.live();
    expect(live.map((b) => b.uid).sort()).toEqual([...uids].sort());
    expect(uids.map((uid) => w.fake.bookings.get(uid!)!.start)).toEqual(
      starts.map((s) => at(s).toISOString()),
    );
    const ledger = await w.ledger.forAppointment(w.salon.companyId, a.id);
    expect(
      ledger
        .filter((e) => e.state === 'live')
        .map((e) => e.bookingUid)
        .sort(),
    ).toEqual([...uids].sort());
  }

  beforeAll(async () => {
    w = await createWorld({ redis: true });
    const lengths = [30, 20, 25];
    PERM_EVENT_TYPES.forEach((id, i) => w.fake.singleLength.set(id, lengths[i]));
    const m = w.db.dataSource.manager;
    events = new ApplyCalendarEventUseCase(
      new TypeOrmCalendarMappingRepository(m),
      w.ledger,
      new TypeOrmOutsideCalendarBlocks(m),
      new TypeOrmUnitOfWork(w.db.dataSource),
      portsFor(m).audit,
      { now: () => now },
      { invalidateSlots: async () => undefined },
      { kick: () => undefined },
    );
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    w.fake.reset();
    w.hooks.beforeCreate = undefined;
    await w.db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
       DELETE FROM calendar_sync_leases; DELETE FROM audit_log; DELETE FROM appointments`,
    );
  });

  it('a moved perm: one reschedule per phase, no cancel request, the new uids stored', async () => {
    const { a, old } = await syncedPerm();
    await moveTo(a, at('13:00'));
    await relayAndSettle(w);

    await expectMirrored(a, ['13:00', '14:10', '14:40']);
    expect(w.fake.rescheduleRequests.map((r) => r.uid).sort()).toEqual(
      old.map((b) => b.uid).sort(),
    );
    expect(w.fake.rescheduleRequests.map((r) => r.body.start).sort()).toEqual(
      ['13:00', '14:10', '14:40'].map((s) => at(s).toISOString()),
    );
    expect(w.fake.createBodies).toEqual([]);
    expect(cancels()).toEqual([]);
    // Cal.com itself ended the old bookings, each pointing to its successor.
    for (const b of old) {
      expect(b.status).toBe('cancelled');
      expect(w.fake.bookings.get(b.rescheduledToUid!)!.rescheduledFromUid).toBe(b.uid);
    }
    const ledger = await w.ledger.forAppointment(w.salon.companyId, a.id);
    for (const b of old) {
      expect(ledger.find((e) => e.bookingUid === b.uid)!.state).toBe('cancelled');
    }
    expect(await audit(w, a.id)).toContain('calendar_sync.bookings_moved');
  });

  it('a perm moved by half an hour: the latest step moves first, so no move lands on its own booking', async () => {
    const { a, old } = await syncedPerm();
    await moveTo(a, at('09:30'));
    await relayAndSettle(w);

    await expectMirrored(a, ['09:30', '10:40', '11:10']);
    // The new rinse (10:40) overlaps the old drying (10:40–11:05): drying moved before it.
    expect(w.fake.rescheduleRequests.map((r) => r.uid)).toEqual(old.map((b) => b.uid).reverse());
    expect(w.fake.createBodies).toEqual([]);
  });

  it('a reschedule that answered 500 but happened is found by the old booking and not sent again', async () => {
    const { a, old } = await syncedPerm();
    w.fake.onReschedule = ({ n }) =>
      n === 1 ? { kind: 'error', status: 500, message: 'boom', moved: true } : { kind: 'ok' };
    await moveTo(a, at('13:00'));
    await relayAndSettle(w);

    await expectMirrored(a, ['13:00', '14:10', '14:40']);
    expect(w.fake.rescheduleRequests).toHaveLength(3);
    expect(new Set(w.fake.rescheduleRequests.map((r) => r.uid)).size).toBe(3);
    expect(w.fake.createBodies).toEqual([]);
    // Looked up through the old booking's pointer: its GET, then the successor's.
    const first = old.find((b) => b.uid === w.fake.rescheduleRequests[0].uid)!;
    expect(w.fake.requests).toContain(`GET /v2/bookings/${first.uid}`);
    expect(w.fake.requests).toContain(`GET /v2/bookings/${first.rescheduledToUid}`);
    expect(await audit(w, a.id)).not.toContain('calendar_sync.attempt_failed');
  });

  it('a reschedule that timed out but happened is found, and one that did not happen is sent once more', async () => {
    const { a } = await syncedPerm();
    // The first move hangs although Cal.com made it; the second hangs and did nothing.
    w.fake.onReschedule = ({ n }) =>
      n === 1
        ? { kind: 'hang', moved: true }
        : n === 2
          ? { kind: 'hang', moved: false }
          : { kind: 'ok' };
    await moveTo(a, at('13:00'));
    await relayAndSettle(w);

    await expectMirrored(a, ['13:00', '14:10', '14:40']);
    const perUid = new Map<string, number>();
    for (const r of w.fake.rescheduleRequests) perUid.set(r.uid, (perUid.get(r.uid) ?? 0) + 1);
    // The one that happened went out once; the one that did not, twice; the third once.
    expect([...perUid.values()].sort()).toEqual([1, 1, 2]);
    expect(w.fake.createBodies).toEqual([]);
    expect(cancels()).toEqual([]);
  }, 30_000);

  it('a time Cal.com does not offer is tried again like a refused create, then compensated and reviewed', async () => {
    const { a, old } = await syncedPerm();
    w.fake.addOutside(PERM_EVENT_TYPES[0], at('13:00'), 30);
    await moveTo(a, at('13:00'));
    await relayAndSettle(w);

    const row = await syncRow(w, a.id);
    expect(row.state).toBe('manual_review');
    expect(row.error).toContain('CALENDAR.CONFLICT');
    // Three attempts; nothing moved or created twice, and compensation cleared what it held.
    expect(w.fake.createBodies).toEqual([]);
    for (const b of old) expect(b.status).toBe('cancelled');
    expect(w.fake.live().filter((b) => b.metadata.appointment_id === a.id)).toEqual([]);
    expect(await audit(w, a.id)).toEqual(
      expect.arrayContaining(['calendar_sync.attempt_failed', 'calendar_sync.manual_review']),
    );
  });

  it('a booking Cal.com lost meanwhile is created instead; the others move', async () => {
    const { a, old } = await syncedPerm();
    w.fake.bookings.delete(old[1].uid);
    await moveTo(a, at('13:00'));
    await relayAndSettle(w);

    await expectMirrored(a, ['13:00', '14:10', '14:40']);
    expect(w.fake.rescheduleRequests).toHaveLength(2);
    expect(w.fake.createBodies).toHaveLength(1);
    onePerPhase(w);
  });

  it('where the mapping now names another event type (another stylist), the booking is cancelled and created', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [old] = w.fake.live();
    await w.db.dataSource.query(
      `UPDATE calcom_mappings SET event_type_id = $1 WHERE event_type_id = $2`,
      [CUT_EVENT_TYPE + 1, CUT_EVENT_TYPE],
    );
    try {
      await change(w, a.id, (x) => must(x.reschedule(at('12:00'), w.cut)), 'reschedule');
      await relayAndSettle(w);

      expect((await syncRow(w, a.id)).state).toBe('synced');
      expect(w.fake.rescheduleRequests).toEqual([]);
      expect(cancels()).toEqual([`POST /v2/bookings/${old.uid}/cancel`]);
      expect(w.fake.live().map((b) => [b.eventTypeId, b.start])).toEqual([
        [CUT_EVENT_TYPE + 1, at('12:00').toISOString()],
      ]);
    } finally {
      await w.db.dataSource.query(
        `UPDATE calcom_mappings SET event_type_id = $2 WHERE event_type_id = $1`,
        [CUT_EVENT_TYPE + 1, CUT_EVENT_TYPE],
      );
    }
  });

  it('a cut moved to another stylist: cancelled under the old one’s mapping, created under the new one’s', async () => {
    const mehmet = w.salon.staff.find((s) => s.name === 'Mehmet')!.id;
    const mehmetCut = CUT_EVENT_TYPE + 2;
    w.fake.singleLength.set(mehmetCut, 30);
    await w.db.dataSource.query(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [w.salon.companyId, w.credentialId, w.cut.id, mehmet, mehmetCut],
    );
    try {
      const a = await book(w, w.cut, at('11:00'));
      await relayAndSettle(w);
      const [old] = w.fake.live();
      expect(old.eventTypeId).toBe(CUT_EVENT_TYPE);
      const toMehmet = (x: Appointment) =>
        must(x.reschedule(at('12:00'), w.cut, undefined, { staffId: mehmet }));
      await change(w, a.id, toMehmet, 'reschedule');
      await relayAndSettle(w);

      expect((await syncRow(w, a.id)).state).toBe('synced');
      expect(w.fake.rescheduleRequests).toEqual([]);
      expect(cancels()).toEqual([`POST /v2/bookings/${old.uid}/cancel`]);
      expect(w.fake.live().map((b) => [b.eventTypeId, b.start])).toEqual([
        [mehmetCut, at('12:00').toISOString()],
      ]);
    } finally {
      await w.db.dataSource.query(`DELETE FROM calcom_mappings WHERE staff_id = $1`, [mehmet]);
    }
  });

  it('Cal.com’s webhooks for our own move (rescheduled, and the old one cancelled) change nothing here', async () => {
    const { a, old } = await syncedPerm();
    const outcomes: string[] = [];
    // The webhooks outrun the answer: they reach us while the move's request is still out.
    w.fake.onReschedule = async ({ uid }) => {
      const before = w.fake.bookings.get(uid)!;
      const preview: FakeBooking = { ...before, uid: `${uid}-next`, id: before.id + 10_000 };
      outcomes.push(await apply(webhook('BOOKING_RESCHEDULED', preview, { from: before })));
      outcomes.push(
        await apply(webhook('BOOKING_RESCHEDULED', preview, { from: before, metadataOnly: true })),
      );
      return { kind: 'ok' };
    };
    await moveTo(a, at('13:00'));
    await relayAndSettle(w);
    expect(outcomes).toEqual(Array(6).fill('ignored'));

    // And once the move is recorded, as Cal.com really sends them.
    for (const b of old) {
      const next = w.fake.bookings.get(b.rescheduledToUid!)!;
      expect(await apply(webhook('BOOKING_RESCHEDULED', next, { from: b }))).toBe('duplicate');
      expect(await apply(webhook('BOOKING_RESCHEDULED', next, { metadataOnly: true }))).toBe(
        'duplicate',
      );
      expect(await apply(webhook('BOOKING_CANCELLED', b))).toBe('ignored');
    }
    await relayAndSettle(w);
    await expectMirrored(a, ['13:00', '14:10', '14:40']);
    const trail = await audit(w, a.id);
    expect(trail.filter((t) => t.startsWith('calendar_webhook.'))).toEqual([]);
    expect(w.fake.rescheduleRequests).toHaveLength(3);
  });

  it('a salon’s own move in Cal.com: the old booking’s cancellation pointing on cancels nothing', async () => {
    const a = await book(w, w.cut, at('15:00'));
    await relayAndSettle(w);
    const [old] = w.fake.live();
    const next = w.fake.addWithMetadata(old.eventTypeId, at('15:30'), 30, { ...old.metadata });
    next.rescheduledFromUid = old.uid;
    Object.assign(old, { status: 'cancelled', rescheduledToUid: next.uid });

    expect(await apply(webhook('BOOKING_CANCELLED', old))).toBe('ignored');
    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(await apply(webhook('BOOKING_RESCHEDULED', next, { from: old }))).toBe(
      'appointment_moved',
    );
    expect(await phaseUids(a.id)).toEqual([next.uid]);
  });

  it('reconciliation keeps moved bookings, though their metadata names the old phases', async () => {
    const { a, old } = await syncedPerm();
    await moveTo(a, at('13:00'));
    await relayAndSettle(w);
    const moved = w.fake.live();
    expect(moved.map((b) => b.metadata.phase_id).sort()).toEqual(
      old.map((b) => b.metadata.phase_id).sort(),
    );

    expect(
      await w.dispatcher.handle(
        { kind: 'reconcile', companyId: w.salon.companyId },
        { number: 1, final: true },
      ),
    ).toEqual({ kind: 'done' });
    await relayAndSettle(w);
    expect(cancels()).toEqual([]);
    await expectMirrored(a, ['13:00', '14:10', '14:40']);
    const trail = await audit(w, a.id);
    expect(trail).not.toContain('calendar_reconcile.orphan_cancelled');
    expect(trail).not.toContain('calendar_reconcile.duplicate_cancelled');
  });
});
