import { FakeCalcom } from '../../../bench/sync-fake-calcom';
import { AdminTestApp, startAdminApp } from './admin-app';
import { as, Tenant, tenant } from './admin-world';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A mapping's event type is read from Cal.com once, when the mapping is saved (the service runs
 * on Cal.com, the fake one over HTTP; real Postgres and Redis): its buffer after each booking
 * must be the service's buffer after its last step, else the answer warns.
 */
describe('a Cal.com mapping checks the event type’s buffer', () => {
  const fake = new FakeCalcom();
  let t: AdminTestApp;
  let a: Tenant;
  let C: string;
  let credentialId: string;

  beforeAll(async () => {
    await fake.start();
    t = await startAdminApp({
      CALCOM_API_KEY: 'cal_test_operator',
      CALCOM_ALLOWED_HOSTS: new URL(fake.url).host,
      REDIS_URL,
    });
    a = await tenant(t, 'salon-buffer', '+4930555555');
    C = `/api/admin/companies/${a.companyId}`;
    const credential = await t.http
      .post(`${C}/calcom/credentials`)
      .set(as(a.key))
      .send({ label: 'main', apiKey: 'cal_test_salon_0123456789', baseUrl: fake.url })
      .expect(201);
    credentialId = credential.body.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  const map = (service: string, staff: string, eventTypeId: number, segmentSequence?: number) =>
    t.http
      .post(`${C}/calcom/mappings`)
      .set(as(a.key))
      .send({
        credentialId,
        serviceId: a.services[service],
        staffId: staff,
        eventTypeId,
        ...(segmentSequence !== undefined ? { segmentSequence } : {}),
      })
      .expect(201);

  it('no warning when the event type keeps the service’s 15 minutes after a Damenhaarschnitt', async () => {
    fake.eventTypeBuffers.set(8001, 15);
    const res = await map('damenhaarschnitt', a.staff.anna, 8001);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.eventTypeId).toBe(8001);
    expect(fake.requests).toContain('GET /v2/event-types/8001');
  });

  it('warns when the event type keeps no buffer; the mapping is stored and the audit log keeps it', async () => {
    fake.eventTypeBuffers.set(8002, 0);
    const res = await map('damenhaarschnitt', a.staff.lena, 8002);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        code: 'CALCOM_MAPPING.BUFFER_DIFFERS',
        serviceBufferMinutes: 15,
        eventTypeBufferMinutes: 0,
      }),
    ]);
    expect(res.body.warnings[0].message).toContain('Set the event type');
    const listed = await t.http.get(`${C}/calcom/mappings`).set(as(a.key)).expect(200);
    expect(listed.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
    const [row] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'calcom_mapping.created' AND entity_id = $1`,
      [res.body.id],
    );
    expect(row.details.bufferCheck).toEqual({
      kind: 'differs',
      expectedMinutes: 15,
      eventTypeMinutes: 0,
      lastStep: true,
    });
  });

  it('warns about a buffer after a step that processing time follows (perm, wrapping)', async () => {
    fake.eventTypeBuffers.set(8003, 10);
    fake.eventTypeBuffers.set(8004, 0);
    const wrap = await map('dauerwelle', a.staff.anna, 8003, 0);
    expect(wrap.body.warnings).toEqual([
      expect.objectContaining({
        code: 'CALCOM_MAPPING.BUFFER_DIFFERS',
        serviceBufferMinutes: 0,
        eventTypeBufferMinutes: 10,
      }),
    ]);
    // Drying, the perm's last step: the perm has no buffer, and neither has its event type.
    expect((await map('dauerwelle', a.staff.anna, 8004, 4)).body.warnings).toEqual([]);
  });

  it('says so when Cal.com cannot be asked, and stores the mapping anyway', async () => {
    fake.down = true;
    try {
      const res = await map('herrenhaarschnitt', a.staff.mehmet, 8005);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({ code: 'CALCOM_MAPPING.BUFFER_UNCHECKED' }),
      ]);
      expect(res.body.warnings[0].message).toContain('CALENDAR.SERVER_ERROR');
    } finally {
      fake.down = false;
    }
  });
});
