import { loggablePath } from './loggable-path';

describe('loggablePath', () => {
  const C = '/api/admin/companies/0b6f3a0e-8d1c-4c59-9a55-1f7b2c3d4e5f';

  it.each([
    [`${C}/customers/anna.muster@example.org`, `${C}/customers/[redacted]`],
    [`${C}/customers/anna.muster%40example.org`, `${C}/customers/[redacted]`],
    [`${C}/customers/anna.muster%2540example.org`, `${C}/customers/[redacted]`],
    [`${C}/customers-by-phone/+4917652340088`, `${C}/customers-by-phone/[redacted]`],
    [`${C}/customers-by-phone/%2B4917652340088`, `${C}/customers-by-phone/[redacted]`],
    [`${C}/customers-by-phone/0176%20523%2040088`, `${C}/customers-by-phone/[redacted]`],
    [`${C}/customers/Anna%20Muster`, `${C}/customers/[redacted]`],
    [`${C}/customers/Anna`, `${C}/customers/[redacted]`],
    ['/api/admin/keys/key_live_9f8e7d6c5b4a3f2e', '/api/admin/keys/[redacted]'],
    ['/broken/%E0%A4%A', '/broken/[redacted]'],
  ])('%s → %s', (path, logged) => {
    expect(loggablePath(path)).toBe(logged);
  });

  it.each([
    `${C}/sync/manual-review/6e1d2c3b-4a59-4f68-8a7b-9c0d1e2f3a4b/resolve`,
    '/api/retell/functions/book_appointment',
    '/admin/queues/api/queues/calcom-sync/42',
    '/docs/swagger-ui-bundle.js',
    '/health/ready',
    '/',
  ])('keeps %s', (path) => {
    expect(loggablePath(path)).toBe(path);
  });

  it('drops the query string', () => {
    expect(loggablePath('/api/admin/companies?page=2&phone=%2B49151')).toBe('/api/admin/companies');
  });
});
