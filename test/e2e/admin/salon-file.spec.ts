import { AdminTestApp, demoSalonFile, startAdminApp } from './admin-app';
import { as, asBootstrap, Tenant, tenant } from './admin-world';

interface FileShape {
  company: { name: string; slug: string };
  branches: Array<{ phoneNumbers: string[] }>;
  services: unknown[];
  staff: unknown[];
}

/** Salon files in and out: import names every problem; an export imports again unchanged. */
describe('admin salon files', () => {
  let t: AdminTestApp;
  let a: Tenant;

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
  }, 60_000);
  afterAll(() => t?.close());

  it('answers 400 listing each field problem, and writes nothing', async () => {
    const file = demoSalonFile('broken', '0301234') as unknown as FileShape & {
      services: Array<Record<string, unknown>>;
    };
    file.services[0].durationMinutes = 600;
    file.company.name = '';
    const [{ n: before }] = await t.ds.query(`SELECT count(*)::int AS n FROM companies`);
    const res = await t.http.post('/api/admin/salon-files').set(asBootstrap).send(file).expect(400);
    expect(res.body.code).toBe('SALON_FILE.INVALID');
    const fields = res.body.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'company.name',
        'branches[0].phoneNumbers[0]',
        'services[0].durationMinutes',
      ]),
    );
    const again = await t.http
      .post('/api/admin/salon-files')
      .set(asBootstrap)
      .send(demoSalonFile('salon-a', '+4930111111'))
      .expect(400);
    expect(again.body.problems.map((p: { field: string }) => p.field)).toEqual([
      'company.slug',
      'branches.phoneNumbers',
    ]);
    const [{ n: after }] = await t.ds.query(`SELECT count(*)::int AS n FROM companies`);
    expect(after).toBe(before);
  });

  it('exports a file that imports into the same salon again', async () => {
    const exported = await t.http
      .get(`/api/admin/companies/${a.companyId}/salon-file`)
      .set(as(a.key))
      .expect(200);
    const file = exported.body as FileShape;
    expect(file.company.slug).toBe('salon-a');
    expect(file.staff).toHaveLength(3);
    expect(file.services).toHaveLength(6);

    const copy: FileShape = JSON.parse(JSON.stringify(file));
    copy.company.slug = 'salon-a-copy';
    copy.branches[0].phoneNumbers = ['+4930999999'];
    const imported = await t.http
      .post('/api/admin/salon-files')
      .set(asBootstrap)
      .send(copy)
      .expect(201);
    const reexported = await t.http
      .get(`/api/admin/companies/${imported.body.companyId}/salon-file`)
      .set(asBootstrap)
      .expect(200);
    expect(reexported.body).toEqual(copy);

    const original = demoSalonFile('salon-a', '+4930111111') as unknown as FileShape;
    expect(file.company).toEqual(original.company);
    expect(JSON.stringify(file)).toContain('Spülen und Fixieren');
  });
});
