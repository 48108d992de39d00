import { AdminTestApp, demoSalonFile, FIXED_NOW, startAdminApp } from './admin-app';
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

  it('refuses a misspelt field with its path and the field it likely meant', async () => {
    const file = demoSalonFile('christmas', '+4930777777') as unknown as FileShape & {
      branches: Array<Record<string, unknown>>;
    };
    file.branches[0].closedDate = ['2026-12-24'];
    const res = await t.http.post('/api/admin/salon-files').set(asBootstrap).send(file).expect(400);
    const problem = 'property closedDate should not exist; did you mean "closedDates"?';
    expect(res.body).toMatchObject({
      code: 'SALON_FILE.INVALID',
      problems: [{ field: 'branches[0].closedDate', problem }],
      fields: [{ field: 'branches[0].closedDate', problems: [problem] }],
    });
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM companies WHERE slug = 'christmas'`,
    );
    expect(n).toBe(0);
  });

  it('audits an import as the same changes made route by route, by the importing key', async () => {
    const imported = await t.http
      .post('/api/admin/salon-files')
      .set(asBootstrap)
      .send(demoSalonFile('audited', '+4930888888'))
      .expect(201);
    const { companyId, branchIds, serviceIds, staffIds } = imported.body;
    const rows: Array<{ action: string; entity_id: string; actor: string; at: Date }> =
      await t.ds.query(
        `SELECT action, entity_id, actor, at FROM audit_log WHERE company_id = $1 ORDER BY id`,
        [companyId],
      );
    const ids = (m: Record<string, string>) => Object.values(m).sort();
    const of = (action: string) =>
      rows
        .filter((r) => r.action === action)
        .map((r) => r.entity_id)
        .sort();
    expect(of('company.created')).toEqual([companyId]);
    expect(of('branch.created')).toEqual(ids(branchIds));
    expect(of('service.created')).toEqual(ids(serviceIds));
    expect(of('staff.created')).toEqual(ids(staffIds));
    expect(rows).toHaveLength(1 + 1 + 6 + 3);
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set(['admin:bootstrap']));
    expect(new Set(rows.map((r) => new Date(r.at).toISOString()))).toEqual(new Set([FIXED_NOW]));
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
