import { randomUUID } from 'node:crypto';
import { BranchContext } from '../../../src/application/ports/salon-catalog.port';
import {
  ALREADY_BOOKED,
  PhoneBooking,
} from '../../../src/application/ports/phone-booking-writer.port';
import { TypeOrmPhoneBookingReader } from '../../../src/adapters/outbound/persistence/repositories/typeorm-phone-booking.reader';
import { TypeOrmPhoneBookingWriter } from '../../../src/adapters/outbound/persistence/repositories/typeorm-phone-booking.writer';
import { portsFor } from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Hold } from '../../../src/domain/appointment/hold';
import { Customer } from '../../../src/domain/salon/customer';
import { Service } from '../../../src/domain/salon/service';
import { importDemoSalon } from '../../support/demo-salon';
import { liveHolds } from '../../support/live-holds';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { Client } from 'pg';

/** Friday 2026-12-04 in Berlin (UTC+1). */
const at = (hhmm: string, day = '2026-12-04') => new Date(`${day}T${hhmm}:00+01:00`);
const NOW = new Date('2026-11-26T14:00:00Z');

/**
 * The phone booking's one-round-trip write (book_by_phone) and the stylist's day locks under
 * it, on real Postgres: whole or nothing, twins, expired holds, and who waits for whom.
 */
