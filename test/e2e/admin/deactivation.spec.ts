import { sign } from 'retell-sdk';
import { SALON_CATALOG, SalonCatalog } from '../../../src/application/ports/salon-catalog.port';
import { AdminTestApp, startAdminApp } from './admin-app';
import { as, book, friday, Tenant, tenant } from './admin-world';

const RETELL_KEY = 'key_retell_deactivation_0123456789';
const LINE = '+4930111111';

/** Inactive branches, staff and services: not offered on the phone nor bookable; appointments stay. */
describe('admin deactivation of branches, staff and services', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let base: string;
  let catalog: SalonCatalog;
  let booked: string;
  const q = (sql: string, params: unknown[] = []) => t.ds.query(sql, params);

  const callSalon = async () => {
    const body = JSON.stringify({
      name: 'get_current_context',
      args: {},
      call: {
        call_id: 'call_deactivation_0001',
        call_type: 'phone_call',
        direction: 'inbound',
        from_number: '+4915112345678',
        to_number: LINE,
        call_status: 'ongoing',
      },
    });
    const res = await t.http
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(body, RETELL_KEY))
      .send(body);
    expect(res.status).toBe(200);
    expect(res.body.code).not.toMatch(/^INTERNAL/);
    return res.body.code as string;
  };
  const bookAt = (staffId: string, service: string, hhmm: string) =>
    t.http
      .post(`${base}/appointments`)
      .set(as(a.key))
      .send({
        staffId,
        serviceId: a.services[service],
        customerId: a.customerId,
        start: friday(hhmm),
      });
  const statusOf = async (id: string) =>
    (await q(`SELECT status FROM appointments WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    t = await startAdminApp({ RETELL_API_KEY: RETELL_KEY });
    a = await tenant(t, 'salon-a', LINE);
    base = `/api/admin/companies/${a.companyId}`;
    catalog = t.app.get(SALON_CATALOG);
    booked = await book(t, a, a.staff.mehmet, 'herrenhaarschnitt', friday('10:00'));
  }, 60_000);
  afterAll(() => t?.close());

  it('an inactive stylist is not offered nor bookable; their appointment stays', async () => {
    await t.http
      .patch(`${base}/staff/${a.staff.mehmet}`)
      .set(as(a.key))
      .send({ active: false })
      .expect(200);
    const salon = await catalog.branchContext(a.branchId);
    expect(salon?.staff.map((s) => s.id)).not.toContain(a.staff.mehmet);
    const refused = await bookAt(a.staff.mehmet, 'herrenhaarschnitt', '12:00');
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('STAFF.NOT_FOUND');
    expect(await statusOf(booked)).toBe('scheduled');
    await t.http
      .patch(`${base}/staff/${a.staff.mehmet}`)
      .set(as(a.key))
      .send({ active: true })
      .expect(200);
  });

  it('an inactive service is not offered nor bookable; its appointment stays', async () => {
    await t.http
      .patch(`${base}/services/${a.services.herrenhaarschnitt}`)
      .set(as(a.key))
      .send({ active: false })
      .expect(200);
    const salon = await catalog.branchContext(a.branchId);
    expect(salon?.services.map((s) => s.id)).not.toContain(a.services.herrenhaarschnitt);
    const refused = await bookAt(a.staff.mehmet, 'herrenhaarschnitt', '12:00');
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('SERVICE.NOT_FOUND');
    expect(await statusOf(booked)).toBe('scheduled');
    await t.http
      .patch(`${base}/services/${a.services.herrenhaarschnitt}`)
      .set(as(a.key))
      .send({ active: true })
      .expect(200);
  });

  it('an inactive branch stops answering and booking; its appointments stay; it comes back', async () => {
    expect(await callSalon()).not.toBe('RETELL.UNKNOWN_SALON');
    const off = await t.http
      .patch(`${base}/branches/${a.branchId}`)
      .set(as(a.key))
      .send({ active: false })
      .expect(200);
    expect(off.body).toMatchObject({ id: a.branchId, active: false, phoneNumbers: [LINE] });

    expect(await callSalon()).toBe('RETELL.UNKNOWN_SALON');
    expect((await bookAt(a.staff.lena, 'damenhaarschnitt', '12:00')).status).toBe(404);
    expect(await statusOf(booked)).toBe('scheduled');
    await t.http.post(`${base}/appointments/${booked}/cancel`).set(as(a.key)).expect(200);

    await t.http
      .patch(`${base}/branches/${a.branchId}`)
      .set(as(a.key))
      .send({ active: true })
      .expect(200);
    expect(await callSalon()).not.toBe('RETELL.UNKNOWN_SALON');
    expect((await bookAt(a.staff.lena, 'damenhaarschnitt', '12:00')).status).toBe(201);
  });
});
