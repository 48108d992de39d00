import { AdminTestApp, startAdminApp } from './admin-app';
import { as, Tenant, tenant } from './admin-world';

/**
 * A company key stores where the service sends its customers and its Cal.com key: only
 * https:// hosts on public addresses, or hosts the operator listed in CALCOM_ALLOWED_HOSTS.
 */
describe("a Cal.com credential's baseUrl", () => {
  const LISTED = '127.0.0.1:4010';
  let t: AdminTestApp;
  let a: Tenant;
  let C: string;

  beforeAll(async () => {
    t = await startAdminApp({ CALCOM_ALLOWED_HOSTS: `${LISTED}, cal.salon.internal:443` });
    a = await tenant(t, 'salon-host', '+4930444444');
    C = `/api/admin/companies/${a.companyId}`;
  }, 60_000);
  afterAll(() => t?.close());

  const store = (baseUrl: string) =>
    t.http
      .post(`${C}/calcom/credentials`)
      .set(as(a.key))
      .send({ label: 'main', apiKey: 'cal_live_0123456789', baseUrl });

  it.each([
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/#',
    'https://169.254.169.254/latest/meta-data#',
    'https://169.254.169.254/latest/meta-data',
    'https://[fd00:ec2::254]/latest/meta-data',
    'https://[::ffff:169.254.169.254]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://[::1]:6379',
    'http://127.0.0.1:6379',
    'https://127.0.0.1:6379',
    'https://127.0.0.1:5432/#',
    'https://2130706433/',
    'https://0x7f.0.0.1:6379/',
    'https://10.0.0.5/',
    'https://192.168.1.1/',
    'https://172.16.0.1/',
    'https://100.64.0.1/',
    'https://0.0.0.0:3000/',
    'https://[::]/',
    'https://[fe80::1]/',
    'https://224.0.0.1/',
    'https://[ff02::1]/',
    'https://localhost:6379/',
    'https://metadata/computeMetadata/v1',
    'https://metadata.google.internal.invalid/computeMetadata/v1',
    'https://api.cal.com/#',
    'https://api.cal.com/?redirect=http://127.0.0.1',
    'https://user:password@api.cal.com',
    'https://api.cal.com@169.254.169.254/',
    'http://api.cal.com',
    'https://api.cal.com/%2e%2e/',
    // Listed host, but another port of it.
    'http://127.0.0.1:4011',
    'http://127.0.0.1:4010/#',
  ])('refuses %s with 400 naming baseUrl', async (baseUrl) => {
    const res = await store(baseUrl);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION.FAILED',
      fields: [{ field: 'baseUrl', problems: [expect.stringMatching(/^baseUrl /)] }],
    });
  });

  it('stored none of them', async () => {
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM calcom_credentials WHERE company_id = $1`,
      [a.companyId],
    );
    expect(n).toBe(0);
  });

  it('stores a host the operator listed, over plain http too', async () => {
    const listed = await store(`http://${LISTED}`).expect(201);
    expect(listed.body).toMatchObject({ baseUrl: `http://${LISTED}` });
    await store('https://cal.salon.internal/api').expect(201);
  });
});
