import { randomUUID } from 'node:crypto';
import { TypeOrmPhoneBookingWriter } from '../../../src/adapters/outbound/persistence/repositories/typeorm-phone-booking.writer';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { portsFor } from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { BranchContext } from '../../../src/application/ports/salon-catalog.port';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Hold } from '../../../src/domain/appointment/hold';
import { Customer } from '../../../src/domain/salon/customer';
import { Service } from '../../../src/domain/salon/service';
import { planVisit } from '../../../src/domain/salon/visit';
import { ServiceStylist } from '../../../src/domain/salon/visit-assignment';
import { SharedVisits1796639016801 } from '../../../migrations/1796639016801-shared-visits';
import { importDemoSalon } from '../../support/demo-salon';
import { liveHolds } from '../../support/live-holds';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** Friday 2026-12-04 in Berlin (UTC+1); every stylist of the demo salon works then. */
const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+01:00`);
const NOW = new Date('2026-11-26T14:00:00Z');

/**
 * A visit shared by two stylists on real Postgres: one appointment row, each phase under its
 * stylist, busy blocks under the stylist they block, so the no-overlap constraint guards both;
 * holds that block both and remember who does what; a move that re-plans the sharing.
 */
describe('a visit shared by stylists (real Postgres)', () => {
  let db: TestDatabase;
  let salon: BranchContext;
  let mehmet: string;
  let lena: string;
  let cut: Service;
  let visit: Service;
  let sharing: ServiceStylist[];
  const scope = () => ({ companyId: salon.companyId });
  const repos = () => portsFor(db.dataSource.manager);
  /** [stylist, start, end] of the appointment's active blocks, by start. */
  const blocksOf = async (where: string, id: string): Promise<Array<[string, number, number]>> =>
    (
      await db.dataSource.query(
        `SELECT staff_id, lower(during) s, upper(during) e FROM busy_blocks
          WHERE ${where} = $1 AND active ORDER BY lower(during)`,
        [id],
      )
    ).map((r: { staff_id: string; s: Date; e: Date }) => [
      r.staff_id,
      r.s.getTime(),
      r.e.getTime(),
    ]);

  beforeAll(async () => {
    db = await createTestDatabase();
    salon = await importDemoSalon(db.dataSource);
    mehmet = salon.staff.find((s) => s.name === 'Mehmet')!.id;
    lena = salon.staff.find((s) => s.name === 'Lena')!.id;
    cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
    const colour = salon.services.find((s) => s.name === 'Färben')!;
    const planned = planVisit([cut, colour]);
    if (!planned.ok) throw new Error(planned.error.detail);
    visit = planned.value;
    sharing = [
      { serviceId: cut.id, staffId: mehmet },
      { serviceId: colour.id, staffId: lena },
    ];
  });
  afterAll(() => db.drop());
  beforeEach(() =>
    db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM sync_outbox; DELETE FROM audit_log;
       DELETE FROM appointments; DELETE FROM customers`,
    ),
  );

  const customer = async (): Promise<string> => {
    const [{ id }] = await db.dataSource.query(
      `INSERT INTO customers(company_id, name) VALUES ($1, 'Kundin') RETURNING id`,
      [salon.companyId],
    );
    return id;
  };
  const shared = async (start: Date, assignment = sharing) =>
    Appointment.create({
      service: visit,
      staffId: assignment[0].staffId,
      assignment,
      customerId: await customer(),
      start,
      source: 'admin',
      branchId: salon.branch.id,
    });
  const single = async (service: Service, start: Date, staffId: string) =>
    Appointment.create({
      service,
      staffId,
      customerId: await customer(),
      start,
      source: 'admin',
      branchId: salon.branch.id,
    });

  it('keeps one appointment row; each phase and busy block under its own stylist', async () => {
    const a = await shared(at('09:00'));
    expect((await repos().appointments.add(scope(), a, NOW)).ok).toBe(true);

    const [row] = await db.dataSource.query(`SELECT staff_id FROM appointments WHERE id = $1`, [
      a.id,
    ]);
    expect(row.staff_id).toBe(mehmet);
    // Cut 09:00-09:30 by Mehmet; the colour's application and rinse by Lena.
    expect(await blocksOf('appointment_id', a.id)).toEqual([
      [mehmet, at('09:00').getTime(), at('09:30').getTime()],
      [lena, at('09:30').getTime(), at('10:00').getTime()],
      [lena, at('10:35').getTime(), at('11:05').getTime()],
    ]);
    const back = await repos().appointments.findById(scope(), a.id);
    expect(back?.toSnapshot()).toEqual(a.toSnapshot());
    expect(back?.assignment).toEqual(sharing);
    expect(back?.stylistIds).toEqual([mehmet, lena]);
  });

  it('refuses an overlap for the second stylist, in the repository and in the constraint', async () => {
    const lenaBusy = await single(cut, at('09:45'), lena);
    expect((await repos().appointments.add(scope(), lenaBusy, NOW)).ok).toBe(true);

    const refused = await repos().appointments.add(scope(), await shared(at('09:00')), NOW);
    expect(refused.ok ? 'written' : refused.error.code).toBe('AVAILABILITY.SLOT_TAKEN');
    expect(await db.dataSource.query(`SELECT id FROM appointments`)).toHaveLength(1);

    // Below any application code: a block for Lena over the shared visit's step is refused.
    await db.dataSource.query(`DELETE FROM appointments`);
    const a = await shared(at('09:00'));
    expect((await repos().appointments.add(scope(), a, NOW)).ok).toBe(true);
    await expect(
      db.dataSource.query(
        `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
         VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), 'ext-1')`,
        [salon.companyId, lena, at('10:40'), at('10:50')],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23P01' } });
    // Mehmet is free while Lena colours.
    const mehmetLater = await single(cut, at('09:30'), mehmet);
    expect((await repos().appointments.add(scope(), mehmetLater, NOW)).ok).toBe(true);
  });

  it('holds both stylists, remembers who does what, and books through book_by_phone', async () => {
    const hold = Hold.place({
      callId: 'call_s',
      staffId: mehmet,
      service: visit,
      start: at('09:00'),
      now: NOW,
      assignment: sharing,
    });
    expect((await repos().holds.place(scope(), hold, NOW)).ok).toBe(true);
    expect(await blocksOf('hold_id', hold.id)).toEqual([
      [mehmet, at('09:00').getTime(), at('09:30').getTime()],
      [lena, at('09:30').getTime(), at('10:00').getTime()],
      [lena, at('10:35').getTime(), at('11:05').getTime()],
    ]);
    const [held] = await liveHolds(db.dataSource, scope(), 'call_s', NOW);
    expect(held.toSnapshot()).toEqual(hold.toSnapshot());
    expect(held.assignment).toEqual(sharing);

    // Another call cannot hold Lena's rinse.
    const other = Hold.place({
      callId: 'call_t',
      staffId: lena,
      service: cut,
      start: at('10:45'),
      now: NOW,
    });
    const refused = await repos().holds.place(scope(), other, NOW);
    expect(refused.ok ? 'held' : refused.error.conflictKind).toBe('hold');

    const c = Customer.create({
      id: randomUUID(),
      name: 'Kundin Neu',
      phone: '+4915112345678',
      recognitionConsent: false,
    });
    if (!c.ok) throw new Error('customer refused');
    const appointment = Appointment.create({
      service: visit,
      staffId: mehmet,
      assignment: sharing,
      customerId: c.value.id,
      start: at('09:00'),
      source: 'voice',
      branchId: salon.branch.id,
      callId: 'call_s',
      idempotencyKey: 'k-shared',
    });
    const written = await new TypeOrmPhoneBookingWriter(db.dataSource).write(
      scope(),
      {
        appointment,
        customer: c.value,
        customerIsNew: true,
        callId: 'call_s',
        audit: {
          companyId: salon.companyId,
          actor: 'call:call_s',
          action: 'appointment.booked',
          entity: 'appointment',
          entityId: appointment.id,
          at: NOW,
        },
      },
      NOW,
    );
    expect(written.ok).toBe(true);
    expect(await blocksOf('hold_id', hold.id)).toEqual([]);
    expect((await blocksOf('appointment_id', appointment.id)).map((b) => b[0])).toEqual([
      mehmet,
      lena,
      lena,
    ]);
  });

  it('a phone booking is refused whole when the second stylist is taken', async () => {
    const lenaBusy = await single(cut, at('10:40'), lena);
    expect((await repos().appointments.add(scope(), lenaBusy, NOW)).ok).toBe(true);
    const c = Customer.create({
      id: randomUUID(),
      name: 'K',
      phone: '+4915100000001',
      recognitionConsent: false,
    });
    if (!c.ok) throw new Error('customer refused');
    const appointment = Appointment.create({
      service: visit,
      staffId: mehmet,
      assignment: sharing,
      customerId: c.value.id,
      start: at('09:00'),
      source: 'voice',
      branchId: salon.branch.id,
      idempotencyKey: 'k-refused',
    });
    const written = await new TypeOrmPhoneBookingWriter(db.dataSource).write(
      scope(),
      {
        appointment,
        customer: c.value,
        customerIsNew: true,
        audit: {
          companyId: salon.companyId,
          actor: 'call:x',
          action: 'appointment.booked',
          entity: 'appointment',
          entityId: appointment.id,
          at: NOW,
        },
      },
      NOW,
    );
    expect(written.ok ? 'booked' : written.error).toMatchObject({ conflictKind: 'appointment' });
    expect(
      await db.dataSource.query(`SELECT id FROM customers WHERE id = $1`, [c.value.id]),
    ).toEqual([]);
  });

  it('a move re-plans the sharing: the old stylists are freed, the new ones blocked', async () => {
    const a = await shared(at('09:00'));
    expect((await repos().appointments.add(scope(), a, NOW)).ok).toBe(true);
    const anna = salon.staff.find((s) => s.name === 'Anna')!.id;
    const moved = a.reschedule(at('14:00'), visit, undefined, {
      staffId: anna,
      assignment: [
        { serviceId: sharing[0].serviceId, staffId: anna },
        { serviceId: sharing[1].serviceId, staffId: lena },
      ],
    });
    if (!moved.ok) throw new Error(moved.error.code);
    expect((await repos().appointments.save(scope(), moved.value, NOW)).ok).toBe(true);
    expect(await blocksOf('appointment_id', a.id)).toEqual([
      [anna, at('14:00').getTime(), at('14:30').getTime()],
      [lena, at('14:30').getTime(), at('15:00').getTime()],
      [lena, at('15:35').getTime(), at('16:05').getTime()],
    ]);
    const back = await repos().appointments.findById(scope(), a.id);
    expect(back?.staffId).toBe(anna);
    // Moved back to one stylist: the phases name none again.
    const annaAlone = back!.reschedule(at('09:00'), visit, undefined, { staffId: anna });
    if (!annaAlone.ok) throw new Error(annaAlone.error.code);
    expect((await repos().appointments.save(scope(), annaAlone.value, NOW)).ok).toBe(true);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int n FROM appointment_phases WHERE appointment_id = $1 AND staff_id IS NOT NULL`,
      [a.id],
    );
    expect(n).toBe(0);
    expect(new Set((await blocksOf('appointment_id', a.id)).map((b) => b[0]))).toEqual(
      new Set([anna]),
    );
  });

  it('reads the branch flag as stored, on and off', async () => {
    // The demo salon's file asks for it.
    const catalog = new TypeOrmSalonCatalog(db.dataSource);
    expect((await catalog.branchContext(salon.branch.id))?.branch.splitVisits).toBe(true);
    await db.dataSource.query(`UPDATE branches SET split_visits = false WHERE id = $1`, [
      salon.branch.id,
    ]);
    // A fresh catalog: the set-up is kept a few seconds per catalog.
    const fresh = new TypeOrmSalonCatalog(db.dataSource);
    expect((await fresh.branchContext(salon.branch.id))?.branch.splitVisits).toBe(false);
    await db.dataSource.query(`UPDATE branches SET split_visits = true WHERE id = $1`, [
      salon.branch.id,
    ]);
    const again = new TypeOrmSalonCatalog(db.dataSource);
    expect((await again.branchContext(salon.branch.id))?.branch.splitVisits).toBe(true);
  });

  it('its migration goes down to one stylist a visit and up again', async () => {
    const q = db.dataSource.createQueryRunner();
    try {
      await new SharedVisits1796639016801().down(q);
      const single = await db.dataSource.query(
        `SELECT count(*)::int n FROM pg_proc WHERE proname IN ('place_hold', 'lock_busy_times')`,
      );
      expect(single[0].n).toBe(1);
      await new SharedVisits1796639016801().up(q);
    } finally {
      await q.release();
    }
    const a = await shared(at('09:00'));
    expect((await repos().appointments.add(scope(), a, NOW)).ok).toBe(true);
    expect((await blocksOf('appointment_id', a.id)).map((b) => b[0])).toEqual([mehmet, lena, lena]);
  });
});
