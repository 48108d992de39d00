import type { FakeBooking } from '../../../bench/sync-fake-calcom';
import { toCalendarEvent } from '../../../src/adapters/inbound/calcom-webhook/calcom-webhook.mapper';
import { TypeOrmCalendarMappingRepository } from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import { TypeOrmOutsideCalendarBlocks } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outside-calendar-blocks';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import type { SlotInvalidationScope } from '../../../src/application/ports/calendar-gateway.port';
import {
  ApplyCalendarEventUseCase,
  type CalendarEvent,
  type CalendarEventSigner,
} from '../../../src/application/sync/apply-calendar-event.use-case';
import { TimeRange } from '../../../src/domain/shared/time-range';
import {
  at,
  audit,
  book,
  change,
  createWorld,
  CUT_EVENT_TYPE,
  onePerPhase,
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
 * A salon moves bookings in Cal.com (fake Cal.com over HTTP, shaped like the contracts) and the
 * signed webhook's event reaches the use case on real Postgres; the sync then runs on the
 * in-process queue and must leave exactly one live booking per phase.
 */
describe('bookings moved in Cal.com', () => {
  let w: World;
  let events: ApplyCalendarEventUseCase;
  let kicks = 0;
  let dropped: SlotInvalidationScope[] = [];
  /** Signed with the salon's own webhook secret. */
  const apply = (event: CalendarEvent) =>
    events.execute(event, { kind: 'tenants', companyIds: [w.salon.companyId] });

  /** The salon drags a booking in Cal.com: the old one is cancelled, a new uid takes its place. */
  const moveInCalcom = (uid: string, start: Date): FakeBooking => {
    const old = w.fake.bookings.get(uid)!;
    old.status = 'cancelled';
    const minutes = (Date.parse(old.end) - Date.parse(old.start)) / 60_000;
    return w.fake.addWithMetadata(old.eventTypeId, start, minutes, { ...old.metadata });
  };

  /** Cal.com's webhook envelope for a booking (BOOKING_RESCHEDULED names the one it replaced). */
  const webhook = (trigger: string, b: FakeBooking, from?: FakeBooking) => ({
    triggerEvent: trigger,
    createdAt: now.toISOString(),
    payload: {
      type: `event-${b.eventTypeId}`,
      title: 'Termin',
      startTime: b.start,
      endTime: b.end,
      uid: b.uid,
      bookingId: b.id,
      eventTypeId: b.eventTypeId,
      status: trigger === 'BOOKING_CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
      organizer: { name: 'Anna', email: 'anna@salon.example', timeZone: 'Europe/Berlin' },
      attendees: [],
      metadata: b.metadata,
      ...(from
        ? {
            rescheduleUid: from.uid,
            rescheduleId: from.id,
            rescheduleStartTime: from.start,
            rescheduleEndTime: from.end,
          }
        : {}),
    },
  });
  const eventFor = (body: unknown): CalendarEvent => toCalendarEvent(body)!;
  const rescheduled = (b: FakeBooking, from: FakeBooking) =>
    eventFor(webhook('BOOKING_RESCHEDULED', b, from));

  const appointmentRow = async (id: string) =>
    (
      await w.db.dataSource.query(
        `SELECT starts_at, ends_at, status, staff_id, sync_state, last_sync_error, version
           FROM appointments WHERE id = $1`,
        [id],
      )
    )[0];
  const phaseRows = (id: string): Promise<Array<{ id: string; starts_at: Date; uid: string }>> =>
    w.db.dataSource.query(
      `SELECT id, starts_at, calcom_booking_uid AS uid FROM appointment_phases
        WHERE appointment_id = $1 ORDER BY sequence`,
      [id],
    );
  const busyOf = async (id: string): Promise<string[]> =>
    (
      await w.db.dataSource.query(
        `SELECT lower(during) AS s FROM busy_blocks WHERE appointment_id = $1 AND active ORDER BY 1`,
        [id],
      )
    ).map((r: { s: Date }) => r.s.toISOString());
  const outboxCount = async (id: string): Promise<number> =>
    (
      await w.db.dataSource.query(
        `SELECT count(*)::int AS n FROM sync_outbox WHERE appointment_id = $1`,
        [id],
      )
    )[0].n;
  const auditRows = (id: string): Promise<Array<{ action: string; details: never }>> =>
    w.db.dataSource.query(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
  const calendarBlocks = (): Promise<Array<{ uid: string; active: boolean; s: Date }>> =>
    w.db.dataSource.query(
      `SELECT external_uid AS uid, active, lower(during) AS s FROM busy_blocks
        WHERE kind = 'calendar' ORDER BY external_uid`,
    );
  /** Everything a repeated delivery must leave as it is. */
  const stateOf = async (id: string) => ({
    appointment: await appointmentRow(id),
    phases: await phaseRows(id),
    busy: await busyOf(id),
    outbox: await outboxCount(id),
    audit: await auditRows(id),
    ledger: await w.ledger.forAppointment(w.salon.companyId, id),
    blocks: await calendarBlocks(),
  });
  const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

  /** Another salon on the same service, signing with its own (valid) webhook secret. */
  let otherSalon: CalendarEventSigner;
  let otherCompany: string;

  beforeAll(async () => {
    w = await createWorld({ redis: false });
    const m = w.db.dataSource.manager;
    [{ id: otherCompany }] = await m.query(
      `INSERT INTO companies(name, slug) VALUES ('Salon Zwei', 'salon-zwei') RETURNING id`,
    );
    otherSalon = { kind: 'tenants', companyIds: [otherCompany] };
    events = new ApplyCalendarEventUseCase(
      new TypeOrmCalendarMappingRepository(m),
      w.ledger,
      new TypeOrmOutsideCalendarBlocks(m),
      new TypeOrmUnitOfWork(w.db.dataSource),
      portsFor(m).audit,
      { now: () => now },
      { invalidateSlots: async (scope) => void dropped.push(scope) },
      { kick: () => kicks++ }, // the tests relay themselves, so nothing runs behind their back
    );
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    w.fake.reset();
    dropped = [];
    await w.db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
       DELETE FROM calendar_sync_leases; DELETE FROM audit_log; DELETE FROM appointments`,
    );
  });

  it('a duplicate of our booking cancelled in Cal.com leaves the appointment; the phase’s own booking cancels it', async () => {
    const a = await book(w, w.cut, at('10:00'));
    await relayAndSettle(w);
    const [mine] = w.fake.live();
    // A second live booking with our ids (as a lost answer and a retry can leave), once
    // unknown to the ledger and once recorded there too.
    const unknown = w.fake.addWithMetadata(mine.eventTypeId, at('10:00'), 30, { ...mine.metadata });
    const recorded = w.fake.addWithMetadata(mine.eventTypeId, at('10:00'), 30, {
      ...mine.metadata,
    });
    await w.ledger.recordLive({
      companyId: w.salon.companyId,
      appointmentId: a.id,
      phaseId: mine.metadata.phase_id,
      credentialRef: w.credentialId,
      eventTypeId: recorded.eventTypeId,
      bookingId: recorded.id,
      bookingUid: recorded.uid,
      start: new Date(recorded.start),
      end: new Date(recorded.end),
    });

    // Reconciliation cancels the duplicates; Cal.com's webhooks may even outrun its answers.
    for (const duplicate of [unknown, recorded]) {
      w.fake.bookings.get(duplicate.uid)!.status = 'cancelled';
      expect(await apply(eventFor(webhook('BOOKING_CANCELLED', duplicate)))).toBe('ignored');
      expect((await appointmentRow(a.id)).status).toBe('scheduled');
    }
    expect(await busyOf(a.id)).toEqual([at('10:00').toISOString()]);

    // The salon cancels the booking the phase holds: that is the appointment's.
    w.fake.bookings.get(mine.uid)!.status = 'cancelled';
    expect(await apply(eventFor(webhook('BOOKING_CANCELLED', mine)))).toBe('appointment_cancelled');
    expect((await appointmentRow(a.id)).status).toBe('cancelled');
  });

  it('when the phase’s own booking is gone, cancelling the live stand-in cancels the appointment', async () => {
    const a = await book(w, w.cut, at('10:00'));
    await relayAndSettle(w);
    const [mine] = w.fake.live();
    // Reconciliation found `mine` vanished and kept a live duplicate instead; the phase row
    // still names `mine`.
    await w.ledger.mark(mine.uid, 'cancelled', 'vanished');
    w.fake.bookings.get(mine.uid)!.status = 'cancelled';
    const standIn = w.fake.addWithMetadata(mine.eventTypeId, at('10:00'), 30, {
      ...mine.metadata,
    });
    await w.ledger.recordLive({
      companyId: w.salon.companyId,
      appointmentId: a.id,
      phaseId: mine.metadata.phase_id,
      credentialRef: w.credentialId,
      eventTypeId: standIn.eventTypeId,
      bookingId: standIn.id,
      bookingUid: standIn.uid,
      start: new Date(standIn.start),
      end: new Date(standIn.end),
    });

    standIn.status = 'cancelled';
    expect(await apply(eventFor(webhook('BOOKING_CANCELLED', standIn)))).toBe(
      'appointment_cancelled',
    );
    expect((await appointmentRow(a.id)).status).toBe('cancelled');
  });

  it('one phase of a composite appointment cancelled in Cal.com: the appointment is cancelled, and so are its other bookings there', async () => {
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);
    expect(w.fake.live()).toHaveLength(3);
    const [, rinse, dry] = w.fake.live();

    w.fake.bookings.get(rinse.uid)!.status = 'cancelled';
    const kicksBefore = kicks;
    expect(await apply(eventFor(webhook('BOOKING_CANCELLED', rinse)))).toBe(
      'appointment_cancelled',
    );
    expect((await appointmentRow(a.id)).status).toBe('cancelled');
    expect(await outboxCount(a.id)).toBe(2); // the booking's create, and this cancel
    expect(kicks).toBe(kicksBefore + 1);

    // The salon goes on cancelling in Cal.com before the sync gets there: Cal.com refuses to
    // cancel that one again, which is no failure.
    w.fake.bookings.get(dry.uid)!.status = 'cancelled';
    await relayAndSettle(w);
    expect(w.fake.live()).toEqual([]);
    expect((await appointmentRow(a.id)).sync_state).toBe('synced');
    const ledger = await w.ledger.forAppointment(w.salon.companyId, a.id);
    expect(ledger.map((e) => e.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('our single-phase booking moved: the appointment, its busy block and the ledger follow; a replay changes nothing', async () => {
    const a = await book(w, w.cut, at('10:00'));
    await relayAndSettle(w);
    const [original] = w.fake.live();
    const moved = moveInCalcom(original.uid, at('12:00'));

    const kicked = kicks;
    expect(await apply(rescheduled(moved, original))).toBe('appointment_moved');
    expect(kicks).toBe(kicked + 1);

    const row = await appointmentRow(a.id);
    expect([row.starts_at, row.ends_at, row.status, row.staff_id]).toEqual([
      at('12:00'),
      at('12:30'),
      'scheduled',
      w.anna,
    ]);
    const [phase] = await phaseRows(a.id);
    expect(phase).toEqual({ id: a.phases[0].id, starts_at: at('12:00'), uid: moved.uid });
    expect(await busyOf(a.id)).toEqual([at('12:00').toISOString()]);
    expect(await w.ledger.findByUid(moved.uid)).toMatchObject({
      state: 'live',
      phaseId: a.phases[0].id,
      bookingId: moved.id,
      eventTypeId: CUT_EVENT_TYPE,
      start: at('12:00'),
    });
    expect(await w.ledger.findByUid(original.uid)).toMatchObject({ state: 'cancelled' });
    const entry = (await auditRows(a.id)).find(
      (e) => e.action === 'calendar_webhook.appointment_moved',
    );
    expect(entry?.details).toEqual({
      uid: moved.uid,
      previousUid: original.uid,
      phaseId: a.phases[0].id,
      from: at('10:00').toISOString(),
      to: at('12:00').toISOString(),
      offsetMinutes: 120,
    });
    expect(JSON.stringify(entry)).not.toMatch(/Kundin|\+49/);

    // Cal.com may deliver the same event again, and announce the old uid's end: both are no-ops.
    const before = await stateOf(a.id);
    expect(await apply(rescheduled(moved, original))).toBe('duplicate');
    expect(await apply(eventFor(webhook('BOOKING_CANCELLED', original)))).toBe('ignored');
    expect(await stateOf(a.id)).toEqual(before);

    // The sync finds the moved booking in the ledger: no new booking, nothing cancelled.
    await relayAndSettle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.live().map((b) => b.uid)).toEqual([moved.uid]);
    expect(w.fake.createsPerPhase()).toEqual(new Map([[`${a.id}/${a.phases[0].id}`, 1]]));
    expect(w.fake.requests.filter((r) => r.endsWith('/cancel'))).toEqual([]);
  });

  it('one phase of a composite appointment moved: the whole appointment shifts, Cal.com ends with one booking per phase', async () => {
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);
    const rinse = a.phases[2]; // Spülen und Fixieren, 10:10–10:30
    const firstUids = new Map(w.fake.live().map((b) => [b.metadata.phase_id, b.uid]));
    const original = w.fake.live().find((b) => b.metadata.phase_id === rinse.id)!;
    const moved = moveInCalcom(original.uid, at('11:40'));

    expect(await apply(rescheduled(moved, original))).toBe('appointment_moved');

    const phases = await phaseRows(a.id);
    expect(phases.map((p) => p.starts_at)).toEqual(a.phases.map((p) => plus(p.start, 90)));
    expect(phases[2].id).toBe(rinse.id); // its booking carries this id
    expect(phases.filter((p) => p.id !== rinse.id).map((p) => p.id)).not.toContain(a.phases[0].id);
    const row = await appointmentRow(a.id);
    expect([row.starts_at, row.ends_at, row.staff_id]).toEqual([at('10:30'), at('12:35'), w.anna]);
    expect(await busyOf(a.id)).toEqual(
      [at('10:30'), at('11:40'), at('12:10')].map((d) => d.toISOString()),
    );
    expect(await outboxCount(a.id)).toBe(2); // the create, and this move

    const before = await stateOf(a.id);
    expect(await apply(rescheduled(moved, original))).toBe('duplicate');
    expect(await stateOf(a.id)).toEqual(before);

    await relayAndSettle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    const current = await phaseRows(a.id);
    const bookable = [current[0], current[2], current[4]];
    const live = w.fake.live();
    expect(live.map((b) => b.uid).sort()).toEqual(bookable.map((p) => p.uid).sort());
    for (const phase of bookable) {
      expect(w.fake.bookings.get(phase.uid)!.start).toBe(phase.starts_at.toISOString());
    }
    // The two phases the move renewed followed it with Cal.com's reschedule (a booking whose
    // event type's own length is not the step's is created anew instead); none twice.
    onePerPhase(w);
    const movedUids = w.fake.rescheduleRequests.map((r) => r.uid);
    expect(movedUids).toContain(firstUids.get(a.phases[0].id));
    for (const uid of movedUids) {
      expect([a.phases[0].id, a.phases[4].id].map((id) => firstUids.get(id))).toContain(uid);
    }
    expect(w.fake.createsPerPhase().size).toBeLessThanOrEqual(4);
    expect(moved.status).toBe('accepted');

    // Reconciliation agrees: the moved booking still names a phase of the appointment.
    expect(
      await w.dispatcher.handle(
        { kind: 'reconcile', companyId: w.salon.companyId },
        { number: 1, final: true },
      ),
    ).toEqual({ kind: 'done' });
    expect(w.fake.live()).toHaveLength(3);
    expect(await audit(w, w.salon.companyId)).toContain('calendar_reconcile.done');
    const afterReconcile = await audit(w, a.id);
    expect(afterReconcile).not.toContain('calendar_reconcile.orphan_cancelled');
    expect(afterReconcile).not.toContain('calendar_reconcile.requeued');
  });

  it('a move our metadata did not survive is recognised by the ledger', async () => {
    const a = await book(w, w.cut, at('15:00'));
    await relayAndSettle(w);
    const [original] = w.fake.live();
    const moved = moveInCalcom(original.uid, at('15:30'));
    moved.metadata = {};

    expect(await apply(rescheduled(moved, original))).toBe('appointment_moved');
    expect((await appointmentRow(a.id)).starts_at).toEqual(at('15:30'));
    expect(await calendarBlocks()).toEqual([]);
  });

  it('onto a taken slot: manual review with the reason, the appointment stays; a replay changes nothing', async () => {
    const a = await book(w, w.cut, at('14:00'));
    const other = await book(w, w.cut, at('16:00'));
    await relayAndSettle(w);
    const original = w.fake.live().find((b) => b.metadata.appointment_id === a.id)!;
    const moved = moveInCalcom(original.uid, at('16:15'));

    expect(await apply(rescheduled(moved, original))).toBe('appointment_flagged');

    const row = await appointmentRow(a.id);
    expect([row.starts_at, row.status, row.sync_state]).toEqual([
      at('14:00'),
      'scheduled',
      'manual_review',
    ]);
    expect(row.last_sync_error).toContain(moved.uid);
    expect(row.last_sync_error).toContain('that time is taken here (appointment)');
    expect(await busyOf(a.id)).toEqual([at('14:00').toISOString()]);
    expect((await phaseRows(a.id))[0].id).toBe(a.phases[0].id);
    expect(await busyOf(other.id)).toEqual([at('16:00').toISOString()]);
    expect(await outboxCount(a.id)).toBe(1);
    const flagged = (await auditRows(a.id)).find(
      (e) => e.action === 'calendar_webhook.appointment_flagged',
    );
    expect(flagged?.details).toMatchObject({ uid: moved.uid, to: at('16:15').toISOString() });
    // The ledger still mirrors Cal.com, for whoever resolves it.
    expect(await w.ledger.findByUid(moved.uid)).toMatchObject({ state: 'live' });

    const before = await stateOf(a.id);
    expect(await apply(rescheduled(moved, original))).toBe('duplicate');
    expect(await stateOf(a.id)).toEqual(before);
  });

  it.each([
    ['the appointment is cancelled', 'cancelled', 'the appointment is cancelled'],
    ['the booking comes back longer', 'longer', 'now lasts 45 instead of 30 minutes'],
    ['the new time lies in the past', 'past', 'the new time lies in the past'],
  ])('refuses a move when %s', async (_, how, reason) => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [original] = w.fake.live();
    if (how === 'cancelled') {
      await change(w, a.id, (x) => must(x.cancel()), 'cancel'); // its sync not run yet
    }
    const moved = moveInCalcom(
      original.uid,
      how === 'past' ? new Date('2026-11-20T09:00:00Z') : at('12:00'),
    );
    if (how === 'longer') moved.end = plus(new Date(moved.start), 45).toISOString();

    expect(await apply(rescheduled(moved, original))).toBe('appointment_flagged');

    const row = await appointmentRow(a.id);
    expect(row.starts_at).toEqual(at('11:00'));
    expect(row.sync_state).toBe('manual_review');
    expect(row.last_sync_error).toContain(reason);
    expect(await audit(w, a.id)).toContain('calendar_webhook.appointment_flagged');
  });

  it('while a sync job holds the appointment the move is not followed but flagged', async () => {
    const a = await book(w, w.cut, at('13:00'));
    await relayAndSettle(w);
    const [original] = w.fake.live();
    const moved = moveInCalcom(original.uid, at('13:30'));
    expect(await w.ledger.tryLease(a.id, 'a-running-sync', 60_000)).toBe(true);
    try {
      expect(await apply(rescheduled(moved, original))).toBe('appointment_flagged');
    } finally {
      await w.ledger.releaseLease(a.id, 'a-running-sync');
    }
    const row = await appointmentRow(a.id);
    expect(row.starts_at).toEqual(at('13:00'));
    expect(row.last_sync_error).toContain('a calendar sync of this appointment was running');
  });

  it('an outside booking moved in Cal.com moves its busy block; onto our appointment it is flagged', async () => {
    const a = await book(w, w.cut, at('10:00'));
    await relayAndSettle(w);
    const outside = w.fake.addOutside(CUT_EVENT_TYPE, at('08:00'), 30);
    expect(await apply(eventFor(webhook('BOOKING_CREATED', outside)))).toBe('blocked');

    const later = moveInCalcom(outside.uid, at('08:30'));
    expect(await apply(rescheduled(later, outside))).toBe('moved');
    expect(await calendarBlocks()).toEqual([{ uid: later.uid, active: true, s: at('08:30') }]);
    const busy = await portsFor(w.db.dataSource.manager).appointments.busyIntervals(
      { companyId: w.salon.companyId },
      [w.anna],
      TimeRange.of(at('08:00'), at('09:00')),
      now,
    );
    expect(busy.get(w.anna)!.map((b) => [b.kind, b.range.start])).toEqual([
      ['calendar', at('08:30')],
    ]);
    const blocksBefore = await calendarBlocks();
    expect(await apply(rescheduled(later, outside))).toBe('duplicate');
    expect(await calendarBlocks()).toEqual(blocksBefore);

    const onOurs = moveInCalcom(later.uid, at('10:15'));
    expect(await apply(rescheduled(onOurs, later))).toBe('overlap_flagged');
    expect(await calendarBlocks()).toEqual([{ uid: onOurs.uid, active: false, s: at('10:15') }]);
    const row = await appointmentRow(a.id);
    expect([row.starts_at, row.sync_state]).toEqual([at('10:00'), 'manual_review']);
    expect(row.last_sync_error).toContain(onOurs.uid);
    const auditBefore = await auditRows(a.id);
    expect(await apply(rescheduled(onOurs, later))).toBe('duplicate');
    expect(await auditRows(a.id)).toEqual(auditBefore);
  });

  describe('signed by another tenant', () => {
    const annaHere = () => ({
      companyId: w.salon.companyId,
      branchId: w.salon.branch.id,
      staffId: w.anna,
    });
    /** Everything but the audit log, which notes refusals. */
    const untouched = async (id: string) => {
      const { audit: _, ...rest } = await stateOf(id);
      return rest;
    };

    it("a cancel or move of this salon's booking changes nothing; the salon's log notes the refusal without personal data", async () => {
      const a = await book(w, w.cut, at('10:00'));
      await relayAndSettle(w);
      const [original] = w.fake.live();
      const before = await untouched(a.id);
      const moved = moveInCalcom(original.uid, at('12:00'));
      const cancel = eventFor(webhook('BOOKING_CANCELLED', original));
      const move = rescheduled(moved, original);

      expect(await events.execute(cancel, otherSalon)).toBe('ignored');
      expect(await events.execute(move, otherSalon)).toBe('ignored');
      // The same through the metadata alone (the ledger does not name the booking).
      const { previousUid: _, ...metadataOnly } = move;
      expect(await events.execute(metadataOnly, otherSalon)).toBe('ignored');
      expect(await events.execute({ ...cancel, uid: 'not-in-ledger' }, otherSalon)).toBe('ignored');
      // The other salon naming itself in the metadata changes nothing either.
      const claimed = { ...cancel.metadata, company_id: otherCompany };
      expect(
        await events.execute({ ...cancel, uid: 'not-in-ledger', metadata: claimed }, otherSalon),
      ).toBe('ignored');

      expect(await untouched(a.id)).toEqual(before);
      expect(dropped).toEqual([]);
      const refused = (await auditRows(a.id)).filter(
        (e) => e.action === 'calendar_webhook.refused',
      );
      expect(refused).toHaveLength(2);
      expect(JSON.stringify(refused)).not.toMatch(/Kundin|\+49|@/);

      // The salon's own signature still moves it, and drops Anna's cached slot answers.
      expect(await apply(move)).toBe('appointment_moved');
      expect((await appointmentRow(a.id)).starts_at).toEqual(at('12:00'));
      expect(dropped).toEqual([annaHere()]);
    });

    it("this salon's own cancel still cancels, and drops the stylist's slot answers", async () => {
      const a = await book(w, w.cut, at('11:00'));
      await relayAndSettle(w);
      const [original] = w.fake.live();
      expect(await apply(eventFor(webhook('BOOKING_CANCELLED', original)))).toBe(
        'appointment_cancelled',
      );
      expect((await appointmentRow(a.id)).status).toBe('cancelled');
      expect(dropped).toEqual([annaHere()]);
    });

    it("an outside booking through this salon's event type is ignored", async () => {
      const outside = w.fake.addOutside(CUT_EVENT_TYPE, at('08:00'), 30);
      const created = eventFor(webhook('BOOKING_CREATED', outside));
      expect(await events.execute(created, otherSalon)).toBe('ignored');
      expect(await calendarBlocks()).toEqual([]);

      expect(await apply(created)).toBe('blocked');
      const later = moveInCalcom(outside.uid, at('08:30'));
      expect(await events.execute(rescheduled(later, outside), otherSalon)).toBe('ignored');
      expect(
        await events.execute(eventFor(webhook('BOOKING_CANCELLED', outside)), otherSalon),
      ).toBe('ignored');
      expect(await calendarBlocks()).toEqual([{ uid: outside.uid, active: true, s: at('08:00') }]);
      expect(dropped).toEqual([annaHere()]); // once, for the salon's own event

      expect(await apply(rescheduled(later, outside))).toBe('moved');
      expect(await calendarBlocks()).toEqual([{ uid: later.uid, active: true, s: at('08:30') }]);
      expect(dropped).toHaveLength(2);
    });
  });
});
