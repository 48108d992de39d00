import { AdminTestApp, startAdminApp } from './admin-app';
import { as, Tenant, tenant } from './admin-world';

/**
 * Issue 14, item 10: an unknown field in an admin body is refused with its path and, when one is
 * close, the field it most likely meant; salon files answer in the same `fields` shape.
 */
describe('admin routes: unknown fields', () => {
  let t: AdminTestApp;
  let a: Tenant;

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
  }, 60_000);
  afterAll(() => t?.close());

  const branch = {
    name: 'Filiale Nord',
    openingHours: { tue: [{ from: '09:00', to: '18:00' }] },
  };

  it.each([
    [
      { ...branch, closedDate: ['2026-12-24'] },
      'closedDate',
      'property closedDate should not exist; did you mean "closedDates"?',
    ],
    [
      { ...branch, openingHours: { tues: [{ from: '09:00', to: '18:00' }] } },
      'openingHours.tues',
      'property tues should not exist; did you mean "tue"?',
    ],
    [{ ...branch, isAdmin: true }, 'isAdmin', 'property isAdmin should not exist'],
  ])('a branch with %j answers 400 naming %s', async (body, field, problem) => {
    const res = await t.http
      .post(`/api/admin/companies/${a.companyId}/branches`)
      .set(as(a.key))
      .send(body)
      .expect(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.fields).toEqual([{ field, problems: [problem] }]);
  });
});
