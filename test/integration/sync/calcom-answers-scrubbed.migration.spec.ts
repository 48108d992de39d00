import { randomUUID } from 'node:crypto';
import { CalcomAnswersScrubbed1764291671000 } from '../../../migrations/1764291671000-calcom-answers-scrubbed';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Customer } from '../../../src/domain/salon/customer';
import { importDemoSalon } from '../../support/demo-salon';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** Sync errors stored with a Cal.com host's answer text keep only its status. */
describe('migration: Cal.com answers scrubbed from stored sync errors', () => {
  let db: TestDatabase;
  const leaked =
    '{"Code":"Success","AccessKeyId":"ASIAEXAMPLEKEY","SecretAccessKey":"wJalr\\"XUtn)FEMI"}';
  const oldError =
    `phase 1 create: CALENDAR.BAD_REQUEST (POST /v2/bookings → 400: ${leaked})` +
    '; lookup failed: CALENDAR.SERVER_ERROR (GET /v2/bookings → 200 without a success envelope: <html>secret</html>)';
  const kept = 'phase 2 create: CALENDAR.TIMEOUT (POST /v2/bookings: no answer within 5000 ms)';
  let appointmentIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const salon = await importDemoSalon(db.dataSource);
    const companyId = salon.companyId;
    const customer = Customer.restore({
      id: randomUUID(),
      name: 'Kundin Eins',
      phone: '+4915112345678',
      recognitionConsent: true,
    });
    await portsFor(db.dataSource.manager).customers.add({ companyId }, customer);
    const cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
    appointmentIds = [];
    for (const start of ['2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z']) {
      const appointment = Appointment.create({
        service: cut,
        staffId: salon.staff.find((s) => s.name === 'Anna')!.id,
        customerId: customer.id,
        start: new Date(start),
        source: 'voice',
        branchId: salon.branch.id,
      });
      await new TypeOrmUnitOfWork(db.dataSource).run(async (tx) => {
        // Booked a week ahead of the appointment, whatever day the suite runs.
        const bookedAt = new Date(appointment.start.getTime() - 7 * 86_400_000);
        const added = await tx.appointments.add({ companyId }, appointment, bookedAt);
        if (!added.ok) throw new Error('slot taken in test set-up');
      });
      appointmentIds.push(appointment.id);
    }
    const q = db.dataSource;
    await q.query(`UPDATE appointments SET last_sync_error = $2 WHERE id = $1`, [
      appointmentIds[0],
      oldError,
    ]);
    await q.query(`UPDATE appointments SET last_sync_error = $2 WHERE id = $1`, [
      appointmentIds[1],
      kept,
    ]);
    for (const [id, reason] of [
      [appointmentIds[0], oldError],
      [appointmentIds[1], kept],
    ]) {
      await q.query(
        `INSERT INTO audit_log(company_id, actor, action, entity, entity_id, details)
         VALUES ($1, 'system:sync', 'calendar_sync.attempt_failed', 'appointment', $2, $3)`,
        [companyId, id, JSON.stringify({ attempt: 1, reason, failures: [reason] })],
      );
    }
    const runner = db.dataSource.createQueryRunner();
    await new CalcomAnswersScrubbed1764291671000().up(runner);
    await runner.release();
  }, 60_000);
  afterAll(() => db?.drop());

  it('keeps the status of each answer and drops its text', async () => {
    const [{ last_sync_error: scrubbed }] = await db.dataSource.query(
      `SELECT last_sync_error FROM appointments WHERE id = $1`,
      [appointmentIds[0]],
    );
    expect(scrubbed).toBe(
      'phase 1 create: CALENDAR.BAD_REQUEST (POST /v2/bookings → Cal.com answered 400 (its text removed)',
    );
    const rows: Array<{ details: { attempt: number; reason: string; failures: string[] } }> =
      await db.dataSource.query(`SELECT details FROM audit_log WHERE entity_id = $1`, [
        appointmentIds[0],
      ]);
    expect(rows).toHaveLength(1);
    const { details } = rows[0];
    expect(details.attempt).toBe(1);
    expect(details.reason).toBe(
      'phase 1 create: CALENDAR.BAD_REQUEST (POST /v2/bookings → Cal.com answered 400 (its text removed)',
    );
    expect(details.failures).toEqual([details.reason]);
    for (const text of [scrubbed, JSON.stringify(details)]) {
      for (const secret of ['ASIAEXAMPLEKEY', 'wJalr', 'FEMI', '<html>', 'secret']) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('leaves errors without an answer text as they were', async () => {
    const [{ last_sync_error: error }] = await db.dataSource.query(
      `SELECT last_sync_error FROM appointments WHERE id = $1`,
      [appointmentIds[1]],
    );
    expect(error).toBe(kept);
    const [{ details }] = await db.dataSource.query(
      `SELECT details FROM audit_log WHERE entity_id = $1`,
      [appointmentIds[1]],
    );
    expect(details).toEqual({ attempt: 1, reason: kept, failures: [kept] });
  });
});
