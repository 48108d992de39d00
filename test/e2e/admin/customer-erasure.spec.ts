import { AdminTestApp, startAdminApp } from './admin-app';
import { as, book, friday, Tenant, tenant } from './admin-world';

const ANNA = { name: 'Anna Muster', phone: '+4917652340088', email: 'anna.muster@example.org' };
const ANNA_NATIONAL_DIGITS = '17652340088';
const PETRA_PHONE = '+4915112345678'; // the tenant's own customer, Petra Schmidt

/** Erasure of a customer (GDPR Art. 17) on real Postgres. */
describe('admin customer erasure', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  let annaId: string;
  let futureId: string;
  let petraAppointmentId: string;
  let pastId: string;
  const q = (sql: string, params: unknown[] = []) => t.ds.query(sql, params);
  const customers = (who: Tenant) => `/api/admin/companies/${who.companyId}/customers`;

  /** Every text and jsonb value stored anywhere, with where it sits. */
  async function storedTexts(): Promise<Array<{ where: string; text: string }>> {
    const columns: Array<{ table_name: string; column_name: string }> = await q(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'migrations'
          AND data_type IN ('text', 'character varying', 'jsonb', 'json')`,
    );
    const texts: Array<{ where: string; text: string }> = [];
    for (const { table_name: table, column_name: column } of columns) {
      const rows: Array<{ v: string | null }> = await q(
        `SELECT "${column}"::text AS v FROM "${table}" WHERE "${column}" IS NOT NULL`,
      );
      for (const row of rows) texts.push({ where: `${table}.${column}`, text: row.v ?? '' });
    }
    return texts;
  }

  const mentionsAnna = (text: string) =>
    text.toLowerCase().includes(ANNA.name.toLowerCase()) ||
    text.toLowerCase().includes(ANNA.email) ||
    text.includes(ANNA.phone) ||
    text.replace(/\D/g, '').includes(ANNA_NATIONAL_DIGITS);

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
    const created = await t.http
      .post(customers(a))
      .set(as(a.key))
      .send({ ...ANNA, recognitionConsent: true })
      .expect(201);
    annaId = created.body.id;
    await t.http
      .patch(`${customers(a)}/${annaId}`)
      .set(as(a.key))
      .send({ recognitionConsent: false })
      .expect(200);
    futureId = await book(
      t,
      { ...a, customerId: annaId },
      a.staff.mehmet,
      'herrenhaarschnitt',
      friday('10:00'),
    );
    petraAppointmentId = await book(t, a, a.staff.lena, 'damenhaarschnitt', friday('10:00'));

    // What the phone path and the sync leave behind: a past visit booked by phone, its call from
    // Anna's number (stored as the network spelt it), a call from a withheld number that booked
    // for her, another caller's call that names her, and an operator's note about her.
    await q(
      `INSERT INTO calls (id, company_id, from_number, to_number, status, analysis) VALUES
         ('call_anna', $1, '0176 52340088', '+4930111111', 'ended',
          '{"call_summary": "Anna Muster bucht einen Herrenhaarschnitt."}'),
         ('call_withheld', $1, 'anonymous', '+4930111111', 'ended', NULL),
         ('call_petra', $1, $2, '+4930111111', 'ended',
          '{"call_summary": "Petra Schmidt fragt, ob Anna Muster schon da war."}')`,
      [a.companyId, PETRA_PHONE],
    );
    await q(
      `INSERT INTO call_function_traces (call_id, function_name, redacted_args, latency_ms, outcome)
       VALUES ('call_anna', 'book_appointment',
               '{"name": "[redacted]", "notiz": "Rückruf an +49 176 5234 0088, Anna Muster"}', 12, 'BOOKED'),
              ('call_withheld', 'book_appointment',
               '{"wunsch": "Frau Muster, anna.muster@example.org"}', 9, 'BOOKED'),
              ('call_petra', 'check_customer', '{"frage": "kommt Anna Muster heute?"}', 7, 'EXISTING')`,
    );
    const [past] = await q(
      `INSERT INTO appointments (company_id, branch_id, staff_id, service_id, customer_id,
                                 starts_at, ends_at, status, source, call_id, idempotency_key,
                                 sync_state, last_sync_error)
       VALUES ($1, $2, $3, $4, $5, '2026-11-02T09:00:00Z', '2026-11-02T09:30:00Z', 'completed',
               'voice', 'call_withheld', 'v1:+4917652340088:0a1b2c', 'synced',
               'Cal.com: attendee Anna Muster <anna.muster@example.org> rejected')
       RETURNING id`,
      [a.companyId, a.branchId, a.staff.mehmet, a.services.herrenhaarschnitt, annaId],
    );
    pastId = past.id;
    await q(
      `INSERT INTO audit_log (company_id, actor, action, entity, entity_id, details)
       VALUES ($1, 'admin:front-desk', 'sync.resolved', 'appointment', $2,
               '{"resolution": "booked_by_hand", "note": "Frau Anna Muster (0176-52340088) angerufen"}')`,
      [a.companyId, pastId],
    );
    // Messages for the salon: one left on Anna's call, a callback asked for from a withheld
    // number giving Anna's, and another caller's message that names her.
    await q(
      `INSERT INTO caller_messages (company_id, branch_id, call_id, kind, body, caller_name,
                                    callback_number, preferred_time, created_at, mail_to, mail_status)
       VALUES ($1, $2, 'call_anna', 'message', 'Bitte die Farbe von Anna Muster notieren',
               'Anna Muster', '+4917652340088', 'morgens', now(), 'salon@example.org', 'sent'),
              ($1, $2, 'call_withheld', 'callback', NULL, 'Frau Muster', '+4917652340088',
               'nach 17 Uhr', now(), NULL, 'not_configured'),
              ($1, $2, 'call_petra', 'message', 'Petra kommt mit Anna Muster zusammen',
               'Petra Schmidt', $3, NULL, now(), NULL, 'not_configured')`,
      [a.companyId, a.branchId, PETRA_PHONE],
    );
    expect((await storedTexts()).filter((s) => mentionsAnna(s.text)).length).toBeGreaterThan(8);
  }, 60_000);
  afterAll(() => t?.close());

  it("answers 404 to another company's key, and through its own company", async () => {
    await t.http
      .delete(`${customers(a)}/${annaId}`)
      .set(as(b.key))
      .expect(404);
    const own = await t.http
      .delete(`${customers(b)}/${annaId}`)
      .set(as(b.key))
      .expect(404);
    expect(own.body.code).toBe('CUSTOMER.NOT_FOUND');
    expect((await q(`SELECT erased_at FROM customers WHERE id = $1`, [annaId]))[0].erased_at).toBe(
      null,
    );
  });

  it('leaves no trace of name, number or e-mail anywhere, and cancels what lies ahead', async () => {
    const res = await t.http
      .delete(`${customers(a)}/${annaId}`)
      .set(as(a.key))
      .expect(200);
    expect(res.body).toEqual({
      id: annaId,
      erasedAt: '2026-11-26T14:00:00.000Z',
      cancelledAppointments: 1,
      clearedCalls: 2,
    });

    const left = (await storedTexts()).filter((s) => mentionsAnna(s.text));
    expect(left).toEqual([]);
    // Anna's own messages are gone; Petra's stays, without Anna's name.
    const messages = await q(
      `SELECT call_id, caller_name FROM caller_messages WHERE company_id = $1 ORDER BY call_id`,
      [a.companyId],
    );
    expect(messages).toEqual([{ call_id: 'call_petra', caller_name: 'Petra Schmidt' }]);

    const [future] = await q(`SELECT status FROM appointments WHERE id = $1`, [futureId]);
    expect(future.status).toBe('cancelled');
    const outbox = await q(`SELECT action FROM sync_outbox WHERE appointment_id = $1 ORDER BY id`, [
      futureId,
    ]);
    expect(outbox).toEqual([{ action: 'create' }, { action: 'cancel' }]);

    const [past] = await q(
      `SELECT status, starts_at, staff_id, service_id, customer_id FROM appointments WHERE id = $1`,
      [pastId],
    );
    expect(past).toEqual({
      status: 'completed',
      starts_at: new Date('2026-11-02T09:00:00Z'),
      staff_id: a.staff.mehmet,
      service_id: a.services.herrenhaarschnitt,
      customer_id: annaId,
    });

    const erased = await q(
      `SELECT actor, details FROM audit_log WHERE action = 'customer.erased' AND entity_id = $1`,
      [annaId],
    );
    expect(erased).toEqual([
      { actor: `admin:${a.keyId}`, details: { cancelledAppointments: 1, clearedCalls: 2 } },
    ]);
    await t.http
      .get(`${customers(a)}/${annaId}`)
      .set(as(a.key))
      .expect(404);
  });

  it('leaves the other customers as they were', async () => {
    const petra = await t.http
      .get(`${customers(a)}/${a.customerId}`)
      .set(as(a.key))
      .expect(200);
    expect(petra.body).toMatchObject({ name: 'Petra Schmidt', phone: PETRA_PHONE });
    const [appointment] = await q(`SELECT status FROM appointments WHERE id = $1`, [
      petraAppointmentId,
    ]);
    expect(appointment.status).toBe('scheduled');
    const [call] = await q(`SELECT from_number, analysis FROM calls WHERE id = 'call_petra'`);
    expect(call).toEqual({
      from_number: PETRA_PHONE,
      analysis: { call_summary: 'Petra Schmidt fragt, ob [erased] schon da war.' },
    });
    const theirs = await t.http.get(customers(b)).set(as(b.key)).expect(200);
    expect(theirs.body.items).toEqual([
      expect.objectContaining({ name: 'Petra Schmidt', phone: PETRA_PHONE }),
    ]);
  });

  it('erasing again changes nothing and answers the first erasure', async () => {
    const again = await t.http
      .delete(`${customers(a)}/${annaId}`)
      .set(as(a.key))
      .expect(200);
    expect(again.body).toEqual({
      id: annaId,
      erasedAt: '2026-11-26T14:00:00.000Z',
      cancelledAppointments: 0,
      clearedCalls: 0,
    });
    const [{ n }] = await q(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.erased'`,
    );
    expect(n).toBe(1);
  });
});
