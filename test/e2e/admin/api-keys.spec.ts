import { createHash } from 'node:crypto';
import { AdminTestApp, BOOTSTRAP_KEY, FIXED_NOW, startAdminApp } from './admin-app';
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
  describe('roles and lineage', () => {
    const mint = async (by: Record<string, string>, name: string, role?: string) =>
      (
        await t.http
          .post(keys())
          .set(by)
          .send(role ? { name, role } : { name })
          .expect(201)
      ).body as { id: string; key: string; role: string; createdBy: string | null };
    const works = async (key: string) => (await t.http.get(keys()).set(as(key))).status === 200;

    it('gives the bootstrap key owners and an owner operators unless asked otherwise', async () => {
      const owner = await mint(asBootstrap, 'owner');
      expect(owner).toMatchObject({ role: 'owner', createdBy: null });
      const operator = await mint(as(owner.key), 'till');
      expect(operator).toMatchObject({ role: 'operator', createdBy: owner.id });
      const second = await mint(as(owner.key), 'deputy', 'owner');
      expect(second).toMatchObject({ role: 'owner', createdBy: owner.id });
      const staffOnly = await mint(asBootstrap, 'tablet', 'operator');
      expect(staffOnly).toMatchObject({ role: 'operator', createdBy: null });
      const listed = await t.http.get(`${keys()}?pageSize=100`).set(as(owner.key)).expect(200);
      const shown = listed.body.items.find((k: { id: string }) => k.id === operator.id);
      expect(shown).toMatchObject({ role: 'operator', createdBy: owner.id });
    });

    it('refuses an operator key creating or revoking keys (403), but lets it work', async () => {
      const owner = await mint(asBootstrap, 'owner');
      const operator = await mint(as(owner.key), 'till');
      const created = await t.http.post(keys()).set(as(operator.key)).send({ name: 'sneaky' });
      expect(created.status).toBe(403);
      expect(created.body.code).toBe('AUTH.OWNER_ONLY');
      const asOwner = await t.http
        .post(keys())
        .set(as(operator.key))
        .send({ name: 'sneaky', role: 'owner' });
      expect(asOwner.status).toBe(403);
      for (const target of [owner.id, operator.id]) {
        const revoked = await t.http.delete(`${keys()}/${target}`).set(as(operator.key));
        expect(revoked.status).toBe(403);
        expect(revoked.body.code).toBe('AUTH.OWNER_ONLY');
      }
      expect(await works(owner.key)).toBe(true);
      await t.http.get(`/api/admin/companies/${companyId}`).set(as(operator.key)).expect(200);
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM admin_api_keys WHERE name = 'sneaky'`,
      );
      expect(n).toBe(0);
    });

    it("revokes an owner's keys with it, down to their own keys, and no others", async () => {
      const owner = await mint(asBootstrap, 'owner');
      const sibling = await mint(asBootstrap, 'sibling');
      const deputy = await mint(as(owner.key), 'deputy', 'owner');
      const till = await mint(as(owner.key), 'till');
      const grandchild = await mint(as(deputy.key), 'tablet');
      const siblings = await mint(as(sibling.key), 'siblings till');

      const res = await t.http.delete(`${keys()}/${owner.id}`).set(as(owner.key)).expect(200);
      expect(res.body.revokedAt).toBeTruthy();
      expect([...res.body.alsoRevoked].sort()).toEqual([deputy.id, till.id, grandchild.id].sort());

      for (const gone of [owner, deputy, till, grandchild])
        expect(await works(gone.key)).toBe(false);
      for (const kept of [sibling, siblings]) expect(await works(kept.key)).toBe(true);
      const audit = await t.ds.query(
        `SELECT entity_id, details FROM audit_log WHERE action = 'admin_key.revoked'
          AND entity_id = ANY($1)`,
        [[deputy.id, till.id, grandchild.id]],
      );
      expect(audit).toHaveLength(3);
      for (const row of audit) expect(row.details).toEqual({ with: owner.id });
    });

    it('stops the keys a revoked key minted, also when the bootstrap key revokes it', async () => {
      const owner = await mint(asBootstrap, 'owner');
      const minted = await mint(as(owner.key), 'minted', 'owner');
      const mintedByMinted = await mint(as(minted.key), 'minted twice');
      await t.http.delete(`${keys()}/${owner.id}`).set(asBootstrap).expect(200);
      expect(await works(minted.key)).toBe(false);
      expect(await works(mintedByMinted.key)).toBe(false);
      const again = await t.http.post(keys()).set(as(minted.key)).send({ name: 'late' });
      expect(again.status).toBe(401);
    });

    it("shows a key's last use", async () => {
      const fresh = await mint(asBootstrap, 'unused yet');
      const lastUse = async () => {
        const listed = await t.http.get(`${keys()}?pageSize=100`).set(asBootstrap).expect(200);
        return listed.body.items.find((k: { id: string }) => k.id === fresh.id).lastUsedAt;
      };
      expect(await lastUse()).toBeNull();
      await t.http.get(`/api/admin/companies/${companyId}`).set(as(fresh.key)).expect(200);
      expect(await lastUse()).toBe(FIXED_NOW);
    });

    it("answers 404 for another company's key ids, and leaves the key alone", async () => {
      const other = await t.http
        .post('/api/admin/companies')
        .set(asBootstrap)
        .send({ name: 'Salon Schere', slug: 'schere' })
        .expect(201);
      const otherKeys = `/api/admin/companies/${other.body.id}/api-keys`;
      const otherOwner = (
        await t.http.post(otherKeys).set(asBootstrap).send({ name: 'owner' }).expect(201)
      ).body;
      const mine = await mint(asBootstrap, 'mine');
      for (const by of [as(otherOwner.key), asBootstrap]) {
        const res = await t.http.delete(`${otherKeys}/${mine.id}`).set(by);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('API_KEY.NOT_FOUND');
      }
      const across = await t.http.delete(`${keys()}/${mine.id}`).set(as(otherOwner.key));
      expect(across.status).toBe(404);
      expect(across.body.code).toBe('COMPANY.NOT_FOUND');
      expect(await works(mine.key)).toBe(true);
    });

    it('refuses an unknown role (400 naming the field)', async () => {
      const res = await t.http
        .post(keys())
        .set(asBootstrap)
        .send({ name: 'x', role: 'admin' })
        .expect(400);
      expect(res.body.fields).toEqual([{ field: 'role', problems: [expect.any(String)] }]);
    });
  });
});
