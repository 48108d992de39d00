import { demoSalonFile } from './admin-app';
import { friday, Tenant } from './admin-world';

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

const C = '/api/admin/companies/:companyId';
const long = 'x'.repeat(10_000);
const sqlish = "'; DROP TABLE staff; --";

const branchBody = () => ({
  name: 'Filiale Nord',
  timeZone: 'Europe/Berlin',
  phoneNumbers: ['+4940555000'],
  openingHours: {
    mon: [
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '18:00' },
    ],
  },
  closedDates: ['2026-12-24'],
});

/** Every admin route, in an order in which the happy paths can run one after another. */
export const ROUTES: RouteCase[] = [
  {
    method: 'post',
    path: '/api/admin/companies',
    bootstrapOnly: true,
    ok: 201,
    body: () => ({ name: 'Salon Neu', slug: 'salon-neu' }),
    bad: () => [
      { name: '<b></b>', slug: 'x1' },
      { name: long, slug: 'x2' },
      { name: 'A', slug: sqlish },
      { name: 5, slug: 'x3' },
    ],
  },
  { method: 'get', path: '/api/admin/companies', bootstrapOnly: true, query: true, ok: 200 },
  { method: 'get', path: C, ok: 200 },
  {
    method: 'post',
    path: `${C}/api-keys`,
    ok: 201,
    body: () => ({ name: 'tablet' }),
    bad: () => [{ name: '' }, { name: long }, { name: ['a'] }],
  },
  { method: 'get', path: `${C}/api-keys`, query: true, ok: 200 },
  { method: 'delete', path: `${C}/api-keys/:spareKeyId`, ok: 200 },
  {
    method: 'post',
    path: `${C}/branches`,
    ok: 201,
    body: branchBody,
    bad: () => [
      { ...branchBody(), timeZone: 'Mars/Olympus' },
      { ...branchBody(), phoneNumbers: ['030 1234567'] },
      { ...branchBody(), openingHours: { mon: [{ from: '25:00', to: '26:00' }] } },
      { ...branchBody(), openingHours: { fri: [{ from: '18:00', to: '09:00' }] } },
      { ...branchBody(), openingHours: { monday: [{ from: '09:00', to: '12:00' }] } },
      { ...branchBody(), closedDates: ['2026-02-30'] },
      { ...branchBody(), name: long },
    ],
  },
  { method: 'get', path: `${C}/branches`, query: true, ok: 200 },
  { method: 'get', path: `${C}/branches/:branchId`, ok: 200 },
  {
    method: 'patch',
    path: `${C}/branches/:branchId`,
    ok: 200,
    body: () => ({ closedDates: ['2026-12-24', '2026-12-31'] }),
    bad: () => [{ timeZone: 'Not/AZone' }, { phoneNumbers: ['+49 30 123'] }, { name: 42 }],
  },
  { method: 'get', path: `${C}/staff/duplicates`, ok: 200 },
  {
    method: 'post',
    path: `${C}/staff/merge`,
    ok: 200,
    body: (w) => ({ keepId: w.a.staff.anna, mergeId: w.ids.dupId }),
    bad: (w) => [
      { keepId: 'a', mergeId: w.ids.dupId },
      { keepId: w.a.staff.anna, mergeId: w.a.staff.anna },
      { keepId: w.a.staff.anna },
    ],
  },
  {
    method: 'post',
    path: `${C}/staff`,
    ok: 201,
    body: (w) => ({
      branchId: w.a.branchId,
      name: 'Jana',
      email: 'jana@example.org',
      serviceIds: [w.a.services.foehnen],
      workingHours: { sat: [{ from: '09:00', to: '14:00' }] },
      absences: [{ start: '2026-12-01T00:00:00+01:00', end: '2026-12-08T00:00:00+01:00' }],
    }),
    bad: (w) => [
      { branchId: w.a.branchId, name: 'Jana', email: 'not-an-email' },
      { branchId: w.a.branchId, name: 'Jana', email: `${'a'.repeat(250)}@example.org` },
      { branchId: 'nope', name: 'Jana' },
      { branchId: w.a.branchId, name: 'Jana', serviceIds: ['x'] },
      {
        branchId: w.a.branchId,
        name: 'Jana',
        absences: [{ start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T09:00:00+01:00' }],
      },
    ],
  },
  { method: 'get', path: `${C}/staff`, query: true, ok: 200 },
  { method: 'get', path: `${C}/staff/:staffId`, ok: 200 },
  {
    method: 'patch',
    path: `${C}/staff/:staffId`,
    ok: 200,
    body: () => ({ absences: [] }),
    bad: () => [{ email: '<script>' }, { serviceIds: 'abc' }, { active: 'no' }],
  },
  {
    method: 'post',
    path: `${C}/services`,
    ok: 201,
    body: () => ({ name: 'Bartpflege', synonyms: ['Bart'], durationMinutes: 20 }),
    bad: () => [
      { name: 'Bart', durationMinutes: -30 },
      { name: 'Bart', durationMinutes: 5 },
      { name: 'Bart', durationMinutes: 481 },
      { name: 'Bart', segments: [{ minutes: -5, staffBusy: true }] },
      { name: 'Bart', segments: [{ minutes: 30, staffBusy: false }] },
      { name: 'Bart', durationMinutes: 30, segments: [{ minutes: 30, staffBusy: true }] },
      { name: 'Bart', durationMinutes: '30' },
    ],
  },
  { method: 'get', path: `${C}/services`, query: true, ok: 200 },
  { method: 'get', path: `${C}/services/:serviceId`, ok: 200 },
  {
    method: 'patch',
    path: `${C}/services/:serviceId`,
    ok: 200,
    body: () => ({ synonyms: ['Herrenschnitt', 'Männerschnitt'] }),
    bad: () => [{ durationMinutes: 'sixty' }, { bufferAfterMinutes: 999 }, { synonyms: [long] }],
  },
  {
    method: 'post',
    path: `${C}/customers`,
    ok: 201,
    body: () => ({ name: 'Max Muster', phone: '+4915199999999', email: 'max@example.org' }),
    bad: () => [
      { name: 'Max', phone: '12345' },
      { name: 'Max', phone: '+49 (30) 1234' },
      { name: 'Max', phone: '+4915199999999', email: 'foo@' },
      { name: 'Max', phone: '+4915199999999', recognitionConsent: 'yes' },
    ],
  },
  { method: 'get', path: `${C}/customers`, query: true, ok: 200 },
  { method: 'get', path: `${C}/customers/:customerId`, ok: 200 },
  {
    method: 'patch',
    path: `${C}/customers/:customerId`,
    ok: 200,
    body: () => ({ recognitionConsent: false }),
    bad: () => [{ recognitionConsent: 'true' }, { phone: sqlish }, { email: long }],
  },
  {
    method: 'post',
    path: `${C}/calcom/credentials`,
    ok: 201,
    body: () => ({ label: 'second', apiKey: 'cal_live_abcdef123456' }),
    bad: () => [
      { label: 'x', apiKey: 'short' },
      { label: 'x', apiKey: 'with spaces in it' },
      { label: 'x', apiKey: 'cal_live_abcdef123456', baseUrl: 'javascript:alert(1)' },
    ],
  },
  { method: 'get', path: `${C}/calcom/credentials`, query: true, ok: 200 },
  {
    method: 'post',
    path: `${C}/calcom/mappings`,
    ok: 201,
    body: (w) => ({
      credentialId: w.ids.credentialId,
      serviceId: w.a.services.damenhaarschnitt,
      staffId: w.a.staff.lena,
      eventTypeId: 4711,
      calcomUserId: 99,
    }),
    bad: (w) => [
      {
        credentialId: w.ids.credentialId,
        serviceId: w.a.services.foehnen,
        staffId: w.a.staff.lena,
        eventTypeId: -1,
      },
      {
        credentialId: '1 OR 1=1',
        serviceId: w.a.services.foehnen,
        staffId: w.a.staff.lena,
        eventTypeId: 1,
      },
      {
        credentialId: w.ids.credentialId,
        serviceId: w.a.services.foehnen,
        staffId: w.a.staff.lena,
        eventTypeId: 1,
        segmentSequence: 'abc',
      },
    ],
  },
  { method: 'get', path: `${C}/calcom/mappings`, query: true, ok: 200 },
  { method: 'delete', path: `${C}/calcom/mappings/:mappingId`, ok: 200 },
  { method: 'get', path: `${C}/appointments`, query: true, ok: 200 },
  { method: 'get', path: `${C}/appointments/:moveId`, ok: 200 },
  {
    method: 'post',
    path: `${C}/appointments`,
    ok: 201,
    body: (w) => ({
      staffId: w.a.staff.mehmet,
      serviceId: w.a.services.herrenhaarschnitt,
      customerId: w.a.customerId,
      start: friday('15:00'),
    }),
    bad: (w) => [
      {
        staffId: w.a.staff.mehmet,
        serviceId: w.a.services.herrenhaarschnitt,
        customerId: w.a.customerId,
        start: 'tomorrow',
      },
      {
        staffId: w.a.staff.mehmet,
        serviceId: w.a.services.herrenhaarschnitt,
        customerId: w.a.customerId,
        start: '2026-11-27T10:00:00',
      },
      {
        staffId: 'x',
        serviceId: w.a.services.herrenhaarschnitt,
        customerId: w.a.customerId,
        start: friday('15:00'),
      },
    ],
  },
  { method: 'post', path: `${C}/appointments/:cancelId/cancel`, ok: 200 },
  {
    method: 'post',
    path: `${C}/appointments/:moveId/move`,
    ok: 200,
    body: () => ({ start: friday('16:00') }),
    bad: () => [{ start: 123 }, {}, { start: long }],
  },
  {
    method: 'post',
    path: '/api/admin/salon-files',
    bootstrapOnly: true,
    ok: 201,
    body: () => demoSalonFile('salon-from-table', '+4989555000'),
    bad: () => [{}, { company: 'x' }, { ...demoSalonFile('bad-one', '0301234'), staff: [] }],
  },
  { method: 'get', path: `${C}/salon-file`, ok: 200 },
  { method: 'get', path: '/api/admin/sync/summary', ok: 200 },
  { method: 'get', path: `${C}/sync/manual-review`, query: true, ok: 200 },
  { method: 'get', path: `${C}/sync/failures`, query: true, ok: 200 },
  { method: 'post', path: `${C}/sync/manual-review/:retryId/retry`, ok: 200 },
  {
    method: 'post',
    path: `${C}/sync/manual-review/:resolveId/resolve`,
    ok: 200,
    body: () => ({ resolution: 'synced', note: 'found in Cal.com' }),
    bad: () => [
      { resolution: 'deleted', note: 'x' },
      { resolution: 'synced', note: long },
    ],
  },
];

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
