import { AdminTestApp, demoSalonFile, startAdminApp } from './admin-app';
import { as, asBootstrap, Tenant, tenant } from './admin-world';

/**
 * Whether a branch lets a visit's services go to different stylists: off unless the salon says
 * so, set through the branch routes as through the salon file, and read back by both.
 */
describe('admin API: a branch that lets stylists share a visit', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
  }, 60_000);
  afterAll(() => t?.close());

  const branch = (who: Tenant, id = who.branchId) =>
    `/api/admin/companies/${who.companyId}/branches/${id}`;
  const fileWith = (slug: string, phone: string, splitVisits: unknown) => {
    const file = demoSalonFile(slug, phone) as { branches: Array<Record<string, unknown>> };
    file.branches[0].splitVisits = splitVisits;
    return file;
  };
  const stored = async (id: string): Promise<boolean> => {
    const [row] = await t.ds.query(`SELECT split_visits FROM branches WHERE id = $1`, [id]);
    return row.split_visits;
  };

  it('is on as the demo salon file asks, switched off and on, and the salon file says so', async () => {
    const first = await t.http.get(branch(a)).set(as(a.key)).expect(200);
    expect(first.body.splitVisits).toBe(true);

    const off = await t.http
      .patch(branch(a))
      .set(as(a.key))
      .send({ splitVisits: false })
      .expect(200);
    expect(off.body.splitVisits).toBe(false);
    expect(await stored(a.branchId)).toBe(false);
    // Another change leaves it as it is.
    const renamed = await t.http
      .patch(branch(a))
      .set(as(a.key))
      .send({ name: 'Haarmonie Mitte' })
      .expect(200);
    expect(renamed.body.splitVisits).toBe(false);
    const offFile = await t.http
      .get(`/api/admin/companies/${a.companyId}/salon-file`)
      .set(as(a.key))
      .expect(200);
    // Off is the default, and a default is left out of the file.
    expect(offFile.body.branches[0].splitVisits).toBeUndefined();

    await t.http.patch(branch(a)).set(as(a.key)).send({ splitVisits: true }).expect(200);
    expect(await stored(a.branchId)).toBe(true);
    const onFile = await t.http
      .get(`/api/admin/companies/${a.companyId}/salon-file`)
      .set(as(a.key))
      .expect(200);
    expect(onFile.body.branches[0].splitVisits).toBe(true);
  });

  it('a new branch is off unless asked; on when asked', async () => {
    const hours = { mon: [{ from: '09:00', to: '18:00' }] };
    const plain = await t.http
      .post(`/api/admin/companies/${a.companyId}/branches`)
      .set(as(a.key))
      .send({ name: 'Filiale Nord', openingHours: hours })
      .expect(201);
    expect(plain.body.splitVisits).toBe(false);
    const sharing = await t.http
      .post(`/api/admin/companies/${a.companyId}/branches`)
      .set(as(a.key))
      .send({ name: 'Filiale Süd', openingHours: hours, splitVisits: true })
      .expect(201);
    expect(sharing.body.splitVisits).toBe(true);
    expect(await stored(sharing.body.id)).toBe(true);
  });

  it('a salon file switches it on at import', async () => {
    const file = fileWith('salon-c', '+4930333333', true);
    const imported = await t.http.post('/api/admin/salon-files').set(asBootstrap).send(file);
    expect(imported.status).toBe(201);
    expect(await stored(imported.body.branchIds.mitte)).toBe(true);
  });

  it('a salon file that does not say it imports the branch off', async () => {
    const file = fileWith('salon-e', '+4930555555', undefined);
    expect(JSON.stringify(file)).not.toContain('splitVisits');
    const imported = await t.http.post('/api/admin/salon-files').set(asBootstrap).send(file);
    expect(imported.status).toBe(201);
    expect(await stored(imported.body.branchIds.mitte)).toBe(false);
  });

  it.each([['ja'], ['true'], [1], [[true]], [{ on: true }], ['x'.repeat(10_000)]])(
    'a salon file with splitVisits #%# is refused at that field',
    async (value) => {
      const file = fileWith('salon-d', '+4930444444', value);
      const res = await t.http.post('/api/admin/salon-files').set(asBootstrap).send(file);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('branches[0].splitVisits');
    },
  );

  it.each([
    [{ splitVisits: 'true' }],
    [{ splitVisits: 'ja' }],
    [{ splitVisits: 1 }],
    [{ splitVisits: [true] }],
    // "No answer" is not "false": a silent no-op would leave the operator believing it is off.
    [{ splitVisits: null }],
  ])('refuses change %j with 400 naming the field, nothing changed', async (change) => {
    const before = await t.http.get(branch(a)).set(as(a.key));
    const res = await t.http
      .patch(branch(a))
      .set(as(a.key))
      .set('content-type', 'application/json')
      .send(JSON.stringify(change));
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('splitVisits');
    const after = await t.http.get(branch(a)).set(as(a.key));
    expect(after.body).toEqual(before.body);
  });

  it('the OpenAPI document offers it on create, change and answer', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    for (const name of ['CreateBranchDto', 'UpdateBranchDto', 'BranchResponse']) {
      const field = doc.components.schemas[name].properties.splitVisits;
      expect(field).toMatchObject({ type: 'boolean' });
      expect(field.description).toMatch(/different stylists/);
    }
  });

  it("another company's key cannot switch it (404), and it stays as it was", async () => {
    await t.http.patch(branch(a)).set(as(a.key)).send({ splitVisits: false }).expect(200);
    for (const path of [branch(a), branch(b, a.branchId)]) {
      const res = await t.http.patch(path).set(as(b.key)).send({ splitVisits: true });
      expect(res.status).toBe(404);
    }
    expect(await stored(a.branchId)).toBe(false);
  });
});
