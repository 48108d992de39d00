import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { signatureFor } from '../../../src/adapters/inbound/calcom-webhook/calcom-signature';
import { CredentialCipher } from '../../../src/adapters/outbound/persistence/credential-cipher';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { bootstrap, loadConfig } from '../../../src/bootstrap';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Customer } from '../../../src/domain/salon/customer';
import type { Service } from '../../../src/domain/salon/service';
import { importDemoSalon } from '../../support/demo-salon';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const SECRET = 'whsec-haarmonie-test';
/** The salons' own webhook secrets, stored encrypted with their Cal.com accounts. */
const SALON_SECRET = 'whsec-salon-haarmonie';
const OTHER_SALON_SECRET = 'whsec-salon-zwei';
const KEY = randomBytes(32).toString('hex');
const EVENT_TYPE = 8100;
/** The service's clock: a week before the day the bookings are on, whatever day the suite runs. */
const FIXED_NOW = '2026-11-26T14:00:00.000Z';
const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+01:00`);

/** POST /api/calcom/webhook through the whole application on real Postgres. */
describe('Cal.com webhook', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let companyId: string;
  let anna: string;
  let appointment: Appointment;
  let cut: Service;
  let customerId: string;
  let branchId: string;

  const post = (body: unknown, signature?: string) => {
    const raw = JSON.stringify(body);
    const req = request(app.getHttpServer())
      .post('/api/calcom/webhook')
      .set('content-type', 'application/json');
    if (signature !== undefined) req.set('x-cal-signature-256', signature);
    return req.send(raw);
  };
  const signed = (body: unknown) => post(body, signatureFor(JSON.stringify(body), SECRET));
  const signedWith = (secret: string, body: unknown) =>
    post(body, signatureFor(JSON.stringify(body), secret));
  const booking = (trigger: string, uid: string, start: Date, minutes: number, metadata = {}) => ({
    triggerEvent: trigger,
    createdAt: FIXED_NOW,
    payload: {
      type: 'herrenhaarschnitt-anna',
      title: 'Termin',
      startTime: start.toISOString(),
      endTime: new Date(start.getTime() + minutes * 60_000).toISOString(),
      uid,
      bookingId: 4242,
      eventTypeId: EVENT_TYPE,
      status: trigger === 'BOOKING_CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
      organizer: { name: 'Anna', email: 'anna@salon.example', timeZone: 'Europe/Berlin' },
      attendees: [],
      metadata,
    },
  });
  const blocks = () =>
    db.dataSource.query(`SELECT external_uid, active FROM busy_blocks WHERE kind = 'calendar'`);

  beforeAll(async () => {
    db = await createTestDatabase();
    const salon = await importDemoSalon(db.dataSource);
    companyId = salon.companyId;
    anna = salon.staff.find((s) => s.name === 'Anna')!.id;
    cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
    branchId = salon.branch.id;
    const cipher = new CredentialCipher(KEY);
    const [{ id: credentialId }] = await db.dataSource.query(
      `INSERT INTO calcom_credentials(company_id, label, api_key_encrypted, webhook_secret_encrypted)
       VALUES ($1, 'main', 'v1:x:y:z', $2) RETURNING id`,
      [companyId, cipher.encrypt(SALON_SECRET)],
    );
    const [{ id: otherCompany }] = await db.dataSource.query(
      `INSERT INTO companies(name, slug) VALUES ('Salon Zwei', 'salon-zwei') RETURNING id`,
    );
    await db.dataSource.query(
      `INSERT INTO calcom_credentials(company_id, label, api_key_encrypted, webhook_secret_encrypted)
       VALUES ($1, 'main', 'v1:x:y:z', $2)`,
      [otherCompany, cipher.encrypt(OTHER_SALON_SECRET)],
    );
    await db.dataSource.query(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [companyId, credentialId, cut.id, anna, EVENT_TYPE],
    );
    const customer = Customer.restore({
      id: randomUUID(),
      name: 'Kundin Zwei',
      phone: '+4915112345679',
      recognitionConsent: true,
    });
    await portsFor(db.dataSource.manager).customers.add({ companyId }, customer);
    customerId = customer.id;
    appointment = Appointment.create({
      service: cut,
      staffId: anna,
      customerId: customer.id,
      start: at('10:00'),
      source: 'voice',
      branchId: salon.branch.id,
    });
    await new TypeOrmUnitOfWork(db.dataSource).run(async (tx) => {
      await tx.appointments.add({ companyId }, appointment, new Date());
    });

    app = await bootstrap(
      loadConfig({
        DATABASE_URL: db.url,
        MIGRATE_ON_START: 'false',
        SEED_DEMO_SALON: 'false',
        CALCOM_WEBHOOK_SECRET: SECRET,
        ENCRYPTION_KEY: KEY,
        FIXED_NOW,
        LOG_LEVEL: 'silent',
        PORT: '0',
      }),
    );
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('refuses an unsigned request and a bad signature with 401, without effect', async () => {
    const body = booking('BOOKING_CREATED', 'outside-1', at('15:00'), 30);
    await post(body).expect(401);
    await post(body, signatureFor(JSON.stringify(body), 'wrong-secret')).expect(401);
    await post(body, 'zz').expect(401);
    expect(await blocks()).toEqual([]);
  });

  it('answers 204 to an event it does not act on', async () => {
    await signed({ triggerEvent: 'MEETING_ENDED', payload: {} }).expect(204);
  });

  it('an outside BOOKING_CREATED blocks the stylist; a duplicate is harmless', async () => {
    const body = booking('BOOKING_CREATED', 'outside-2', at('15:00'), 30);
    await signed(body).expect(200, { outcome: 'blocked' });
    await signed(body).expect(200, { outcome: 'duplicate' });
    expect(await blocks()).toEqual([{ external_uid: 'outside-2', active: true }]);
    const busy = await portsFor(db.dataSource.manager).appointments.busyIntervals(
      { companyId },
      [anna],
      { start: at('14:00'), end: at('16:00') } as never,
      new Date(),
    );
    expect(busy.get(anna)!.some((b) => b.kind === 'calendar')).toBe(true);
  });

  it('an outside booking over our appointment is recorded and flags it for review', async () => {
    await signed(booking('BOOKING_CREATED', 'outside-3', at('10:15'), 30)).expect(200, {
      outcome: 'overlap_flagged',
    });
    const [row] = await db.dataSource.query(
      `SELECT sync_state, last_sync_error FROM appointments WHERE id = $1`,
      [appointment.id],
    );
    expect(row.sync_state).toBe('manual_review');
    expect(row.last_sync_error).toContain('outside-3');
  });

  it('an outside BOOKING_CANCELLED frees the time', async () => {
    await signed(booking('BOOKING_CANCELLED', 'outside-2', at('15:00'), 30)).expect(200, {
      outcome: 'released',
    });
    expect(
      (await blocks()).find((b: { external_uid: string }) => b.external_uid === 'outside-2'),
    ).toEqual({ external_uid: 'outside-2', active: false });
  });

  it('BOOKING_CANCELLED of our booking cancels the appointment locally, audited', async () => {
    const phase = appointment.phases[0];
    const body = booking('BOOKING_CANCELLED', 'ours-1', at('10:00'), 30, {
      appointment_id: appointment.id,
      phase_id: phase.id,
      company_id: companyId,
    });
    await signed(body).expect(200, { outcome: 'appointment_cancelled' });
    await signed(body).expect(204);
    const [row] = await db.dataSource.query(`SELECT status FROM appointments WHERE id = $1`, [
      appointment.id,
    ]);
    expect(row.status).toBe('cancelled');
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM sync_outbox WHERE appointment_id = $1`,
      [appointment.id],
    );
    expect(n).toBe(0);
    const actions = await db.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [
      appointment.id,
    ]);
    expect(actions.map((a: { action: string }) => a.action)).toContain(
      'calendar_webhook.appointment_cancelled',
    );
  });

  it('BOOKING_RESCHEDULED of our booking moves the appointment, audited; a replay is a duplicate', async () => {
    const ours = Appointment.create({
      service: cut,
      staffId: anna,
      customerId,
      start: at('12:00'),
      source: 'voice',
      branchId,
    });
    await new TypeOrmUnitOfWork(db.dataSource).run(async (tx) => {
      await tx.appointments.add({ companyId }, ours, new Date());
    });
    const moved = booking('BOOKING_RESCHEDULED', 'ours-moved-2', at('13:00'), 30, {
      appointment_id: ours.id,
      phase_id: ours.phases[0].id,
      company_id: companyId,
    });
    const body = { ...moved, payload: { ...moved.payload, rescheduleUid: 'ours-moved-1' } };

    await signed(body).expect(200, { outcome: 'appointment_moved' });
    await signed(body).expect(200, { outcome: 'duplicate' });

    const [row] = await db.dataSource.query(
      `SELECT starts_at, status FROM appointments WHERE id = $1`,
      [ours.id],
    );
    expect([row.starts_at, row.status]).toEqual([at('13:00'), 'scheduled']);
    const [phase] = await db.dataSource.query(
      `SELECT calcom_booking_uid FROM appointment_phases WHERE appointment_id = $1`,
      [ours.id],
    );
    expect(phase.calcom_booking_uid).toBe('ours-moved-2');
    const actions = await db.dataSource.query(
      `SELECT action, details FROM audit_log
        WHERE entity_id = $1 AND action LIKE 'calendar_webhook.%' ORDER BY id`,
      [ours.id],
    );
    expect(actions).toEqual([
      {
        action: 'calendar_webhook.appointment_moved',
        details: expect.objectContaining({
          uid: 'ours-moved-2',
          from: at('12:00').toISOString(),
          to: at('13:00').toISOString(),
        }),
      },
    ]);
  });

  describe("signed with a salon's own secret", () => {
    it("another salon's correctly signed cancel and move of this salon's appointment change nothing", async () => {
      const ours = Appointment.create({
        service: cut,
        staffId: anna,
        customerId,
        start: at('16:00'),
        source: 'voice',
        branchId,
      });
      await new TypeOrmUnitOfWork(db.dataSource).run(async (tx) => {
        await tx.appointments.add({ companyId }, ours, new Date());
      });
      const metadata = {
        appointment_id: ours.id,
        phase_id: ours.phases[0].id,
        company_id: companyId,
      };
      const cancel = booking('BOOKING_CANCELLED', 'ours-3', at('16:00'), 30, metadata);
      const moved = booking('BOOKING_RESCHEDULED', 'ours-3b', at('17:00'), 30, metadata);
      const move = { ...moved, payload: { ...moved.payload, rescheduleUid: 'ours-3' } };

      await signedWith(OTHER_SALON_SECRET, cancel).expect(204);
      await signedWith(OTHER_SALON_SECRET, move).expect(204);
      const row = async () =>
        (
          await db.dataSource.query(`SELECT starts_at, status FROM appointments WHERE id = $1`, [
            ours.id,
          ])
        )[0];
      expect(await row()).toEqual({ starts_at: at('16:00'), status: 'scheduled' });

      await signedWith(SALON_SECRET, move).expect(200, { outcome: 'appointment_moved' });
      const cancelMoved = booking('BOOKING_CANCELLED', 'ours-3b', at('17:00'), 30, metadata);
      await signedWith(OTHER_SALON_SECRET, cancelMoved).expect(204);
      await signedWith(SALON_SECRET, cancelMoved).expect(200, {
        outcome: 'appointment_cancelled',
      });
      expect(await row()).toEqual({ starts_at: at('17:00'), status: 'cancelled' });
    });

    it("an outside booking through another salon's event type is ignored; the salon's own blocks", async () => {
      const body = booking('BOOKING_CREATED', 'outside-4', at('18:00'), 30);
      await signedWith(OTHER_SALON_SECRET, body).expect(204);
      expect(
        (await blocks()).filter((b: { external_uid: string }) => b.external_uid === 'outside-4'),
      ).toEqual([]);
      await signedWith(SALON_SECRET, body).expect(200, { outcome: 'blocked' });
      await signedWith(OTHER_SALON_SECRET, {
        ...body,
        triggerEvent: 'BOOKING_CANCELLED',
      }).expect(204);
      expect(
        (await blocks()).filter((b: { external_uid: string }) => b.external_uid === 'outside-4'),
      ).toEqual([{ external_uid: 'outside-4', active: true }]);
    });
  });
});
