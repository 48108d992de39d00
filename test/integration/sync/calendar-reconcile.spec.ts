import { randomUUID } from 'node:crypto';
import {
  at,
  audit,
  book,
  change,
  createWorld,
  CUT_EVENT_TYPE,
  relayAndSettle,
  settle,
  syncRow,
  type World,
} from './sync-harness';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/** One reconciliation run for the world's salon, as its repeatable job runs it. */
const reconcileOf = (w: World) =>
  w.dispatcher.handle(
    { kind: 'reconcile', companyId: w.salon.companyId },
    { number: 1, final: true },
  );

/** The metadata our bookings carry. */
const oursIn = (w: World, appointmentId: string, phaseId: string) => ({
  appointment_id: appointmentId,
  phase_id: phaseId,
  company_id: w.salon.companyId,
});

/**
 * Reconciliation starts from what Cal.com lists for the tenant's mapped event types (fake Cal.com
 * over HTTP, real Postgres, BullMQ on real Redis for the re-queued syncs).
 */
describe('calendar reconciliation against Cal.com', () => {
  let w: World;

  const reconcile = () => reconcileOf(w);
  const ours = (appointmentId: string, phaseId: string) => oursIn(w, appointmentId, phaseId);

  const status = (uid: string) => w.fake.bookings.get(uid)!.status;

  const companyAudit = async (): Promise<Array<{ action: string; details: never }>> =>
    w.db.dataSource.query(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [w.salon.companyId],
    );

  beforeAll(async () => {
    w = await createWorld({ redis: true });
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    w.fake.reset();
    await w.db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
       DELETE FROM calendar_sync_leases; DELETE FROM audit_log; DELETE FROM appointments`,
    );
  });

  it('cancels orphans the ledger never heard of: appointment gone, phase gone', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [mine] = w.fake.live();
    const goneId = randomUUID();
    const gone = w.fake.addWithMetadata(
      CUT_EVENT_TYPE,
      at('15:00'),
      30,
      ours(goneId, randomUUID()),
    );
    const oldPhase = w.fake.addWithMetadata(
      CUT_EVENT_TYPE,
      at('16:00'),
      30,
      ours(a.id, randomUUID()),
    );

    expect(await reconcile()).toEqual({ kind: 'done' });

    expect(status(gone.uid)).toBe('cancelled');
    expect(status(oldPhase.uid)).toBe('cancelled');
    expect(status(mine.uid)).toBe('accepted'); // our own live booking stays
    expect(await audit(w, goneId)).toEqual(['calendar_reconcile.orphan_cancelled']);
    expect(await audit(w, a.id)).toContain('calendar_reconcile.orphan_cancelled');
    const [entry] = await w.ledger.forAppointment(w.salon.companyId, goneId);
    expect(entry).toMatchObject({ bookingUid: gone.uid, state: 'cancelled' });
    expect((await syncRow(w, a.id)).state).toBe('synced');
  });

  it('cancels the live booking of an appointment cancelled here whose sync is done', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [booking] = w.fake.live();
    // Cancelled without a sync job (e.g. an old system, or a cancel that never reached Cal.com).
    await w.db.dataSource.query(`UPDATE appointments SET status = 'cancelled' WHERE id = $1`, [
      a.id,
    ]);

    await reconcile();

    expect(status(booking.uid)).toBe('cancelled');
    expect(await audit(w, a.id)).toContain('calendar_reconcile.orphan_cancelled');
  });

  it('leaves the bookings of an appointment whose sync is still pending to that sync', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [booking] = w.fake.live();
    await change(w, a.id, (x) => must(x.cancel()), 'cancel');

    await reconcile();
    expect(status(booking.uid)).toBe('accepted');
    expect(await audit(w, a.id)).not.toContain('calendar_reconcile.orphan_cancelled');

    await relayAndSettle(w);
    expect(status(booking.uid)).toBe('cancelled');
  });

  it('re-queues a synced appointment whose booking vanished from Cal.com', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [vanished] = w.fake.live();
    w.fake.bookings.delete(vanished.uid);

    expect(await reconcile()).toEqual({ kind: 'done' });
    expect(await audit(w, a.id)).toContain('calendar_reconcile.requeued');
    const [entry] = await w.ledger.forAppointment(w.salon.companyId, a.id);
    expect(entry).toMatchObject({ bookingUid: vanished.uid, state: 'cancelled' });

    await w.relay.relay();
    await settle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    const live = w.fake.live();
    expect(live).toHaveLength(1);
    expect(live[0].metadata).toEqual(ours(a.id, vanished.metadata.phase_id));
    expect(live[0].uid).not.toBe(vanished.uid);
  });

  it('a booking cancelled in Cal.com counts as vanished too', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [booking] = w.fake.live();
    w.fake.bookings.get(booking.uid)!.status = 'cancelled';

    await reconcile();
    expect(await audit(w, a.id)).toContain('calendar_reconcile.requeued');
    await relayAndSettle(w);
    expect(w.fake.live()).toHaveLength(1);
  });

  it('leaves live bookings of ours and bookings without our metadata alone', async () => {
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);
    const mine = w.fake.live().map((b) => b.uid);
    expect(mine).toHaveLength(3);
    const walkIn = w.fake.addOutside(CUT_EVENT_TYPE, at('15:00'), 30);
    const partial = w.fake.addWithMetadata(CUT_EVENT_TYPE, at('16:00'), 30, {
      appointment_id: randomUUID(),
    });
    const otherTenant = w.fake.addWithMetadata(CUT_EVENT_TYPE, at('17:00'), 30, {
      ...ours(randomUUID(), randomUUID()),
      company_id: randomUUID(),
    });
    const creates = w.fake.createBodies.length;

    expect(await reconcile()).toEqual({ kind: 'done' });

    for (const uid of [...mine, walkIn.uid, partial.uid, otherTenant.uid]) {
      expect(status(uid)).toBe('accepted');
    }
    expect(w.fake.createBodies).toHaveLength(creates);
    expect(await audit(w, a.id)).not.toEqual(
      expect.arrayContaining(['calendar_reconcile.orphan_cancelled']),
    );
    expect(await audit(w, a.id)).not.toEqual(
      expect.arrayContaining(['calendar_reconcile.requeued']),
    );
    const [done] = (await companyAudit()).filter((r) => r.action === 'calendar_reconcile.done');
    expect(done.details).toMatchObject({
      listed: 6,
      ours: 3,
      orphans: 0,
      duplicates: 0,
      requeued: 0,
      complete: true,
    });
  });

  it('retries later when Cal.com cannot list, acting on nothing', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [booking] = w.fake.live();
    await w.db.dataSource.query(`DELETE FROM appointments WHERE id = $1`, [a.id]);
    const breaker = (
      w.gateway as unknown as {
        breakers: { breakerFor(ref: string): { open(): void; close(): void } };
      }
    ).breakers.breakerFor(w.credentialId);
    breaker.open();
    try {
      expect((await reconcile()).kind).toBe('retry');
    } finally {
      breaker.close();
    }
    expect(status(booking.uid)).toBe('accepted');
    expect(await reconcile()).toEqual({ kind: 'done' });
    expect(status(booking.uid)).toBe('cancelled');
  });
  describe('duplicates: several live bookings of one phase', () => {
    const duplicateAudit = async (appointmentId: string) =>
      (
        (await w.db.dataSource.query(
          `SELECT details FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id`,
          [appointmentId, 'calendar_reconcile.duplicate_cancelled'],
        )) as Array<{ details: { uid: string; keptUid: string; keptBecause: string } }>
      ).map((r) => r.details);

    it('keeps the booking the appointment holds and cancels the others, each audited', async () => {
      const a = await book(w, w.cut, at('11:00'));
      await relayAndSettle(w);
      const [mine] = w.fake.live();
      const phaseId = mine.metadata.phase_id;
      // Created "before" ours and at the same time: still not the one the appointment holds.
      const twin = w.fake.addWithMetadata(
        CUT_EVENT_TYPE,
        at('11:00'),
        30,
        ours(a.id, phaseId),
        new Date('2026-01-01T00:00:00Z'),
      );
      const elsewhere = w.fake.addWithMetadata(
        CUT_EVENT_TYPE,
        at('12:00'),
        30,
        ours(a.id, phaseId),
      );
      const creates = w.fake.createBodies.length;

      expect(await reconcile()).toEqual({ kind: 'done' });

      expect(status(mine.uid)).toBe('accepted');
      expect(status(twin.uid)).toBe('cancelled');
      expect(status(elsewhere.uid)).toBe('cancelled');
      expect(w.fake.livePerPhase().get(`${a.id}/${phaseId}`)).toBe(1);
      expect(w.fake.createBodies).toHaveLength(creates);
      expect(await duplicateAudit(a.id)).toEqual([
        expect.objectContaining({
          uid: twin.uid,
          keptUid: mine.uid,
          keptBecause: 'recorded_on_phase',
        }),
        expect.objectContaining({ uid: elsewhere.uid, keptUid: mine.uid }),
      ]);
      const ledger = await w.ledger.forAppointment(w.salon.companyId, a.id);
      expect(Object.fromEntries(ledger.map((e) => [e.bookingUid, e.state]))).toEqual({
        [mine.uid]: 'live',
        [twin.uid]: 'cancelled',
        [elsewhere.uid]: 'cancelled',
      });
      expect((await syncRow(w, a.id)).state).toBe('synced');
      const [done] = (await companyAudit()).filter((r) => r.action === 'calendar_reconcile.done');
      expect(done.details).toMatchObject({ duplicates: 2, orphans: 0, requeued: 0 });

      // A second run finds nothing left to do.
      expect(await reconcile()).toEqual({ kind: 'done' });
      expect(await duplicateAudit(a.id)).toHaveLength(2);
      expect(status(mine.uid)).toBe('accepted');
    });

    it('when the ledger names none of them: keeps the one at the phase time created first', async () => {
      const a = await book(w, w.cut, at('11:00'));
      await relayAndSettle(w);
      const [mine] = w.fake.live();
      const phaseId = mine.metadata.phase_id;
      w.fake.bookings.delete(mine.uid); // the booking the appointment holds is gone
      const created = (day: string) => new Date(`2026-11-${day}T08:00:00Z`);
      const earliestElsewhere = w.fake.addWithMetadata(
        CUT_EVENT_TYPE,
        at('12:00'),
        30,
        ours(a.id, phaseId),
        created('01'),
      );
      const laterAtTime = w.fake.addWithMetadata(
        CUT_EVENT_TYPE,
        at('11:00'),
        30,
        ours(a.id, phaseId),
        created('20'),
      );
      const firstAtTime = w.fake.addWithMetadata(
        CUT_EVENT_TYPE,
        at('11:00'),
        30,
        ours(a.id, phaseId),
        created('10'),
      );
      const creates = w.fake.createBodies.length;

      expect(await reconcile()).toEqual({ kind: 'done' });

      expect(status(firstAtTime.uid)).toBe('accepted');
      expect(status(laterAtTime.uid)).toBe('cancelled');
      expect(status(earliestElsewhere.uid)).toBe('cancelled');
      expect(await duplicateAudit(a.id)).toEqual([
        expect.objectContaining({ keptUid: firstAtTime.uid, keptBecause: 'at_phase_time' }),
        expect.objectContaining({ keptUid: firstAtTime.uid, keptBecause: 'at_phase_time' }),
      ]);
      // The ledger learns the booking that stays and forgets the vanished one; nothing re-queued.
      const ledger = await w.ledger.forAppointment(w.salon.companyId, a.id);
      expect(ledger.find((e) => e.bookingUid === firstAtTime.uid)?.state).toBe('live');
      expect(ledger.find((e) => e.bookingUid === mine.uid)?.state).toBe('cancelled');
      expect(await audit(w, a.id)).not.toContain('calendar_reconcile.requeued');
      expect(w.fake.createBodies).toHaveLength(creates);
    });

    it('prefers the one the ledger records over one at the phase time', async () => {
      const a = await book(w, w.cut, at('11:00'));
      await relayAndSettle(w);
      const [mine] = w.fake.live();
      const phaseId = mine.metadata.phase_id;
      w.fake.bookings.delete(mine.uid);
      const atTime = w.fake.addWithMetadata(CUT_EVENT_TYPE, at('11:00'), 30, ours(a.id, phaseId));
      const recorded = w.fake.addWithMetadata(CUT_EVENT_TYPE, at('11:30'), 30, ours(a.id, phaseId));
      await w.ledger.recordLive({
        companyId: w.salon.companyId,
        appointmentId: a.id,
        phaseId,
        credentialRef: w.credentialId,
        eventTypeId: CUT_EVENT_TYPE,
        bookingId: recorded.id,
        bookingUid: recorded.uid,
        start: new Date(recorded.start),
        end: new Date(recorded.end),
      });

      await reconcile();

      expect(status(recorded.uid)).toBe('accepted');
      expect(status(atTime.uid)).toBe('cancelled');
      expect(await duplicateAudit(a.id)).toEqual([
        expect.objectContaining({
          uid: atTime.uid,
          keptUid: recorded.uid,
          keptBecause: 'in_ledger',
        }),
      ]);
    });

    it('leaves duplicates of an appointment whose sync is pending to that sync', async () => {
      const a = await book(w, w.cut, at('11:00'));
      await relayAndSettle(w);
      const [mine] = w.fake.live();
      const twin = w.fake.addWithMetadata(
        CUT_EVENT_TYPE,
        at('11:00'),
        30,
        ours(a.id, mine.metadata.phase_id),
      );
      await w.db.dataSource.query(`UPDATE appointments SET sync_state = 'pending' WHERE id = $1`, [
        a.id,
      ]);

      await reconcile();
      expect(status(mine.uid)).toBe('accepted');
      expect(status(twin.uid)).toBe('accepted');
      expect(await duplicateAudit(a.id)).toEqual([]);
    });
  });
});

/**
 * A tenant with more bookings than one listing reads (here 2 pages of 2 against the fake): the
 * run says it saw part of the window, acts on what a listed booking proves by itself, and does
 * not take a booking's absence from the unread part for "vanished".
 */
describe('calendar reconciliation of a window longer than the listing limit', () => {
  let w: World;

  const reconcile = () => reconcileOf(w);
  const ours = (appointmentId: string, phaseId: string) => oursIn(w, appointmentId, phaseId);

  /** Moves a booking to the end of the fake's list, past the pages a listing reads. */
  const toUnreadPart = (uid: string) => {
    const booking = w.fake.bookings.get(uid)!;
    w.fake.bookings.delete(uid);
    w.fake.bookings.set(uid, booking);
  };

  const companyAudit = async (): Promise<Array<{ action: string; details: never }>> =>
    w.db.dataSource.query(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [w.salon.companyId],
    );

  beforeAll(async () => {
    w = await createWorld({ redis: true, listing: { listPageSize: 2, listMaxPages: 2 } });
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    w.fake.reset();
    await w.db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
       DELETE FROM calendar_sync_leases; DELETE FROM audit_log; DELETE FROM appointments`,
    );
  });

  it('reports the window incomplete, cancels a listed orphan, re-queues nothing on an absence', async () => {
    const kept = await book(w, w.cut, at('11:00'));
    const vanished = await book(w, w.cut, at('13:00'));
    await relayAndSettle(w);
    const [keptBooking, vanishedBooking] = w.fake.live();
    w.fake.bookings.delete(vanishedBooking.uid);
    const orphan = w.fake.addWithMetadata(
      CUT_EVENT_TYPE,
      at('15:00'),
      30,
      ours(randomUUID(), randomUUID()),
    );
    for (const hhmm of ['16:00', '16:30', '17:00']) {
      w.fake.addOutside(CUT_EVENT_TYPE, at(hhmm), 30);
    }
    expect(w.fake.bookings.size).toBe(5); // one more than two pages of two
    w.fake.requests.length = 0;

    expect(await reconcile()).toEqual({ kind: 'done' });

    expect(w.fake.requests.filter((r) => r === 'GET /v2/bookings')).toHaveLength(2);
    expect(w.fake.bookings.get(orphan.uid)!.status).toBe('cancelled');
    expect(w.fake.bookings.get(keptBooking.uid)!.status).toBe('accepted');
    // The vanished booking may only lie on the unread page: no look-up, no re-queue.
    expect(w.fake.requests).not.toContain(`GET /v2/bookings/${vanishedBooking.uid}`);
    expect(await audit(w, vanished.id)).not.toContain('calendar_reconcile.requeued');
    expect((await syncRow(w, vanished.id)).state).toBe('synced');
    expect((await syncRow(w, kept.id)).state).toBe('synced');

    const rows = await companyAudit();
    const incomplete = rows.find((r) => r.action === 'calendar_reconcile.incomplete');
    expect(incomplete?.details).toEqual({ accounts: [w.credentialId], listed: 4 });
    const done = rows.find((r) => r.action === 'calendar_reconcile.done');
    expect(done?.details).toMatchObject({
      listed: 4,
      orphans: 1,
      requeued: 0,
      complete: false,
      uncheckedLedgerEntries: 1,
    });
  });

  it('a duplicate whose recorded twin lies on the unread part: the twin is asked for and kept', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    const [mine] = w.fake.live();
    const twin = w.fake.addWithMetadata(
      CUT_EVENT_TYPE,
      at('11:00'),
      30,
      ours(a.id, mine.metadata.phase_id),
      new Date('2026-01-01T00:00:00Z'), // the earliest: a picker blind to the ledger keeps it
    );
    for (const hhmm of ['16:00', '16:30', '17:00']) {
      w.fake.addOutside(CUT_EVENT_TYPE, at(hhmm), 30);
    }
    toUnreadPart(mine.uid);

    expect(await reconcile()).toEqual({ kind: 'done' });

    expect(w.fake.requests).toContain(`GET /v2/bookings/${mine.uid}`);
    expect(w.fake.bookings.get(mine.uid)!.status).toBe('accepted');
    expect(w.fake.bookings.get(twin.uid)!.status).toBe('cancelled');
    expect(w.fake.livePerPhase().get(`${a.id}/${mine.metadata.phase_id}`)).toBe(1);
    expect(await audit(w, a.id)).toContain('calendar_reconcile.duplicate_cancelled');
  });
});
