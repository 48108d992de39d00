import type { Tenant } from './admin-world';
import { BOOKING_ROUTES } from './route-cases.booking';
import { CATALOG_ROUTES } from './route-cases.catalog';

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** A's objects the routes name; B is a second company that must never see them. */
export interface World {
  a: Tenant;
  b: Tenant;
  ids: Record<string, string>;
}

export interface RouteCase {
  method: Method;
  path: string;
  bootstrapOnly?: boolean;
  /** Takes page/pageSize (and maybe filters) in the query string. */
  query?: boolean;
  /** A valid body naming A's objects. */
  body?: (w: World) => object;
  /** Hostile bodies this route must answer with 400. */
  bad?: (w: World) => unknown[];
  /** Status of the happy path with A's key (or the bootstrap key for bootstrap-only routes). */
  ok: number;
}

/** Every admin route, in an order in which the happy paths can run one after another. */
export const ROUTES: RouteCase[] = [...CATALOG_ROUTES, ...BOOKING_ROUTES];

/** The path with the company and A's object ids filled in. */
export function fill(path: string, companyId: string, ids: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'companyId' ? companyId : (ids[name] ?? `missing-${name}`),
  );
}

/** Routes that name objects of a company (path ids other than the company, or body refs). */
export const namesObjects = (r: RouteCase): boolean =>
  /:(?!companyId)\w+/.test(r.path) ||
  (r.method === 'post' && /(merge|staff|appointments|mappings)$/.test(r.path));

export const label = (r: RouteCase): string => `${r.method.toUpperCase()} ${r.path}`;
