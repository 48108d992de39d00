import { AdminTestApp, startAdminApp } from './admin-app';
import { as, Tenant, tenant } from './admin-world';

/**
 * Whether a service may be done inside an earlier service's processing time in one visit:
 * set through the service routes as through the salon file, and read back by both.
 */
describe('admin API: a service done during processing time', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
  }, 60_000);
  afterAll(() => t?.close());

  const services = (who: Tenant) => `/api/admin/companies/${who.companyId}/services`;
  const stored = async (id: string): Promise<boolean> => {
    const [row] = await t.ds.query(`SELECT during_processing FROM services WHERE id = $1`, [id]);
    return row.during_processing;
  };

  it('creates a service marked, unmarks and marks it again; the salon file says so', async () => {
    const created = await t.http
      .post(services(a))
      .set(as(a.key))
      .send({ name: 'Kopfmassage', durationMinutes: 15, duringProcessing: true })
      .expect(201);
    expect(created.body.duringProcessing).toBe(true);
    const id = created.body.id;
    expect(await stored(id)).toBe(true);

    const off = await t.http
      .patch(`${services(a)}/${id}`)
      .set(as(a.key))
      .send({ duringProcessing: false })
      .expect(200);
    expect(off.body.duringProcessing).toBe(false);
    expect(await stored(id)).toBe(false);

    await t.http
      .patch(`${services(a)}/${id}`)
      .set(as(a.key))
      .send({ duringProcessing: true })
      .expect(200);
    // Another change leaves the mark as it is.
    const renamed = await t.http
      .patch(`${services(a)}/${id}`)
      .set(as(a.key))
      .send({ name: 'Kopfmassage mit Öl' })
      .expect(200);
    expect(renamed.body.duringProcessing).toBe(true);

    const file = await t.http
      .get(`/api/admin/companies/${a.companyId}/salon-file`)
      .set(as(a.key))
      .expect(200);
    const massage = file.body.services.find(
      (s: { name: string }) => s.name === 'Kopfmassage mit Öl',
    );
    expect(massage.duringProcessing).toBe(true);
  });

  it('a new service is not marked unless asked', async () => {
    const created = await t.http
      .post(services(a))
      .set(as(a.key))
      .send({ name: 'Pony schneiden', durationMinutes: 15 })
      .expect(201);
    expect(created.body.duringProcessing).toBe(false);
    expect(await stored(created.body.id)).toBe(false);
  });

  it('a service with processing time of its own may be marked too', async () => {
    // Its whole span, waiting included, must then fit into the earlier service's gap.
    const created = await t.http
      .post(services(a))
      .set(as(a.key))
      .send({
        name: 'Kur mit Einwirken',
        segments: [
          { minutes: 5, staffBusy: true },
          { minutes: 10, staffBusy: false },
          { minutes: 5, staffBusy: true },
        ],
        duringProcessing: true,
      })
      .expect(201);
    expect(created.body.duringProcessing).toBe(true);
  });

  it.each([
    [{ duringProcessing: 'true' }],
    [{ duringProcessing: 'ja' }],
    [{ duringProcessing: 1 }],
    [{ duringProcessing: 0 }],
    [{ duringProcessing: null }],
    [{ duringProcessing: [true] }],
    [{ duringProcessing: { value: true } }],
    [{ duringProcessing: 'x'.repeat(10_000) }],
  ])('refuses change #%# with 400 naming the field, nothing changed', async (change) => {
    const path = `${services(a)}/${a.services.foehnen}`;
    const before = await t.http.get(path).set(as(a.key));
    const res = await t.http
      .patch(path)
      .set(as(a.key))
      .set('content-type', 'application/json')
      .send(JSON.stringify(change));
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('duringProcessing');
    const after = await t.http.get(path).set(as(a.key));
    expect(after.body).toEqual(before.body);
  });

  it('refuses a new service with a mistyped mark, nothing stored', async () => {
    for (const duringProcessing of ['yes', null, 1]) {
      const res = await t.http
        .post(services(a))
        .set(as(a.key))
        .send({ name: 'Fehlversuch', durationMinutes: 20, duringProcessing });
      expect(res.status).toBe(400);
    }
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM services WHERE name = $1`, [
      'Fehlversuch',
    ]);
    expect(n).toBe(0);
  });

  it('the OpenAPI document offers the mark on create and change', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    for (const name of ['CreateServiceDto', 'UpdateServiceDto']) {
      const field = doc.components.schemas[name].properties.duringProcessing;
      expect(field).toMatchObject({ type: 'boolean' });
      expect(field.description).toMatch(/processing time/);
    }
  });

  it("another company's key cannot mark a service (404), and it stays unmarked", async () => {
    const id = a.services.foehnen;
    const before = await stored(id);
    for (const path of [
      `${services(a)}/${id}`,
      `/api/admin/companies/${b.companyId}/services/${id}`,
    ]) {
      const res = await t.http.patch(path).set(as(b.key)).send({ duringProcessing: !before });
      expect(res.status).toBe(404);
    }
    expect(await stored(id)).toBe(before);
  });
});
