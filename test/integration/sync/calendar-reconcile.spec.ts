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

/**
 * Reconciliation starts from what Cal.com lists for the tenant's mapped event types (fake Cal.com
 * over HTTP, real Postgres, BullMQ on real Redis for the re-queued syncs).
 */
describe('calendar reconciliation against Cal.com', () => {
  let w: World;

  const reconcile = () =>
    w.dispatcher.handle(
      { kind: 'reconcile', companyId: w.salon.companyId },
      { number: 1, final: true },
    );

  const ours = (appointmentId: string, phaseId: string) => ({
    appointment_id: appointmentId,
    phase_id: phaseId,
    company_id: w.salon.companyId,
  });

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
    expect(done.details).toMatchObject({ listed: 6, ours: 3, orphans: 0, requeued: 0 });
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
});
