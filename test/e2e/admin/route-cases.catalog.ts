import type { RouteCase } from './route-table';

export const C = '/api/admin/companies/:companyId';
export const long = 'x'.repeat(10_000);
export const sqlish = "'; DROP TABLE staff; --";

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

/** Companies, keys, branches, staff, services, customers. */
export const CATALOG_ROUTES: RouteCase[] = [
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
    bad: () => [{ name: '' }, { name: long }, { name: ['a'] }, { name: 'x', role: 'admin' }],
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
      { ...branchBody(), openingHours: undefined },
      { ...branchBody(), openingHours: null },
      { ...branchBody(), openingHours: 'mon-fri' },
    ],
  },
  { method: 'get', path: `${C}/branches`, query: true, ok: 200 },
  { method: 'get', path: `${C}/branches/:branchId`, ok: 200 },
  {
    method: 'patch',
    path: `${C}/branches/:branchId`,
    ok: 200,
    body: () => ({ closedDates: ['2026-12-24', '2026-12-31'] }),
    bad: () => [
      { timeZone: 'Not/AZone' },
      { phoneNumbers: ['+49 30 123'] },
      { name: 42 },
      { active: 'no' },
    ],
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
      { name: 'Bart', durationMinutes: 30, duringProcessing: 'true' },
      { name: 'Bart', durationMinutes: 30, duringProcessing: null },
    ],
  },
  { method: 'get', path: `${C}/services`, query: true, ok: 200 },
  { method: 'get', path: `${C}/services/:serviceId`, ok: 200 },
  {
    method: 'patch',
    path: `${C}/services/:serviceId`,
    ok: 200,
    body: () => ({ synonyms: ['Herrenschnitt', 'Männerschnitt'] }),
    bad: () => [
      { durationMinutes: 'sixty' },
      { bufferAfterMinutes: 999 },
      { synonyms: [long] },
      { duringProcessing: 'ja' },
      { duringProcessing: null },
      { duringProcessing: 1 },
    ],
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
  { method: 'get', path: `${C}/customers/:customerId/export`, ok: 200 },
  { method: 'delete', path: `${C}/customers/:erasedCustomerId`, ok: 200 },
];
