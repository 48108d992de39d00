import { AdminTestApp, BOOTSTRAP_KEY, startAdminApp } from './admin-app';
import { as } from './admin-world';
import { fill, label, RouteCase, ROUTES, World } from './route-table';
import { buildWorld } from './world-setup';

/**
 * Issue 14, item 10: `__proto__`, `constructor` and `prototype` keys are refused in every admin
 * body, at any depth and before any pipe transforms it, with a 400 that names the path.
 */
describe('admin routes: prototype keys', () => {
  let t: AdminTestApp;
  let w: World;

  beforeAll(async () => {
    t = await startAdminApp();
    w = await buildWorld(t);
  }, 60_000);
  afterAll(() => t?.close());

  /** The valid body as JSON text with `injected` written in as its first member. */
  const withMember = (valid: object, injected: string): string => {
    const json = JSON.stringify(valid);
    return json === '{}' ? `{${injected}}` : `{${injected},${json.slice(1)}`;
  };

  const cases = ROUTES.filter((r) => r.body && r.method !== 'get').map(
    (r) => [label(r), r] as const,
  );

  it.each(cases)('%s: refuses them at the top and deep inside', async (_, r: RouteCase) => {
    const path = fill(r.path, w.a.companyId, w.ids);
    const key = as(r.bootstrapOnly ? BOOTSTRAP_KEY : w.a.key);
    const valid = r.body!(w);
    for (const [member, field] of [
      ['"__proto__": {"isAdmin": true}', '__proto__'],
      ['"constructor": {"name": "x"}', 'constructor'],
      [
        '"notes": [{"ok": 1}, {"deeper": {"prototype": {"polluted": true}}}]',
        'notes.1.deeper.prototype',
      ],
    ]) {
      const res = await t.http[r.method](path)
        .set(key)
        .set('content-type', 'application/json')
        .send(withMember(valid, member));
      expect({ status: res.status, code: res.body.code, fields: res.body.fields }).toEqual({
        status: 400,
        code: 'REQUEST.INVALID_BODY',
        fields: [{ field, problems: [`property ${field} is not allowed`] }],
      });
      expect(res.body.message).toContain(field);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('leaves texts that merely say "constructor" alone', async () => {
    await t.http
      .post(`/api/admin/companies/${w.a.companyId}/services`)
      .set(as(w.a.key))
      .send({ name: 'constructor', synonyms: ['__proto__', 'prototype'], durationMinutes: 30 })
      .expect(201);
  });
});
