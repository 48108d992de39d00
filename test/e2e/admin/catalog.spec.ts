import { CredentialCipher } from '../../../src/adapters/outbound/persistence/credential-cipher';
import { AdminTestApp, ENCRYPTION_KEY, startAdminApp } from './admin-app';
import { as, Tenant, tenant } from './admin-world';

/** Branches, staff, services, customers and Cal.com settings as operators keep them. */
describe('admin catalog', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let C: string;

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    C = `/api/admin/companies/${a.companyId}`;
  }, 60_000);
  afterAll(() => t?.close());

  it('keeps split opening days and closed dates, and one branch per answered number', async () => {
    const created = await t.http
      .post(`${C}/branches`)
      .set(as(a.key))
      .send({
        name: '<h1>Filiale</h1> Nord',
        timeZone: 'Europe/Vienna',
        phoneNumbers: ['+43155500'],
        openingHours: {
          tue: [
            { from: '14:00', to: '18:00' },
            { from: '09:00', to: '12:00' },
          ],
        },
        closedDates: ['2026-12-24'],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Filiale Nord',
      timeZone: 'Europe/Vienna',
      openingHours: {
        tue: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '18:00' },
        ],
      },
      closedDates: ['2026-12-24'],
    });
    const taken = await t.http
      .patch(`${C}/branches/${created.body.id}`)
      .set(as(a.key))
      .send({ phoneNumbers: ['+4930111111'] })
      .expect(409);
    expect(taken.body).toMatchObject({
      code: 'BRANCH.PHONE_NUMBER_TAKEN',
      phoneNumbers: ['+4930111111'],
    });
  });

  it('validates services through the domain and strips HTML from names', async () => {
    const perm = await t.http
      .post(`${C}/services`)
      .set(as(a.key))
      .send({
        name: '<b>Strähnen</b><script>x</script>',
        synonyms: ['Highlights', '<i>Foliensträhnen</i>'],
        segments: [
          { label: 'Auftragen', minutes: 40, staffBusy: true },
          { label: 'Einwirken', minutes: 30, staffBusy: false },
          { minutes: 30, staffBusy: true },
        ],
      })
      .expect(201);
    expect(perm.body.name).toBe('Strähnenx');
    expect(perm.body.synonyms).toEqual(['Foliensträhnen', 'Highlights']);
    expect(perm.body.segments).toHaveLength(3);

    const tooLong = await t.http
      .post(`${C}/services`)
      .set(as(a.key))
      .send({
        name: 'Marathon',
        segments: [
          { minutes: 300, staffBusy: true },
          { minutes: 200, staffBusy: false },
        ],
      })
      .expect(400);
    expect(tooLong.body.code).toBe('SALON.INVALID_SERVICE');
    const twice = await t.http
      .post(`${C}/services`)
      .set(as(a.key))
      .send({ name: 'Dauerwelle', durationMinutes: 60 })
      .expect(409);
    expect(twice.body.code).toBe('SERVICE.NAME_TAKEN');
  });

  it('keeps stylists with services, hours and absences; unknown services are 404', async () => {
    const created = await t.http
      .post(`${C}/staff`)
      .set(as(a.key))
      .send({
        branchId: a.branchId,
        name: 'Jana',
        email: 'Jana@Example.org',
        serviceIds: [a.services.foehnen],
        workingHours: { sat: [{ from: '09:00', to: '14:00' }] },
        absences: [
          {
            start: '2026-12-01T00:00:00+01:00',
            end: '2026-12-08T00:00:00+01:00',
            reason: 'Urlaub',
          },
        ],
      })
      .expect(201);
    const found = await t.http.get(`${C}/staff/${created.body.id}`).set(as(a.key)).expect(200);
    expect(found.body).toMatchObject({
      email: 'jana@example.org',
      serviceIds: [a.services.foehnen],
      workingHours: { sat: [{ from: '09:00', to: '14:00' }] },
      absences: [
        { start: '2026-11-30T23:00:00.000Z', end: '2026-12-07T23:00:00.000Z', reason: 'Urlaub' },
      ],
    });
    const unknown = await t.http
      .patch(`${C}/staff/${created.body.id}`)
      .set(as(a.key))
      .send({ serviceIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(404);
    expect(unknown.body.code).toBe('SERVICE.NOT_FOUND');
  });

  it('records consent and finds customers by number', async () => {
    const updated = await t.http
      .patch(`${C}/customers/${a.customerId}`)
      .set(as(a.key))
      .send({ recognitionConsent: false })
      .expect(200);
    expect(updated.body.recognitionConsent).toBe(false);
    const found = await t.http
      .get(`${C}/customers?phone=%2B4915112345678`)
      .set(as(a.key))
      .expect(200);
    expect(found.body.total).toBe(1);
  });

  it('stores Cal.com secrets encrypted and only ever shows a hint', async () => {
    const secret = 'cal_live_verysecret_9876';
    const created = await t.http
      .post(`${C}/calcom/credentials`)
      .set(as(a.key))
      .send({ label: 'main', apiKey: secret, webhookSecret: 'whsec_topsecret_1234' })
      .expect(201);
    expect(created.body).toMatchObject({ apiKeyHint: '…9876', hasWebhookSecret: true });
    const listed = await t.http.get(`${C}/calcom/credentials`).set(as(a.key)).expect(200);
    for (const body of [created.body, listed.body]) {
      expect(JSON.stringify(body)).not.toContain('verysecret');
      expect(JSON.stringify(body)).not.toContain('topsecret');
    }
    const [row] = await t.ds.query(`SELECT * FROM calcom_credentials WHERE id = $1`, [
      created.body.id,
    ]);
    expect(JSON.stringify(row)).not.toMatch(/verysecret|topsecret/);
    expect(new CredentialCipher(ENCRYPTION_KEY).decrypt(row.api_key_encrypted)).toBe(secret);

    const mapping = {
      credentialId: created.body.id,
      serviceId: a.services.dauerwelle,
      staffId: a.staff.anna,
      segmentSequence: 2,
      eventTypeId: 77,
    };
    await t.http.post(`${C}/calcom/mappings`).set(as(a.key)).send(mapping).expect(201);
    const twice = await t.http
      .post(`${C}/calcom/mappings`)
      .set(as(a.key))
      .send(mapping)
      .expect(409);
    expect(twice.body.code).toBe('CALCOM_MAPPING.EXISTS');
    const noSegment = await t.http
      .post(`${C}/calcom/mappings`)
      .set(as(a.key))
      .send({ ...mapping, segmentSequence: 9 })
      .expect(404);
    expect(noSegment.body.code).toBe('SEGMENT.NOT_FOUND');
  });
});

describe('admin catalog without ENCRYPTION_KEY', () => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await startAdminApp({ ENCRYPTION_KEY: '' });
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses to store Cal.com credentials with a clear error', async () => {
    const a = await tenant(t, 'salon-x', '+4930333333');
    const res = await t.http
      .post(`/api/admin/companies/${a.companyId}/calcom/credentials`)
      .set(as(a.key))
      .send({ label: 'main', apiKey: 'cal_live_0123456789' })
      .expect(503);
    expect(res.body).toEqual({
      code: 'CALCOM.ENCRYPTION_KEY_MISSING',
      message: expect.stringContaining('ENCRYPTION_KEY'),
    });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM calcom_credentials`);
    expect(n).toBe(0);
  });
});
