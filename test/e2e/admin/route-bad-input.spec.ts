import { AdminTestApp, BOOTSTRAP_KEY, startAdminApp } from './admin-app';
import { as } from './admin-world';
import { fill, label, RouteCase, ROUTES, World } from './route-table';
import { buildWorld } from './world-setup';

const SQLISH = encodeURIComponent("1' OR '1'='1");
/** NUL (Postgres refuses it in text) and other C0 controls: never in any admin text. */
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f'];

/** Every string in a body with its path as the answer names it (`openingHours.mon.0.from`). */
function textFields(
  value: unknown,
  path = '',
): Array<{ path: string; at: Array<string | number> }> {
  if (typeof value === 'string') return [{ path, at: [] }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    textFields(inner, path ? `${path}.${key}` : key).map((f) => ({
      path: f.path,
      at: [Array.isArray(value) ? Number(key) : key, ...f.at],
    })),
  );
}

/** A copy of the body with the string at `at` changed. */
function withText(
  body: unknown,
  at: Array<string | number>,
  change: (s: string) => string,
): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  node[last] = change(node[last] as string);
  return copy;
}

/** Every admin route meets garbage, oversized, hostile and mistyped input: 4xx with a code, never 500. */
describe('admin routes: bad input', () => {
  let t: AdminTestApp;
  let w: World;

  beforeAll(async () => {
    t = await startAdminApp();
    w = await buildWorld(t);
  }, 60_000);
  afterAll(() => t?.close());

  const keyFor = (r: RouteCase) => as(r.bootstrapOnly ? BOOTSTRAP_KEY : w.a.key);
  const send = (r: RouteCase, path: string, body?: unknown) => {
    const req = t.http[r.method](path).set(keyFor(r));
    if (body === undefined) return req;
    return req.set('content-type', 'application/json').send(JSON.stringify(body));
  };
  const expect400 = (res: { status: number; body: { code?: unknown; message?: unknown } }) => {
    expect(res.status).toBe(400);
    expect(typeof res.body.code).toBe('string');
    expect(typeof res.body.message).toBe('string');
  };
  const cases = ROUTES.map((r) => [label(r), r] as const);

  it.each(cases)('%s: malformed path ids answer 400', async (_, r) => {
    const params = r.path.match(/:\w+/g) ?? [];
    for (const param of params) {
      const ids = { ...w.ids, [param.slice(1)]: SQLISH };
      const companyId = param === ':companyId' ? SQLISH : w.a.companyId;
      const res = await send(r, fill(r.path, companyId, ids), r.body?.(w));
      expect400(res);
      expect(res.body.code).toBe('REQUEST.INVALID_ID');
    }
  });

  it.each(cases.filter(([, r]) => r.query))(
    '%s: bad paging and unknown query fields answer 400',
    async (_, r) => {
      const path = fill(r.path, w.a.companyId, w.ids);
      for (const q of [
        'page=0',
        'pageSize=1000',
        'page=abc',
        'pageSize=-5',
        'hack=1',
        'page=1e3',
      ]) {
        const res = await send(r, `${path}?${q}`);
        expect400(res);
        expect(res.body.code).toBe('VALIDATION.FAILED');
      }
    },
  );

  it.each(cases.filter(([, r]) => r.body))(
    '%s: hostile and mistyped bodies answer 400',
    async (_, r) => {
      const path = fill(r.path, w.a.companyId, w.ids);
      const valid = r.body!(w);
      const generic = [[], [valid], 'just text', 42, null];
      const unknownField = [{ ...valid, isAdmin: true }];
      for (const body of [...(r.bad?.(w) ?? []), ...generic, ...unknownField]) {
        const res = await send(r, path, body);
        if (res.status !== 400)
          throw new Error(`${JSON.stringify(body).slice(0, 200)} → ${res.status}`);
        expect400(res);
      }
    },
  );

  it.each(cases.filter(([, r]) => r.body))(
    '%s: a body nested thousands of levels deep answers 400 REQUEST.TOO_DEEP',
    async (_, r) => {
      const path = fill(r.path, w.a.companyId, w.ids);
      const member = JSON.stringify(r.body!(w)).slice(1, -1);
      for (const [open, close] of [
        ['[', ']'],
        ['{"a":', '}'],
      ]) {
        const deep = `${open.repeat(5000)}1${close.repeat(5000)}`;
        const res = await t.http[r.method](path)
          .set(keyFor(r))
          .set('content-type', 'application/json')
          .send(`{"deep":${deep}${member ? `,${member}` : ''}}`);
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 400,
          code: 'REQUEST.TOO_DEEP',
        });
      }
    },
  );

  it.each(cases.filter(([, r]) => r.body))(
    '%s: control characters in any text field answer 400 naming the field',
    async (_, r) => {
      const path = fill(r.path, w.a.companyId, w.ids);
      const valid = r.body!(w);
      const fields = textFields(valid);
      for (const field of fields) {
        for (const control of CONTROLS) {
          for (const place of [(s: string) => `${s}${control}`, (s: string) => `${control}${s}`]) {
            const body = withText(valid, field.at, place);
            const res = await send(r, path, body);
            const named = (res.body.fields ?? []).map((f: { field: string }) => f.field);
            if (res.status !== 400 || !named.includes(field.path))
              throw new Error(
                `${field.path} with U+${control.charCodeAt(0).toString(16).padStart(4, '0')} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
              );
          }
        }
      }
      const key = await send(r, path, { ...valid, ['na\u0000me']: 'x' });
      expect400(key);
    },
    // A salon file has dozens of text fields, each tried with every control character at
    // both ends: hundreds of requests, which a loaded machine serves slowly.
    180_000,
  );

  it('a branch without openingHours answers 400 naming openingHours', async () => {
    const r = ROUTES.find((route) => route.method === 'post' && route.path.endsWith('/branches'))!;
    const { openingHours: _left, ...withoutHours } = r.body!(w) as Record<string, unknown>;
    const res = await send(r, fill(r.path, w.a.companyId, w.ids), withoutHours);
    expect400(res);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('openingHours');
  });

  it.each(cases.filter(([, r]) => r.method !== 'get'))(
    '%s: broken JSON and huge bodies never answer 5xx',
    async (_, r) => {
      const path = fill(r.path, w.a.companyId, w.ids);
      const broken = await t.http[r.method](path)
        .set(keyFor(r))
        .set('content-type', 'application/json')
        .send('{"name": "x", ');
      expect(broken.status).toBeGreaterThanOrEqual(400);
      expect(broken.status).toBeLessThan(500);
      const huge = await send(r, path, { name: 'x'.repeat(2_000_000) });
      expect(huge.status).toBeGreaterThanOrEqual(400);
      expect(huge.status).toBeLessThan(500);
    },
  );
});
