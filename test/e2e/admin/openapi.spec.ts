import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ADMIN_CONTROLLERS } from '../../../src/adapters/inbound/admin/admin-controllers';
import { AdminTestApp, BOOTSTRAP_KEY, startAdminApp } from './admin-app';
import { as } from './admin-world';
import { fill, label, ROUTES } from './route-table';
import { buildWorld } from './world-setup';
import {
  departures,
  OpenApiDocument,
  openApiSchemaErrors,
  Operation,
  pathParameterProblems,
  responseSchema,
} from '../../support/openapi-conformance';

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

/** A path with its parameters unnamed, so the route table's names and the document's meet. */
const shape = (path: string) => path.replace(/\{\w+\}|:\w+/g, ':x');

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

  it('is a valid OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    expect(openApiSchemaErrors(doc)).toEqual([]);
  });

  it('declares the path parameters of every operation, required', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    const problems = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([m, op]) =>
        pathParameterProblems(path, op).map((p) => `${m} ${path}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('declares security, a success schema and the error answers of every admin operation', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => ({ path, m, op })));
    const bootstrapOnly = new Set(
      ROUTES.filter((r) => r.bootstrapOnly).map((r) => `${r.method} ${shape(r.path)}`),
    );
    const problems = operations.flatMap(({ path, m, op }) => {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)];
      const params = op.parameters ?? [];
      const found: string[] = [];
      if (!op.security?.some((s) => 'api-key' in s)) found.push('no api-key security');
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      if (success.length !== 1) found.push(`success answers ${success}`);
      else if (success[0] !== '204' && !responseSchema(op, Number(success[0])))
        found.push(`no schema for ${success[0]}`);
      const validated =
        !!op.requestBody || params.some((p) => p.in === 'query') || inPath.length > 0;
      const errors: Array<[string, boolean]> = [
        ['400', validated],
        ['401', true],
        ['403', bootstrapOnly.has(`${m} ${shape(path)}`)],
        ['404', inPath.length > 0],
        ['429', true],
      ];
      for (const [status, needed] of errors)
        if (needed && !op.responses[status]) found.push(`no ${status} answer`);
      return found.map((f) => `${m} ${path}: ${f}`);
    });
    expect(operations.length).toBeGreaterThanOrEqual(ROUTES.length);
    expect(problems).toEqual([]);
  });

  it('documents the JSON every admin route answers on its happy path', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
    const w = await buildWorld(t);
    const problems: string[] = [];
    const docPath = new Map(Object.keys(doc.paths).map((p) => [shape(p), p]));
    for (const r of ROUTES) {
      const path = fill(r.path, w.a.companyId, w.ids);
      const req = t.http[r.method](path).set(as(r.bootstrapOnly ? BOOTSTRAP_KEY : w.a.key));
      const res = await (r.body ? req.send(r.body(w)) : req);
      if (res.status !== r.ok) throw new Error(JSON.stringify([label(r), res.status, res.body]));
      const op: Operation = doc.paths[docPath.get(shape(r.path))!][r.method];
      const schema = responseSchema(op, res.status);
      if (!schema) problems.push(`${label(r)}: no schema for ${res.status}`);
      else problems.push(...departures(doc, schema, res.body).map((d) => `${label(r)} ${d}`));
    }
    const tools = await t.http.get('/api/admin/retell/tools').set(as(BOOTSTRAP_KEY)).expect(200);
    const toolsSchema = responseSchema(doc.paths['/api/admin/retell/tools'].get, 200);
    if (!toolsSchema) problems.push('GET /api/admin/retell/tools: no schema for 200');
    else problems.push(...departures(doc, toolsSchema, tools.body).map((d) => `retell tools ${d}`));
    expect(problems).toEqual([]);
  }, 60_000);

  it('keeps the route table of the access tests complete', () => {
    const tested = ROUTES.map((r) => `${r.method} ${r.path}`);
    const declared = declaredRoutes().map((r) => r.replace(/\{(\w+)\}/g, ':$1'));
    const pattern = (r: string) => r.replace(/:\w+/g, ':x');
    expect(tested.map(pattern).sort()).toEqual(declared.map(pattern).sort());
  });
});