describe('phone booking writer and busy-day locks (real Postgres)', () => {
  let db: TestDatabase;
  let salon: BranchContext;
  let writer: TypeOrmPhoneBookingWriter;
  let anna: string;
  let perm: Service;
  let cut: Service;
  const scope = () => ({ companyId: salon.companyId });
  const repos = () => portsFor(db.dataSource.manager);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    salon = await importDemoSalon(db.dataSource);
    writer = new TypeOrmPhoneBookingWriter(db.dataSource);
    anna = salon.staff.find((s) => s.name === 'Anna')!.id;
    perm = salon.services.find((s) => s.name === 'Dauerwelle')!;
    cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
  });
  afterAll(() => db.drop());
  beforeEach(() =>
    db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM sync_outbox; DELETE FROM audit_log;
       DELETE FROM appointments; DELETE FROM customers`,
    ),
  );

  const newCustomer = (email?: string) => {
    const c = Customer.create({
      id: randomUUID(),
      name: 'Kundin Neu',
      phone: '+4915112345678',
      email,
      recognitionConsent: false,
    });
    if (!c.ok) throw new Error('customer refused');
    return c.value;
  };

  const booking = (
    service: Service,
    start: Date,
    customer: Customer,
    extra: Partial<{ callId: string; key: string; isNew: boolean }> = {},
  ): PhoneBooking => {
    const appointment = Appointment.create({
      service,
      staffId: anna,
      customerId: customer.id,
      start,
      source: 'voice',
      branchId: salon.branch.id,
      callId: extra.callId,
      idempotencyKey: extra.key ?? randomUUID(),
    });
    return {
      appointment,
      customer,
      customerIsNew: extra.isNew ?? true,
      callId: extra.callId,
      audit: {
        companyId: salon.companyId,
        actor: `call:${extra.callId ?? 'unknown'}`,
        action: 'appointment.booked',
        entity: 'appointment',
        entityId: appointment.id,
        details: { start: start.toISOString() },
        at: NOW,
      },
    };
  };

  it('reads a booking’s facts in one statement: earlier booking by key, the call’s live holds, the number’s customers', async () => {
    const reader = new TypeOrmPhoneBookingReader(db.dataSource);
    const query = (over: Partial<{ key: string; callId: string | null; phone: string }> = {}) =>
      reader.facts(scope(), {
        idempotencyKey: over.key ?? 'k-facts',
        callId: over.callId === undefined ? 'call_f' : over.callId,
        callerPhone: over.phone ?? '+4915112345678',
        now: NOW,
      });
    expect(await query()).toEqual({
      earlierAppointmentId: null,
      heldByCall: [],
      customersWithNumber: [],
    });

    const live = Hold.place({
      callId: 'call_f',
      staffId: anna,
      service: perm,
      start: at('09:00'),
      now: NOW,
    });
    const other = Hold.place({
      callId: 'call_g',
      staffId: anna,
      service: cut,
      start: at('15:00'),
      now: NOW,
    });
    for (const h of [live, other])
      expect((await repos().holds.place(scope(), h, NOW)).ok).toBe(true);
    const first = newCustomer();
    const b = booking(cut, at('13:00'), first, { key: 'k-facts' });
    expect((await writer.write(scope(), b, NOW)).ok).toBe(true);
    await db.dataSource.query(
      `INSERT INTO customers(company_id, name, phone_e164, email, recognition_consent, created_at)
       VALUES ($1, 'Zweite Kundin', '+4915112345678', 'zwei@example.org', true, now() + interval '1 minute'),
              ($1, 'Andere Nummer', '+4915100000000', NULL, false, now())`,
      [salon.companyId],
    );

    const facts = await query();
    expect(facts.earlierAppointmentId).toBe(b.appointment.id);
    // Another call's hold is not this call's.
    expect(facts.heldByCall.map((h) => h.toSnapshot())).toEqual([live.toSnapshot()]);
    expect(facts.customersWithNumber.map((c) => [c.name, c.email, c.recognitionConsent])).toEqual([
      ['Kundin Neu', undefined, false],
      ['Zweite Kundin', 'zwei@example.org', true],
    ]);
    expect(await repos().customers.findByPhone(scope(), '+4915112345678')).toEqual(
      facts.customersWithNumber,
    );

    // Once the hold has run out, it holds nothing.
    const later = await reader.facts(scope(), {
      idempotencyKey: 'k-facts',
      callId: 'call_f',
      callerPhone: '+4915112345678',
      now: live.expiresAt,
    });
    expect(later.heldByCall).toEqual([]);
    const none = await query({ key: 'k-other', callId: null, phone: '+4915199999999' });
    expect(none).toEqual({ earlierAppointmentId: null, heldByCall: [], customersWithNumber: [] });
    // Another company sees nothing of this one.
    const stranger = await reader.facts(
      { companyId: randomUUID() },
      { idempotencyKey: 'k-facts', callId: 'call_f', callerPhone: '+4915112345678', now: NOW },
    );
    expect(stranger).toEqual({
      earlierAppointmentId: null,
      heldByCall: [],
      customersWithNumber: [],
    });
  });

  it('writes the customer, the appointment, its busy time, outbox and audit, and consumes the hold', async () => {
    const customer = newCustomer();
    const hold = Hold.place({
      callId: 'call_1',
      staffId: anna,
      service: perm,
      start: at('09:00'),
      now: NOW,
    });
    expect((await repos().holds.place(scope(), hold, NOW)).ok).toBe(true);
    const b = booking(perm, at('09:00'), customer, { callId: 'call_1', key: 'k-1' });

    expect((await writer.write(scope(), b, NOW)).ok).toBe(true);

    const back = await repos().appointments.findById(scope(), b.appointment.id);
    expect(back?.toSnapshot()).toEqual(b.appointment.toSnapshot());
    expect((await repos().customers.findById(scope(), customer.id))?.name).toBe('Kundin Neu');
    expect(
      await count(`SELECT count(*) n FROM busy_blocks WHERE appointment_id = $1 AND active`, [
        b.appointment.id,
      ]),
    ).toBe(b.appointment.busyIntervals().length);
    expect(await count(`SELECT count(*) n FROM busy_blocks WHERE kind = 'hold' AND active`)).toBe(
      0,
    );
    expect(await count(`SELECT count(*) n FROM holds WHERE released_at IS NOT NULL`)).toBe(1);
    const [outbox] = await db.dataSource.query(
      `SELECT action, appointment_version FROM sync_outbox`,
    );
    expect(outbox).toEqual({ action: 'create', appointment_version: 1 });
    const [audit] = await db.dataSource.query(
      `SELECT actor, action, entity_id, details FROM audit_log`,
    );
    expect(audit).toEqual({
      actor: 'call:call_1',
      action: 'appointment.booked',
      entity_id: b.appointment.id,
      details: { start: at('09:00').toISOString() },
    });
  });

  it('refused for taken time, leaves nothing behind: no customer, hold still live, no outbox or audit', async () => {
    const first = newCustomer();
    expect((await writer.write(scope(), booking(cut, at('10:00'), first), NOW)).ok).toBe(true);
    const hold = Hold.place({
      callId: 'call_2',
      staffId: anna,
      service: cut,
      start: at('16:00'),
      now: NOW,
    });
    expect((await repos().holds.place(scope(), hold, NOW)).ok).toBe(true);
    const before = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM customers) c, (SELECT count(*) FROM appointments) a,
              (SELECT count(*) FROM sync_outbox) o, (SELECT count(*) FROM audit_log) l,
              (SELECT count(*) FROM busy_blocks WHERE active) b`,
    );

    const second = newCustomer();
    const clash = await writer.write(
      scope(),
      booking(perm, at('09:45'), second, { callId: 'call_2' }),
      NOW,
    );

    expect(clash).toEqual({
      ok: false,
      error: expect.objectContaining({ conflictKind: 'appointment' }),
    });
    expect(
      await db.dataSource.query(
        `SELECT (SELECT count(*) FROM customers) c, (SELECT count(*) FROM appointments) a,
                (SELECT count(*) FROM sync_outbox) o, (SELECT count(*) FROM audit_log) l,
                (SELECT count(*) FROM busy_blocks WHERE active) b`,
      ),
    ).toEqual(before);
    expect((await liveHolds(db.dataSource, scope(), 'call_2', NOW)).map((h) => h.id)).toEqual([
      hold.id,
    ]);
  });

  it('names a hold of another call as what is in the way', async () => {
    const hold = Hold.place({
      callId: 'call_other',
      staffId: anna,
      service: cut,
      start: at('11:00'),
      now: NOW,
    });
    await repos().holds.place(scope(), hold, NOW);
    const r = await writer.write(
      scope(),
      booking(cut, at('11:00'), newCustomer(), { callId: 'call_me' }),
      NOW,
    );
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ conflictKind: 'hold' }) });
  });

  it('books over a hold past its time', async () => {
    const old = new Date(NOW.getTime() - 10 * 60_000);
    const hold = Hold.place({
      callId: 'call_gone',
      staffId: anna,
      service: cut,
      start: at('12:00'),
      now: old,
    });
    await repos().holds.place(scope(), hold, old);
    const r = await writer.write(scope(), booking(cut, at('12:00'), newCustomer()), NOW);
    expect(r.ok).toBe(true);
  });

  it('answers ALREADY_BOOKED to a twin with the same idempotency key, writing nothing', async () => {
    const customer = newCustomer();
    expect(
      (await writer.write(scope(), booking(cut, at('13:00'), customer, { key: 'twin' }), NOW)).ok,
    ).toBe(true);
    const twin = booking(cut, at('13:00'), newCustomer(), { key: 'twin' });
    expect(await writer.write(scope(), twin, NOW)).toEqual({ ok: false, error: ALREADY_BOOKED });
    expect(await count(`SELECT count(*) n FROM customers`)).toBe(1);
    expect(await count(`SELECT count(*) n FROM appointments`)).toBe(1);
  });

  it('gives a known customer the e-mail it lacked, and never overwrites one it has', async () => {
    const known = newCustomer();
    await repos().customers.add(scope(), known);
    const withMail = known.updateContact({ email: 'kundin@example.de' });
    if (!withMail.ok) throw new Error('contact refused');
    const b = booking(cut, at('14:00'), withMail.value, { isNew: false });
    expect((await writer.write(scope(), b, NOW)).ok).toBe(true);
    expect((await repos().customers.findById(scope(), known.id))?.email).toBe('kundin@example.de');

    const other = withMail.value.updateContact({ email: 'anders@example.de' });
    if (!other.ok) throw new Error('contact refused');
    expect(
      (await writer.write(scope(), booking(cut, at('15:00'), other.value, { isNew: false }), NOW))
        .ok,
    ).toBe(true);
    expect((await repos().customers.findById(scope(), known.id))?.email).toBe('kundin@example.de');
    expect(await count(`SELECT count(*) n FROM customers`)).toBe(1);
  });

  describe('lock_busy_time', () => {
    /** A second connection holding the stylist's locks on the days of [start, end) until released. */
    async function holdLocks(start: Date, end: Date): Promise<() => Promise<void>> {
      const c = new Client({ connectionString: db.url });
      await c.connect();
      await c.query('BEGIN');
      await c.query(
        `SELECT lock_busy_time($1, ARRAY[$2::timestamptz], ARRAY[$3::timestamptz], $4)`,
        [anna, start, end, NOW],
      );
      return async () => {
        await c.query('ROLLBACK');
        await c.end();
      };
    }

    /** Whether taking the locks for [start, end) has to wait (a lock timeout says it would). */
    async function waits(start: Date, end: Date, staffId = anna): Promise<boolean> {
      const c = new Client({ connectionString: db.url });
      await c.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SET LOCAL lock_timeout = '300ms'`);
        await c.query(
          `SELECT lock_busy_time($1, ARRAY[$2::timestamptz], ARRAY[$3::timestamptz], $4)`,
          [staffId, start, end, NOW],
        );
        return false;
      } catch (error) {
        if ((error as { code?: string }).code === '55P03') return true;
        throw error;
      } finally {
        await c.end();
      }
    }

    it('makes writers of one stylist and day take turns, and no one else', async () => {
      const release = await holdLocks(at('09:00'), at('10:00'));
      try {
        expect(await waits(at('17:00'), at('18:00'))).toBe(true); // same stylist, same UTC day
        expect(await waits(at('09:00', '2026-12-05'), at('10:00', '2026-12-05'))).toBe(false); // next day
        const lena = salon.staff.find((s) => s.name === 'Lena')!.id;
        expect(await waits(at('09:00'), at('10:00'), lena)).toBe(false); // other stylist
      } finally {
        await release();
      }
      expect(await waits(at('09:00'), at('10:00'))).toBe(false);
    });

    it('locks every UTC day a time touches, and not the day its end only reaches', async () => {
      // 23:30 to 00:30 UTC touches two days; a time ending exactly at midnight only the first.
      const lateEvening = new Date('2026-12-04T23:30:00Z');
      const release = await holdLocks(lateEvening, new Date('2026-12-05T00:30:00Z'));
      try {
        expect(
          await waits(new Date('2026-12-05T08:00:00Z'), new Date('2026-12-05T09:00:00Z')),
        ).toBe(true);
      } finally {
        await release();
      }
      const releaseFirstDay = await holdLocks(
        new Date('2026-12-04T23:00:00Z'),
        new Date('2026-12-05T00:00:00Z'),
      );
      try {
        expect(
          await waits(new Date('2026-12-05T08:00:00Z'), new Date('2026-12-05T09:00:00Z')),
        ).toBe(false);
        expect(
          await waits(new Date('2026-12-04T08:00:00Z'), new Date('2026-12-04T09:00:00Z')),
        ).toBe(true);
      } finally {
        await releaseFirstDay();
      }
    });

    it('lets a booking on another day of the stylist through while one day is being written', async () => {
      const release = await holdLocks(at('09:00'), at('10:00'));
      try {
        const r = await writer.write(
          scope(),
          booking(cut, at('09:00', '2026-12-07'), newCustomer()),
          NOW,
        );
        expect(r.ok).toBe(true);
      } finally {
        await release();
      }
    });
  });
});
