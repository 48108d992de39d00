import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ADMIN_CONTROLLERS } from '../../../src/adapters/inbound/admin/admin-controllers';
import { AdminTestApp, startAdminApp } from './admin-app';
import { ROUTES } from './route-table';

/** Every admin route, read from the controllers themselves: `get /api/admin/...{id}`. */
function declaredRoutes(): string[] {
  return ADMIN_CONTROLLERS.flatMap((controller) => {
    const base: string = Reflect.getMetadata(PATH_METADATA, controller);
    const proto = controller.prototype as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .filter((name) => name !== 'constructor')
      .map((name) => proto[name])
      .filter((handler) => Reflect.hasMetadata(PATH_METADATA, handler as object))
      .map((handler) => {
        const path: string = Reflect.getMetadata(PATH_METADATA, handler as object);
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler as object)];
        const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`;
        return `${method.toLowerCase()} ${full.replace(/:(\w+)/g, '{$1}')}`;
      });
  });
}

describe('admin OpenAPI document', () => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await startAdminApp();
  }, 60_000);
  afterAll(() => t?.close());

  it('lists every admin route with its tag and the api-key security', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .filter((r) => r.includes('/api/admin/') && !r.includes('/api/admin/retell'));
    const declared = declaredRoutes();
    expect(declared.length).toBeGreaterThanOrEqual(41);
    expect(documented.sort()).toEqual([...declared].sort());
    for (const route of declared) {
      const [method, path] = route.split(' ');
      const op = doc.body.paths[path][method];
      expect(op.tags?.length).toBeGreaterThan(0);
      expect(op.security).toEqual(expect.arrayContaining([{ 'api-key': [] }]));
    }
  });

  it('documents request bodies with their fields', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    const schemas = doc.body.components.schemas;
    expect(Object.keys(schemas.CreateServiceDto.properties)).toEqual(
      expect.arrayContaining(['name', 'synonyms', 'durationMinutes', 'segments']),
    );
    expect(schemas.CreateCustomerDto.properties.name.maxLength).toBe(150);
    await t.http.get('/docs').expect((r) => expect([200, 301]).toContain(r.status));
  });

  it('keeps the route table of the access tests complete', () => {
    const tested = ROUTES.map((r) => `${r.method} ${r.path}`);
    const declared = declaredRoutes().map((r) => r.replace(/\{(\w+)\}/g, ':$1'));
    const pattern = (r: string) => r.replace(/:\w+/g, ':x');
    expect(tested.map(pattern).sort()).toEqual(declared.map(pattern).sort());
  });
});
