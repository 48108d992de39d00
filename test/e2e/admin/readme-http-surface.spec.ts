import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminTestApp, startAdminApp } from './admin-app';

interface RouteLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Every route Express dispatches to, as `GET /api/...`, read from the booted service. */
function routerRoutes(t: AdminTestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  return express.router.stack.flatMap(({ route }) =>
    route
      ? [route.path].flat().flatMap((path) =>
          Object.keys(route.methods)
            .filter((m) => m !== '_all')
            .map((m) => `${m.toUpperCase()} ${path}`),
        )
      : [],
  );
}

/** The README's "HTTP surface" section, up to the next section of the same level. */
function httpSurface(): string {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const start = readme.indexOf('## HTTP surface');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README: HTTP surface', () => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await startAdminApp();
  }, 60_000);
  afterAll(() => t?.close());

  it('names every route of the router as `METHOD /path`', () => {
    const routes = routerRoutes(t);
    expect(routes).toContain('GET /api/admin/companies/:companyId/branches');
    const section = httpSurface();
    // The OpenAPI UI's own files under /docs/ are not routes of the service.
    const missing = [...new Set(routes)]
      .filter((r) => !r.includes(' /docs/'))
      .filter((r) => !section.includes(`\`${r}\``));
    expect(missing).toEqual([]);
  });
});
