import { AdminTestApp, startAdminApp } from './admin-app';
import { as, asBootstrap, Tenant, tenant } from './admin-world';

/** Prices and descriptions of services, and a branch's address and transfer number. */
describe('admin API: service prices, branch contact', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
  }, 60_000);
  afterAll(() => t?.close());

  const services = (who: Tenant) => `/api/admin/companies/${who.companyId}/services`;
  const branch = (who: Tenant) => `/api/admin/companies/${who.companyId}/branches/${who.branchId}`;

  it('imports prices and descriptions from the salon file and shows them', async () => {
    const res = await t.http
      .get(`${services(a)}/${a.services.dauerwelle}`)
      .set(as(a.key))
      .expect(200);
    expect(res.body).toMatchObject({
      description: 'Wickeln, Einwirken, Fixieren und Föhnen, inklusive Pflege.',
      priceMinCents: 8900,
      priceMaxCents: 11900,
    });
    const mitte = await t.http.get(branch(a)).set(as(a.key)).expect(200);
    expect(mitte.body).toMatchObject({
      email: 'empfang@haarmonie.example',
      transferNumber: '+4930901821',
    });
  });

  it('creates a service with a price range, sets one price, clears it', async () => {
    const created = await t.http
      .post(services(a))
      .set(as(a.key))
      .send({
        name: 'Glätten',
        durationMinutes: 60,
        description: '<b>Keratin</b>-Glättung',
        priceMinCents: 7000,
        priceMaxCents: 9000,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      description: 'Keratin-Glättung',
      priceMinCents: 7000,
      priceMaxCents: 9000,
    });
    const id = created.body.id;
    const one = await t.http
      .patch(`${services(a)}/${id}`)
      .set(as(a.key))
      .send({ priceMinCents: 8000 })
      .expect(200);
    expect(one.body).toMatchObject({ priceMinCents: 8000, priceMaxCents: 8000 });
    const none = await t.http
      .patch(`${services(a)}/${id}`)
      .set(as(a.key))
      .send({ priceMinCents: null, priceMaxCents: null, description: null })
      .expect(200);
    expect(none.body).toMatchObject({
      priceMinCents: null,
      priceMaxCents: null,
      description: null,
    });
  });

  it.each([
    [{ priceMinCents: -1 }],
    [{ priceMinCents: 6000, priceMaxCents: 4500 }],
    [{ priceMinCents: 10_000_001 }],
    [{ priceMinCents: 45.5 }],
    [{ priceMinCents: '4500' }],
    [{ priceMaxCents: 1e308 }],
    [{ description: 'x'.repeat(301) }],
    [{ description: 'Zeile\u0000eins' }],
    [{ description: 'x'.repeat(10_000) }],
  ])('refuses change #%# with 400, nothing changed', async (change) => {
    const before = await t.http.get(`${services(a)}/${a.services.faerben}`).set(as(a.key));
    const res = await t.http
      .patch(`${services(a)}/${a.services.faerben}`)
      .set(as(a.key))
      .send(change);
    expect(res.status).toBe(400);
    const after = await t.http.get(`${services(a)}/${a.services.faerben}`).set(as(a.key));
    expect(after.body).toEqual(before.body);
  });

  it('sets and clears the branch address and transfer number; refuses a loop', async () => {
    const set = await t.http
      .patch(branch(a))
      .set(as(a.key))
      .send({ email: 'mitte@salon-a.example', transferNumber: '+4930999999' })
      .expect(200);
    expect(set.body).toMatchObject({
      email: 'mitte@salon-a.example',
      transferNumber: '+4930999999',
    });
    for (const bad of [
      { email: 'kein-mail' },
      { email: '<x@y.de>' },
      { transferNumber: '030 1234' },
      { transferNumber: 'x'.repeat(10_000) },
    ]) {
      expect((await t.http.patch(branch(a)).set(as(a.key)).send(bad)).status).toBe(400);
    }
    // Its own line, or another branch's, would hand the caller back to the agent.
    for (const line of ['+4930111111', '+4930222222']) {
      const loop = await t.http.patch(branch(a)).set(as(a.key)).send({ transferNumber: line });
      expect(loop.status).toBeGreaterThanOrEqual(400);
      expect(loop.status).toBeLessThan(500);
      expect(loop.body.code).toBe('BRANCH.TRANSFER_TO_AGENT');
    }
    const cleared = await t.http
      .patch(branch(a))
      .set(as(a.key))
      .send({ email: null, transferNumber: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ email: null, transferNumber: null });
  });

  it("another company's key sees and changes none of it (404)", async () => {
    const foreign = `${services(a)}/${a.services.dauerwelle}`;
    expect((await t.http.get(foreign).set(as(b.key))).status).toBe(404);
    expect((await t.http.patch(foreign).set(as(b.key)).send({ priceMinCents: 1 })).status).toBe(
      404,
    );
    expect(
      (
        await t.http
          .patch(`/api/admin/companies/${b.companyId}/services/${a.services.dauerwelle}`)
          .set(as(b.key))
          .send({ priceMinCents: 1 })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .patch(`/api/admin/companies/${b.companyId}/branches/${a.branchId}`)
          .set(as(b.key))
          .send({ transferNumber: '+4930888888' })
      ).status,
    ).toBe(404);
    const mine = await t.http.get(`${services(a)}/${a.services.dauerwelle}`).set(as(a.key));
    expect(mine.body.priceMinCents).toBe(8900);
  });

  it('exports prices, descriptions and contact in the salon file, and re-imports them', async () => {
    const file = await t.http
      .get(`/api/admin/companies/${b.companyId}/salon-file`)
      .set(as(b.key))
      .expect(200);
    const perm = file.body.services.find((s: { name: string }) => s.name === 'Dauerwelle');
    expect(perm).toMatchObject({ priceMinCents: 8900, priceMaxCents: 11900 });
    const cut = file.body.services.find((s: { name: string }) => s.name === 'Herrenhaarschnitt');
    expect(cut.priceMinCents).toBe(2800);
    expect(cut).not.toHaveProperty('priceMaxCents');
    expect(file.body.branches[0]).toMatchObject({
      email: 'empfang@haarmonie.example',
      transferNumber: '+4930901821',
    });
    const copy = {
      ...file.body,
      company: { name: 'Kopie', slug: 'salon-b-kopie' },
      branches: file.body.branches.map((x: object) => ({ ...x, phoneNumbers: ['+4930333333'] })),
    };
    await t.http.post('/api/admin/salon-files').set(asBootstrap).send(copy).expect(201);
  });

  it('refuses a salon file with a bad price, description, address or transfer loop', async () => {
    const file = await t.http
      .get(`/api/admin/companies/${b.companyId}/salon-file`)
      .set(as(b.key))
      .expect(200);
    const withService = (change: object) => ({
      ...file.body,
      company: { name: 'X', slug: 'salon-x' },
      branches: file.body.branches.map((x: object) => ({ ...x, phoneNumbers: ['+4930444444'] })),
      services: [{ ...file.body.services[0], ...change }, ...file.body.services.slice(1)],
    });
    for (const change of [
      { priceMinCents: -5 },
      { priceMinCents: 500, priceMaxCents: 100 },
      { priceMaxCents: 100, priceMinCents: undefined },
      { priceMinCents: 10_000_001 },
      { description: 'x'.repeat(301) },
    ]) {
      const res = await t.http
        .post('/api/admin/salon-files')
        .set(asBootstrap)
        .send(withService(change));
      expect(res.status).toBe(400);
    }
    const loop = {
      ...withService({}),
      branches: file.body.branches.map((x: object) => ({
        ...x,
        phoneNumbers: ['+4930444444'],
        transferNumber: '+4930444444',
      })),
    };
    expect((await t.http.post('/api/admin/salon-files').set(asBootstrap).send(loop)).status).toBe(
      400,
    );
    const badMail = {
      ...withService({}),
      branches: file.body.branches.map((x: object) => ({
        ...x,
        phoneNumbers: ['+4930444444'],
        email: 'nicht <da>',
      })),
    };
    expect(
      (await t.http.post('/api/admin/salon-files').set(asBootstrap).send(badMail)).status,
    ).toBe(400);
  });
});
