import { randomBytes } from 'node:crypto';
import { AdminTestApp, BOOTSTRAP_KEY, startAdminApp } from './admin-app';
import { as } from './admin-world';
import { fill, label, namesObjects, RouteCase, ROUTES, World } from './route-table';
import { buildWorld } from './world-setup';

/** Every admin route: who may call it, and that another company never reaches A's data. */
describe('admin routes: access', () => {
  let t: AdminTestApp;
  let w: World;

  beforeAll(async () => {
    t = await startAdminApp();
    w = await buildWorld(t);
  }, 60_000);
  afterAll(() => t?.close());

  const call = (r: RouteCase, path: string, headers: Record<string, string>) => {
    const req = t.http[r.method](path).set(headers);
    return r.body ? req.send(r.body(w)) : req;
  };
  const pathOfA = (r: RouteCase) => fill(r.path, w.a.companyId, w.ids);
  const cases = ROUTES.map((r) => [label(r), r] as const);

  it.each(cases)('%s: 401 without a key', async (_, r) => {
    const res = await call(r, pathOfA(r), {});
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'AUTH.UNAUTHORIZED', message: expect.any(String) });
  });

  it.each(cases)('%s: 401 with a wrong, a revoked or a malformed key', async (_, r) => {
    const forged = `sk_${w.a.key.slice(3, 15)}_${randomBytes(32).toString('base64url')}`;
    for (const key of [forged, w.ids.revokedKey, 'x'.repeat(5000)]) {
      const res = await call(r, pathOfA(r), as(key));
      expect(res.status).toBe(401);
    }
    const bearer = await call(r, pathOfA(r), { authorization: `Bearer ${forged}` });
    expect(bearer.status).toBe(401);
  });

  it.each(cases)(
    "%s: another company's key gets 404 (403 where only the bootstrap key may)",
    async (_, r) => {
      const path = r.path.includes(':companyId')
        ? pathOfA(r)
        : `${pathOfA(r)}?companyId=${w.a.companyId}`;
      const res = await call(r, path, as(w.b.key));
      expect(res.status).toBe(r.bootstrapOnly ? 403 : 404);
      expect(res.body.code).toEqual(r.bootstrapOnly ? 'AUTH.BOOTSTRAP_ONLY' : 'COMPANY.NOT_FOUND');
    },
  );

  const naming = ROUTES.filter((r) => !r.bootstrapOnly && namesObjects(r));
  it.each(naming.map((r) => [label(r), r] as const))(
    "%s: A's objects through B's own company answer 404",
    async (_, r) => {
      const res = await call(r, fill(r.path, w.b.companyId, w.ids), as(w.b.key));
      expect(res.status).toBe(404);
      expect(res.body.code).toMatch(/NOT_FOUND$/);
      expect(JSON.stringify(res.body)).not.toContain(w.a.companyId);
    },
  );

  it.each(cases)('%s: happy path', async (_, r) => {
    const res = await call(r, pathOfA(r), as(r.bootstrapOnly ? BOOTSTRAP_KEY : w.a.key));
    if (res.status !== r.ok) throw new Error(JSON.stringify([label(r), res.status, res.body]));
    expect(res.status).toBe(r.ok);
  });

  it('lets the bootstrap key read any company', async () => {
    for (const who of [w.a, w.b]) {
      const res = await t.http
        .get(`/api/admin/companies/${who.companyId}/staff`)
        .set('authorization', `Bearer ${BOOTSTRAP_KEY}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(3);
    }
  });
});
