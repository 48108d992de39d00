import { AdminTestApp, startAdminApp } from './admin-app';
import { as, book, friday, settle, Tenant, tenant } from './admin-world';

/** Staff-side bookings: the phone path's rules and guarantees, through the admin API. */
describe('admin appointments', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let base: string;
  const q = (sql: string, params: unknown[] = []) => t.ds.query(sql, params);
  const booking = (staffId: string, service: string, start: string) => ({
    staffId,
    serviceId: a.services[service],
    customerId: a.customerId,
    start,
  });

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    base = `/api/admin/companies/${a.companyId}/appointments`;
  }, 60_000);
  afterAll(() => t?.close());

  it('books with an outbox entry and an audit entry naming the key', async () => {
    const res = await t.http
      .post(base)
      .set(as(a.key))
      .send(booking(a.staff.mehmet, 'herrenhaarschnitt', friday('10:00')))
      .expect(201);
    expect(res.body).toMatchObject({
      staffId: a.staff.mehmet,
      start: '2026-11-27T09:00:00.000Z',
      end: '2026-11-27T09:30:00.000Z',
      status: 'scheduled',
      source: 'admin',
      syncState: 'pending',
    });
    const outbox = await q(`SELECT action FROM sync_outbox WHERE appointment_id = $1`, [
      res.body.id,
    ]);
    expect(outbox).toEqual([{ action: 'create' }]);
    const audit = await q(
      `SELECT actor FROM audit_log WHERE entity_id = $1 AND action = 'appointment.booked'`,
      [res.body.id],
    );
    expect(audit).toEqual([{ actor: `admin:${a.keyId}` }]);
  });

  it('refuses a booked slot with 409 AVAILABILITY.SLOT_TAKEN', async () => {
    const res = await t.http
      .post(base)
      .set(as(a.key))
      .send(booking(a.staff.mehmet, 'herrenhaarschnitt', friday('10:15')))
      .expect(409);
    expect(res.body).toEqual({ code: 'AVAILABILITY.SLOT_TAKEN', message: expect.any(String) });
  });

  it("refuses a slot a caller's live hold keeps with 409", async () => {
    const [{ id: holdId }] = await q(
      `INSERT INTO holds(company_id, call_id, staff_id, service_id, starts_at, expires_at)
       VALUES ($1, 'call_live', $2, $3, $4, $5) RETURNING id`,
      [
        a.companyId,
        a.staff.mehmet,
        a.services.herrenhaarschnitt,
        friday('12:00'),
        '2026-11-26T14:03:00Z',
      ],
    );
    await q(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, hold_id, expires_at)
       VALUES ($1, $2, 'hold', tstzrange($3, $4, '[)'), $5, '2026-11-26T14:03:00Z')`,
      [a.companyId, a.staff.mehmet, friday('12:00'), friday('12:30'), holdId],
    );
    const res = await t.http
      .post(base)
      .set(as(a.key))
      .send(booking(a.staff.mehmet, 'herrenhaarschnitt', friday('12:00')))
      .expect(409);
    expect(res.body.code).toBe('AVAILABILITY.SLOT_TAKEN');
  });

  it('applies opening hours, closed days and who offers what (422)', async () => {
    const refused = async (body: object, code: string) => {
      const res = await t.http.post(base).set(as(a.key)).send(body).expect(422);
      expect(res.body.code).toBe(code);
    };
    await refused(
      booking(a.staff.mehmet, 'herrenhaarschnitt', friday('19:00')),
      'AVAILABILITY.OUTSIDE_OPENING_HOURS',
    );
    await refused(
      booking(a.staff.mehmet, 'herrenhaarschnitt', '2026-11-30T10:00:00+01:00'),
      'AVAILABILITY.CLOSED_DAY',
    );
    await refused(
      booking(a.staff.mehmet, 'dauerwelle', friday('14:00')),
      'AVAILABILITY.SERVICE_NOT_OFFERED',
    );
  });

  it('fits a cut into a perm’s processing gap, never over its busy steps', async () => {
    await book(t, a, a.staff.anna, 'dauerwelle', friday('10:00'));
    await t.http
      .post(base)
      .set(as(a.key))
      .send(booking(a.staff.anna, 'herrenhaarschnitt', friday('10:35')))
      .expect(201);
    const res = await t.http
      .post(base)
      .set(as(a.key))
      .send(booking(a.staff.anna, 'herrenhaarschnitt', friday('11:00')))
      .expect(409);
    expect(res.body.code).toBe('AVAILABILITY.SLOT_TAKEN');
  });

  it('moves all phases or none', async () => {
    const id = await book(t, a, a.staff.lena, 'dauerwelle', friday('14:00'));
    await book(t, a, a.staff.lena, 'damenhaarschnitt', friday('17:00'));
    const blocks = () =>
      q(
        `SELECT lower(during) AS s, upper(during) AS e FROM busy_blocks
          WHERE appointment_id = $1 AND active ORDER BY 1`,
        [id],
      );
    const before = await blocks();
    const refused = await t.http
      .post(`${base}/${id}/move`)
      .set(as(a.key))
      .send({ start: friday('16:00') })
      .expect(409);
    expect(refused.body.code).toBe('AVAILABILITY.SLOT_TAKEN');
    expect(await blocks()).toEqual(before);
    expect(
      await q(`SELECT 1 FROM sync_outbox WHERE appointment_id = $1 AND action = 'reschedule'`, [
        id,
      ]),
    ).toEqual([]);

    const moved = await t.http
      .post(`${base}/${id}/move`)
      .set(as(a.key))
      .send({ start: friday('09:00') })
      .expect(200);
    expect(moved.body.start).toBe('2026-11-27T08:00:00.000Z');
    expect((await blocks()).map((b: { s: Date }) => b.s.toISOString())).toEqual([
      '2026-11-27T08:00:00.000Z',
      '2026-11-27T09:10:00.000Z',
      '2026-11-27T09:40:00.000Z',
    ]);
    const [{ action }] = await q(
      `SELECT action FROM sync_outbox WHERE appointment_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(action).toBe('reschedule');
  });

  it('cancels once, frees the time, and refuses a second cancel with 409', async () => {
    const id = await book(t, a, a.staff.mehmet, 'kinderhaarschnitt', friday('15:00'));
    const res = await t.http.post(`${base}/${id}/cancel`).set(as(a.key)).expect(200);
    expect(res.body.status).toBe('cancelled');
    const [{ n }] = await q(
      `SELECT count(*)::int AS n FROM busy_blocks WHERE appointment_id = $1 AND active`,
      [id],
    );
    expect(n).toBe(0);
    await book(t, a, a.staff.mehmet, 'herrenhaarschnitt', friday('15:00'));
    const again = await t.http.post(`${base}/${id}/cancel`).set(as(a.key)).expect(409);
    expect(again.body.code).toBe('APPOINTMENT.ILLEGAL_STATUS_TRANSITION');
  });

  it('lists with date range, stylist, status and sync-state filters and a total', async () => {
    await settle(t);
    const list = (query: string) =>
      t.http
        .get(`${base}?${query}`)
        .set(as(a.key))
        .expect(200)
        .then((r) => r.body);
    const all = await list('pageSize=100');
    expect(all.total).toBe(all.items.length);
    const mehmet = await list(`staffId=${a.staff.mehmet}`);
    expect(mehmet.items.every((x: { staffId: string }) => x.staffId === a.staff.mehmet)).toBe(true);
    const cancelled = await list('status=cancelled');
    expect(cancelled.total).toBe(1);
    const morning = await list(
      `from=${encodeURIComponent(friday('09:00'))}&to=${encodeURIComponent(friday('10:30'))}`,
    );
    expect(morning.items.map((x: { start: string }) => x.start)).toEqual([
      '2026-11-27T08:00:00.000Z',
      '2026-11-27T09:00:00.000Z',
      '2026-11-27T09:00:00.000Z',
    ]);
    const state = all.items[0].syncState;
    const bySync = await list(`syncState=${state}&pageSize=1`);
    expect(bySync.items).toHaveLength(1);
    expect(bySync.total).toBe(
      all.items.filter((x: { syncState: string }) => x.syncState === state).length,
    );
  });
});
