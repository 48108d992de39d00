import { randomUUID } from 'node:crypto';
import { BranchContext } from '../../../src/application/ports/salon-catalog.port';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Hold } from '../../../src/domain/appointment/hold';
import { Customer } from '../../../src/domain/salon/customer';
import { Service } from '../../../src/domain/salon/service';
import { TimeRange } from '../../../src/domain/shared/time-range';
import { importDemoSalon } from '../../support/demo-salon';
import { liveHolds } from '../../support/live-holds';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** Friday 2026-12-04 in Berlin (UTC+1): 09:00 local is 08:00Z. */
const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+01:00`);
const NOW = new Date('2026-11-26T14:00:00Z');

describe('persistence adapters (real Postgres)', () => {
  let db: TestDatabase;
  let salon: BranchContext;
  let uow: TypeOrmUnitOfWork;
  let customerId: string;
  let anna: string;
  let perm: Service;
  let cut: Service;
  const scope = () => ({ companyId: salon.companyId });
  const repos = () => portsFor(db.dataSource.manager);

  beforeAll(async () => {
    db = await createTestDatabase();
    salon = await importDemoSalon(db.dataSource);
    uow = new TypeOrmUnitOfWork(db.dataSource);
    anna = salon.staff.find((s) => s.name === 'Anna')!.id;
    perm = salon.services.find((s) => s.name === 'Dauerwelle')!;
    cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
    const customer = Customer.restore({
      id: randomUUID(),
      name: 'Kundin Eins',
      phone: '+4915112345678',
      recognitionConsent: true,
    });
    await repos().customers.add(scope(), customer);
    customerId = customer.id;
  });
  afterAll(() => db.drop());
  beforeEach(() =>
    db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM sync_outbox; DELETE FROM appointments`,
    ),
  );

  const book = (
    service: Service,
    start: Date,
    extra: Partial<{ callId: string; key: string }> = {},
  ) =>
    Appointment.create({
      service,
      staffId: anna,
      customerId,
      start,
      source: 'voice',
      branchId: salon.branch.id,
      callId: extra.callId,
      idempotencyKey: extra.key,
    });

  it('loads the branch context as domain objects', () => {
    expect(salon.branch.timeZone).toBe('Europe/Berlin');
    expect(salon.staff.map((s) => s.name)).toEqual(['Anna', 'Lena', 'Mehmet']);
    expect(perm.isComposite).toBe(true);
    expect(perm.segments.map((s) => s.minutes)).toEqual([30, 40, 20, 10, 25]);
    expect(salon.staff.find((s) => s.name === 'Anna')!.offers(perm.id)).toBe(true);
  });

  it('stores an appointment with its phases and reads it back equal', async () => {
    const a = book(perm, at('09:00'), { key: 'k-1' });
    expect((await repos().appointments.add(scope(), a, NOW)).ok).toBe(true);
    const back = await repos().appointments.findById(scope(), a.id);
    expect(back?.toSnapshot()).toEqual(a.toSnapshot());
    expect((await repos().appointments.findByIdempotencyKey(scope(), 'k-1'))?.id).toBe(a.id);
    expect(await repos().appointments.findById({ companyId: randomUUID() }, a.id)).toBeNull();
  });

  it('answers SlotTaken (a value) when the database refuses an overlap', async () => {
    await repos().appointments.add(scope(), book(cut, at('10:00')), NOW);
    const clash = await repos().appointments.add(scope(), book(perm, at('09:45')), NOW);
    expect(clash.ok).toBe(false);
    if (!clash.ok) {
      expect(clash.error.code).toBe('AVAILABILITY.SLOT_TAKEN');
      expect(clash.error.conflictKind).toBe('appointment');
    }
  });

  it('lets exactly one of two concurrent transactions book overlapping time', async () => {
    const attempt = (start: Date) =>
      uow.run(async (tx) => {
        const r = await tx.appointments.add(scope(), book(cut, start), NOW);
        // Both transactions stay open together before either commits.
        await db.dataSource.query('SELECT pg_sleep(0.1)');
        return r;
      });
    const results = await Promise.all([attempt(at('11:00')), attempt(at('11:15'))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
  });

  it('fits a cut into a perm’s processing gap and refuses one across a busy phase', async () => {
    expect((await repos().appointments.add(scope(), book(perm, at('09:00')), NOW)).ok).toBe(true);
    expect((await repos().appointments.add(scope(), book(cut, at('09:35')), NOW)).ok).toBe(true);
    expect((await repos().appointments.add(scope(), book(cut, at('10:00')), NOW)).ok).toBe(false);
  });

  it('frees the time when an appointment is cancelled', async () => {
    const a = book(cut, at('14:00'));
    await repos().appointments.add(scope(), a, NOW);
    const cancelled = a.cancel();
    if (!cancelled.ok) throw new Error('cancel refused');
    expect((await repos().appointments.save(scope(), cancelled.value, NOW)).ok).toBe(true);
    expect((await repos().appointments.add(scope(), book(cut, at('14:00')), NOW)).ok).toBe(true);
    expect((await repos().appointments.findById(scope(), a.id))?.status).toBe('cancelled');
  });

  it('moves an appointment atomically, and leaves it in place when the new time is taken', async () => {
    const a = book(cut, at('15:00'));
    await repos().appointments.add(scope(), a, NOW);
    await repos().appointments.add(scope(), book(cut, at('16:00')), NOW);

    const blocked = a.reschedule(at('16:15'), cut);
    if (!blocked.ok) throw new Error('reschedule refused');
    const refused = await uow.run((tx) => tx.appointments.save(scope(), blocked.value, NOW));
    expect(refused.ok).toBe(false);
    expect((await repos().appointments.findById(scope(), a.id))?.start).toEqual(at('15:00'));

    const moved = a.reschedule(at('17:00'), cut);
    if (!moved.ok) throw new Error('reschedule refused');
    expect((await uow.run((tx) => tx.appointments.save(scope(), moved.value, NOW))).ok).toBe(true);
    expect((await repos().appointments.findById(scope(), a.id))?.start).toEqual(at('17:00'));
    // The old time is free again.
    expect((await repos().appointments.add(scope(), book(cut, at('15:00')), NOW)).ok).toBe(true);
  });

  it('treats another call’s live hold as taken, its own hold as free, and an expired hold as gone', async () => {
    const hold = Hold.place({
      callId: 'call_a',
      staffId: anna,
      service: perm,
      start: at('09:00'),
      now: NOW,
    });
    expect((await repos().holds.place(scope(), hold, NOW)).ok).toBe(true);

    const day = TimeRange.of(at('08:00'), at('20:00'));
    const seenByOther = await repos().appointments.busyIntervals(scope(), [anna], day, NOW, {
      askingCallId: 'call_b',
    });
    expect(seenByOther.get(anna)!.map((b) => b.kind)).toEqual(['hold', 'hold', 'hold']);
    const seenByOwner = await repos().appointments.busyIntervals(scope(), [anna], day, NOW, {
      askingCallId: 'call_a',
    });
    expect(seenByOwner.get(anna)).toEqual([]);

    const other = Hold.place({
      callId: 'call_b',
      staffId: anna,
      service: cut,
      start: at('09:15'),
      now: NOW,
    });
    const refused = await repos().holds.place(scope(), other, NOW);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.conflictKind).toBe('hold');
    // Refused whole: neither the hold nor any of its blocks is left behind.
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM holds WHERE call_id = 'call_b'`,
    );
    expect(n).toBe(0);

    // Booking by the owner: release its hold, then the appointment fits.
    const booked = await uow.run(async (tx) => {
      await tx.holds.releaseForCall(scope(), 'call_a', NOW);
      return tx.appointments.add(scope(), book(perm, at('09:00'), { callId: 'call_a' }), NOW);
    });
    expect(booked.ok).toBe(true);

    const late = new Date(NOW.getTime() + 4 * 60_000);
    const stale = Hold.place({
      callId: 'call_c',
      staffId: anna,
      service: cut,
      start: at('13:00'),
      now: NOW,
    });
    await repos().holds.place(scope(), stale, NOW);
    expect(await liveHolds(db.dataSource, scope(), 'call_c', NOW)).toHaveLength(1);
    expect(await liveHolds(db.dataSource, scope(), 'call_c', late)).toHaveLength(0);
    expect((await repos().appointments.add(scope(), book(cut, at('13:00')), late)).ok).toBe(true);
  });

  it('moves a call’s hold when it checks another slot', async () => {
    await repos().holds.place(
      scope(),
      Hold.place({ callId: 'call_m', staffId: anna, service: cut, start: at('10:00'), now: NOW }),
      NOW,
    );
    await repos().holds.place(
      scope(),
      Hold.place({ callId: 'call_m', staffId: anna, service: cut, start: at('11:00'), now: NOW }),
      NOW,
    );
    const live = await liveHolds(db.dataSource, scope(), 'call_m', NOW);
    expect(live.map((h) => h.start)).toEqual([at('11:00')]);
    expect((await repos().appointments.add(scope(), book(cut, at('10:00')), NOW)).ok).toBe(true);
  });

  it('writes the outbox entry in the booking transaction: a rollback leaves neither', async () => {
    const a = book(cut, at('12:00'));
    await expect(
      uow.run(async (tx) => {
        await tx.appointments.add(scope(), a, NOW);
        await tx.outbox.record(scope(), a.id, 'create');
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await repos().appointments.findById(scope(), a.id)).toBeNull();
    expect(await repos().outbox.pending(10)).toEqual([]);

    await uow.run(async (tx) => {
      await tx.appointments.add(scope(), a, NOW);
      await tx.outbox.record(scope(), a.id, 'create');
    });
    const [entry] = await repos().outbox.pending(10);
    expect(entry).toMatchObject({ appointmentId: a.id, action: 'create', appointmentVersion: 1 });
    await repos().outbox.markEnqueued([entry.id], NOW);
    expect(await repos().outbox.pending(10)).toEqual([]);
  });

  it('finds customers by phone within the company only, and their upcoming appointments', async () => {
    expect(
      (await repos().customers.findByPhone(scope(), '+4915112345678')).map((c) => c.id),
    ).toEqual([customerId]);
    expect(
      await repos().customers.findByPhone({ companyId: randomUUID() }, '+4915112345678'),
    ).toEqual([]);
    const a = book(cut, at('17:30'));
    await repos().appointments.add(scope(), a, NOW);
    const upcoming = await repos().appointments.upcomingForCustomers(scope(), [customerId], NOW);
    expect(upcoming.map((x) => x.id)).toEqual([a.id]);
    expect(
      await repos().appointments.upcomingForCustomers(scope(), [customerId], at('18:30')),
    ).toEqual([]);
  });

  // CREATE OR REPLACE FUNCTION drops a SET clause, so a later migration that rewrites one of
  // these would quietly bring back planning on every call.
  it('runs the live-call path’s functions with plans kept per connection', async () => {
    const rows: Array<{ proname: string; proconfig: string[] | null }> = await db.dataSource.query(
      `SELECT proname, proconfig FROM pg_proc
        WHERE pronamespace = 'public'::regnamespace AND proname = ANY($1) ORDER BY proname`,
      [
        [
          'book_by_phone',
          'busy_text',
          'insert_appointment',
          'lock_busy_time',
          'lock_busy_times',
          'phone_booking_facts',
          'place_hold',
        ],
      ],
    );
    expect(rows.map((r) => r.proname)).toHaveLength(7);
    for (const r of rows) {
      expect({ fn: r.proname, config: r.proconfig }).toEqual({
        fn: r.proname,
        config: ['plan_cache_mode=force_generic_plan'],
      });
    }
  });
});
