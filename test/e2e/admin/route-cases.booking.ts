import { demoSalonFile } from './admin-app';
import { friday } from './admin-world';
import { C, long } from './route-cases.catalog';
import type { RouteCase } from './route-table';

/** Cal.com settings, appointments, salon files, the sync dashboard. */
export const BOOKING_ROUTES: RouteCase[] = [
  {
    method: 'post',
    path: `${C}/calcom/credentials`,
    ok: 201,
    body: () => ({ label: 'second', apiKey: 'cal_live_abcdef123456' }),
    bad: () => [
      { label: 'x', apiKey: 'short' },
      { label: 'x', apiKey: 'with spaces in it' },
      { label: 'x', apiKey: 'cal_live_abcdef123456', baseUrl: 'javascript:alert(1)' },
      {
        label: 'x',
        apiKey: 'cal_live_abcdef123456',
        baseUrl: 'http://169.254.169.254/latest/meta-data/#',
      },
    ],
  },
  { method: 'get', path: `${C}/calcom/credentials`, query: true, ok: 200 },
  {
    method: 'post',
    path: `${C}/retell-key`,
    ok: 201,
    body: () => ({ apiKey: 'key_salon_own_retell_0001' }),
    bad: () => [
      { apiKey: 'short' },
      { apiKey: 'with spaces in it' },
      { apiKey: 'x'.repeat(201) },
      { apiKey: 42 },
      { apiKey: 'key_salon_own_retell_0001', extra: true },
      {},
    ],
  },
  { method: 'delete', path: `${C}/retell-key`, ok: 200 },
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
  {
    method: 'post',
    path: `${C}/calcom/credentials/:credentialId/rotate`,
    ok: 200,
    body: () => ({ apiKey: 'cal_live_rotated_0123456789', webhookSecret: 'whsec_rotated_0123' }),
    bad: () => [
      { apiKey: 'short' },
      { apiKey: 'with spaces in it' },
      { webhookSecret: 'whsec_rotated_0123' },
      { apiKey: 'cal_live_rotated_0123456789', webhookSecret: 7 },
    ],
  },
  { method: 'delete', path: `${C}/calcom/credentials/:spareCredentialId`, ok: 200 },
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
  { method: 'get', path: `${C}/audit-log`, query: true, ok: 200 },
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
  { method: 'get', path: `${C}/messages`, query: true, ok: 200 },
  {
    method: 'patch',
    path: `${C}/messages/:messageId`,
    ok: 200,
    body: () => ({ status: 'done' }),
    bad: () => [{ status: 'gone' }, { status: long }, {}, { status: 'done', body: 'x' }],
  },
  // Last: closing company A revokes its keys, which every route before it uses.
  { method: 'post', path: `${C}/close`, bootstrapOnly: true, ok: 200 },
];
