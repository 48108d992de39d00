import { createHash } from 'node:crypto';
import { AdminTestApp, BOOTSTRAP_KEY, startAdminApp } from './admin-app';
import { as, asBootstrap } from './admin-world';

/** Keys are shown once, stored as a SHA-256 hash with a lookup prefix, and can be revoked. */
describe('admin API keys', () => {
  let t: AdminTestApp;
  let companyId: string;

  beforeAll(async () => {
    t = await startAdminApp();
    const company = await t.http
      .post('/api/admin/companies')
      .set(asBootstrap)
      .send({ name: 'Salon <i>Kamm</i>', slug: 'kamm' })
      .expect(201);
    companyId = company.body.id;
    expect(company.body.name).toBe('Salon Kamm');
  }, 60_000);
  afterAll(() => t?.close());

  const keys = () => `/api/admin/companies/${companyId}/api-keys`;

  it('shows the key once and stores only its hash', async () => {
    const created = await t.http.post(keys()).set(asBootstrap).send({ name: 'tablet' }).expect(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^sk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.body.prefix).toBe(key.slice(3, 15));

    const rows = await t.ds.query(`SELECT * FROM admin_api_keys WHERE id = $1`, [created.body.id]);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(JSON.stringify(rows)).not.toContain(key.slice(16));
    expect(rows[0].key_hash).toBe(createHash('sha256').update(key).digest('hex'));

    const listed = await t.http.get(keys()).set(as(key)).expect(200);
    expect(listed.body.total).toBe(1);
    expect(JSON.stringify(listed.body)).not.toContain(key.slice(16));
    expect(listed.body.items[0]).not.toHaveProperty('key');
    expect(listed.body.items[0]).not.toHaveProperty('hash');
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();
  });

  it('answers 401 once a key is revoked, and records who revoked it', async () => {
    const { body } = await t.http.post(keys()).set(asBootstrap).send({ name: 'old' }).expect(201);
    await t.http.get(keys()).set('authorization', `Bearer ${body.key}`).expect(200);
    const revoked = await t.http.delete(`${keys()}/${body.id}`).set(as(body.key)).expect(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    await t.http.get(keys()).set(as(body.key)).expect(401);
    const audit = await t.ds.query(
      `SELECT actor FROM audit_log WHERE action = 'admin_key.revoked' AND entity_id = $1`,
      [body.id],
    );
    expect(audit).toEqual([{ actor: `admin:${body.id}` }]);
    await t.http
      .delete(`${keys()}/00000000-0000-4000-8000-000000000000`)
      .set(asBootstrap)
      .expect(404);
  });

  it('keeps company keys away from company creation and listing', async () => {
    const { body } = await t.http.post(keys()).set(asBootstrap).send({ name: 'desk' }).expect(201);
    await t.http.get('/api/admin/companies').set(as(body.key)).expect(403);
    const listed = await t.http.get('/api/admin/companies').set(asBootstrap).expect(200);
    expect(listed.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
  });

  it('refuses a second company with the same slug (409)', async () => {
    const res = await t.http
      .post('/api/admin/companies')
      .set(asBootstrap)
      .send({ name: 'Kamm 2', slug: 'kamm' })
      .expect(409);
    expect(res.body.code).toBe('COMPANY.SLUG_TAKEN');
  });

  it('does not accept the bootstrap key with anything appended or missing', async () => {
    await t.http
      .get('/api/admin/companies')
      .set(as(`${BOOTSTRAP_KEY}x`))
      .expect(401);
    await t.http
      .get('/api/admin/companies')
      .set(as(BOOTSTRAP_KEY.slice(1)))
      .expect(401);
  });
});
