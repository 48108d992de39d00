import { AdminTestApp, startAdminApp } from './admin-app';
import { as, book, friday, Tenant, tenant } from './admin-world';

const ANNA = { name: 'Anna Muster', phone: '+4917652340088', email: 'anna.muster@example.org' };

/** Export of everything stored about a customer (GDPR Art. 15) on real Postgres. */
describe('admin customer export', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  let annaId: string;
  let futureId: string;
  let pastId: string;
  const q = (sql: string, params: unknown[] = []) => t.ds.query(sql, params);
  const exportOf = (who: Tenant, id: string) =>
    `/api/admin/companies/${who.companyId}/customers/${id}/export`;

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
    const created = await t.http
      .post(`/api/admin/companies/${a.companyId}/customers`)
      .set(as(a.key))
      .send({ ...ANNA, recognitionConsent: true })
      .expect(201);
    annaId = created.body.id;
    const anna = { ...a, customerId: annaId };
    futureId = await book(t, anna, a.staff.mehmet, 'herrenhaarschnitt', friday('10:00'));
    await book(t, a, a.staff.lena, 'damenhaarschnitt', friday('10:00')); // Petra's
    await q(
      `INSERT INTO calls (id, company_id, from_number, to_number, status, started_at, analysis)
       VALUES ('call_anna', $1, '0176 52340088', '+4930111111', 'ended', '2026-11-01T10:00:00Z',
               '{"call_summary": "Termin gebucht"}'),
              ('call_withheld', $1, 'anonymous', '+4930111111', 'ended', '2026-11-01T11:00:00Z', NULL),
              ('call_petra', $1, '+4915112345678', '+4930111111', 'ended', '2026-11-01T12:00:00Z', NULL)`,
      [a.companyId],
    );
    await q(
      `INSERT INTO call_function_traces (call_id, function_name, redacted_args, latency_ms, outcome, at)
       VALUES ('call_anna', 'check_customer', '{}', 5, 'EXISTING', '2026-11-01T10:00:05Z'),
              ('call_anna', 'book_appointment', '{"datum": "morgen"}', 12, 'BOOKED', '2026-11-01T10:01:00Z'),
              ('call_petra', 'check_customer', '{}', 7, 'EXISTING', '2026-11-01T12:00:05Z')`,
    );
    const [past] = await q(
      `INSERT INTO appointments (company_id, branch_id, staff_id, service_id, customer_id,
                                 starts_at, ends_at, status, source, call_id, sync_state)
       VALUES ($1, $2, $3, $4, $5, '2026-11-02T09:00:00Z', '2026-11-02T09:30:00Z', 'completed',
               'voice', 'call_withheld', 'synced')
       RETURNING id`,
      [a.companyId, a.branchId, a.staff.mehmet, a.services.herrenhaarschnitt, annaId],
    );
    pastId = past.id;
    await q(
      `INSERT INTO appointment_phases (appointment_id, sequence, starts_at, ends_at, staff_busy)
       VALUES ($1, 1, '2026-11-02T09:00:00Z', '2026-11-02T09:30:00Z', true)`,
      [pastId],
    );
    await q(
      `INSERT INTO audit_log (company_id, actor, action, entity, entity_id, details, at)
       VALUES ($1, 'call:call_anna', 'callback.requested', 'call', 'call_anna', '{}', '2026-11-01T10:02:00Z'),
              ($1, 'call:call_petra', 'callback.requested', 'call', 'call_petra', '{}', '2026-11-01T12:02:00Z')`,
      [a.companyId],
    );
    await q(
      `INSERT INTO customer_consent_log (company_id, customer_id, given, source, call_id, recorded_at)
       VALUES ($1, $2, true, 'book_appointment', 'call_anna', '2026-11-01T10:01:00Z'),
              ($1, $2, false, 'forget_my_number', 'call_anna', '2026-11-03T08:00:00Z')`,
      [a.companyId, annaId],
    );
    await q(
      `INSERT INTO caller_messages (company_id, branch_id, call_id, kind, body, caller_name,
                                    callback_number, preferred_time, created_at, mail_status)
       VALUES ($1, $2, 'call_anna', 'message', 'Bitte Farbe notieren', 'Anna Muster', NULL, NULL,
               '2026-11-01T10:03:00Z', 'not_configured'),
              ($1, $2, 'call_withheld', 'callback', NULL, NULL, '+4917652340088', 'nach 17 Uhr',
               '2026-11-01T11:03:00Z', 'not_configured'),
              ($1, $2, 'call_petra', 'message', 'Petra fragt nach Preisen', 'Petra Schmidt',
               '+4915112345678', NULL, '2026-11-01T12:03:00Z', 'not_configured')`,
      [a.companyId, a.branchId],
    );
  }, 60_000);
  afterAll(() => t?.close());

  it('answers everything stored about the customer, and nobody else', async () => {
    const res = await t.http.get(exportOf(a, annaId)).set(as(a.key)).expect(200);
    expect(res.body.exportedAt).toBe('2026-11-26T14:00:00.000Z');
    expect(res.body.customer).toMatchObject({ id: annaId, ...ANNA, recognitionConsent: true });

    expect(res.body.appointments.map((x: { id: string }) => x.id)).toEqual([pastId, futureId]);
    expect(res.body.appointments[0]).toMatchObject({
      status: 'completed',
      phases: [expect.objectContaining({ start: '2026-11-02T09:00:00.000Z' })],
    });
    expect(res.body.appointments[1]).toMatchObject({
      status: 'scheduled',
      phases: [expect.objectContaining({ staffBusy: true })],
    });

    expect(res.body.calls).toEqual([
      expect.objectContaining({
        id: 'call_anna',
        fromNumber: '0176 52340088',
        analysis: { call_summary: 'Termin gebucht' },
        functionCalls: [
          expect.objectContaining({ name: 'check_customer', outcome: 'EXISTING' }),
          expect.objectContaining({ name: 'book_appointment', args: { datum: 'morgen' } }),
        ],
      }),
      expect.objectContaining({ id: 'call_withheld', fromNumber: 'anonymous', functionCalls: [] }),
    ]);

    const audit = res.body.audit.map((e: { action: string; entityId: string }) => [
      e.action,
      e.entityId,
    ]);
    expect(audit).toEqual(
      expect.arrayContaining([
        ['customer.created', annaId],
        ['appointment.booked', futureId],
        ['callback.requested', 'call_anna'],
      ]),
    );
    expect(res.body.consentChanges).toEqual([
      {
        given: true,
        source: 'book_appointment',
        callId: 'call_anna',
        at: '2026-11-01T10:01:00.000Z',
      },
      {
        given: false,
        source: 'forget_my_number',
        callId: 'call_anna',
        at: '2026-11-03T08:00:00.000Z',
      },
    ]);
    // Her own call's message, and the callback asked for (withheld) to her number.
    expect(res.body.messages).toEqual([
      expect.objectContaining({
        kind: 'message',
        callId: 'call_anna',
        text: 'Bitte Farbe notieren',
      }),
      expect.objectContaining({
        kind: 'callback',
        callId: 'call_withheld',
        callbackNumber: '+4917652340088',
        preferredTime: 'nach 17 Uhr',
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('call_petra');
    expect(JSON.stringify(res.body)).not.toContain('Petra');
  });

  it('is audited with the customer id only', async () => {
    const rows = await q(
      `SELECT details FROM audit_log WHERE action = 'customer.exported' AND entity_id = $1`,
      [annaId],
    );
    expect(rows).toEqual([{ details: { appointments: 2, calls: 2 } }]);
  });

  it("answers 404 to another company's key and through its own company", async () => {
    await t.http.get(exportOf(a, annaId)).set(as(b.key)).expect(404);
    const own = await t.http.get(exportOf(b, annaId)).set(as(b.key)).expect(404);
    expect(own.body.code).toBe('CUSTOMER.NOT_FOUND');
  });

  it('answers 404 once the customer is erased', async () => {
    await t.http
      .delete(`/api/admin/companies/${a.companyId}/customers/${annaId}`)
      .set(as(a.key))
      .expect(200);
    await t.http.get(exportOf(a, annaId)).set(as(a.key)).expect(404);
  });
});
