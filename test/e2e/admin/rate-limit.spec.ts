import { randomBytes } from 'node:crypto';
import { AdminTestApp, BOOTSTRAP_KEY, seedCompany, startAdminApp } from './admin-app';
import { as } from './admin-world';

const PER_KEY = 5;
const FAILURES = 3;

/** Requests a minute per key, and failed authentications a minute per client address. */
describe('admin API rate limits', () => {
  let t: AdminTestApp;
  let companyId: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    t = await startAdminApp({
      ADMIN_RATE_LIMIT_PER_KEY: String(PER_KEY),
      ADMIN_RATE_LIMIT_FAILED_AUTH_PER_CLIENT: String(FAILURES),
    });
    const seeded = await seedCompany(t, 'salon-limits', '+4930333333');
    companyId = seeded.companyId;
    first = seeded.key;
    const created = await t.http
      .post(`/api/admin/companies/${companyId}/api-keys`)
      .set(as(BOOTSTRAP_KEY))
      .send({ name: 'second desk' })
      .expect(201);
    second = created.body.key;
  }, 60_000);
  afterAll(() => t?.close());

  const staff = (headers: Record<string, string>) =>
    t.http.get(`/api/admin/companies/${companyId}/staff`).set(headers);
  const wrongKey = () => `sk_${first.slice(3, 15)}_${randomBytes(32).toString('base64url')}`;

  it('answers 429 with a code and Retry-After once a key is over its limit; other keys go on', async () => {
    for (let i = 0; i < PER_KEY; i++) expect((await staff(as(first))).status).toBe(200);
    const refused = await staff(as(first));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'ADMIN.RATE_LIMITED', message: expect.any(String) });
    expect(refused.headers['retry-after']).toBe('60');
    expect((await staff(as(second))).status).toBe(200);
    expect((await staff({ authorization: `Bearer ${BOOTSTRAP_KEY}` })).status).toBe(200);
  });

  // Last: it blocks the test client's address for the rest of the window.
  it('refuses an address with too many bad keys before looking at the key', async () => {
    for (let i = 0; i < FAILURES; i++) {
      const res = await staff(as(wrongKey()));
      expect(res.status).toBe(401);
    }
    for (const headers of [as(wrongKey()), {}, as(second)]) {
      const res = await staff(headers);
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('ADMIN.RATE_LIMITED');
      expect(res.headers['retry-after']).toBe('60');
    }
  });
});
