import { AdminTestApp, BOOTSTRAP_KEY, ENCRYPTION_KEY, FIXED_NOW, startAdminApp } from './admin-app';
import { as, asBootstrap, friday, settle, tenant } from './admin-world';

const NAME = 'Zacharias Quendolin';
const PHONE = '+4915199887766';
const EMAIL = 'zq.unique-4711@example.org';
const CALCOM_KEY = 'cal_live_distinct_5c4b3a2918';
const NOTE = 'Quendolin called back';

/** An admin session with distinctive personal data and secrets; no log line may carry them. */
describe('admin logs carry no personal data or secrets', () => {
  let t: AdminTestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startAdminApp(
      { LOG_LEVEL: 'debug', FIXED_NOW },
      { write: (line: string) => void lines.push(line) },
    );
  }, 60_000);
  afterAll(() => t?.close());

  it('writes none of them, on success and on refusal', async () => {
    const a = await tenant(t, 'salon-log', '+4930444444');
    const C = `/api/admin/companies/${a.companyId}`;
    const customer = await t.http
      .post(`${C}/customers`)
      .set(as(a.key))
      .send({ name: NAME, phone: PHONE, email: EMAIL, recognitionConsent: true })
      .expect(201);
    await t.http
      .post(`${C}/customers`)
      .set(as(a.key))
      .send({ name: NAME, phone: 'x', email: EMAIL })
      .expect(400);
    await t.http
      .get(`${C}/customers?phone=${encodeURIComponent(PHONE)}`)
      .set(as(a.key))
      .expect(200);
    await t.http
      .patch(`${C}/customers/${customer.body.id}`)
      .set(as(a.key))
      .send({ email: 'bad' })
      .expect(400);
    await t.http
      .post(`${C}/calcom/credentials`)
      .set(as(a.key))
      .send({ label: 'main', apiKey: CALCOM_KEY })
      .expect(201);
    await t.http
      .post(`${C}/calcom/credentials`)
      .set(as(a.key))
      .send({ apiKey: CALCOM_KEY })
      .expect(400);
    const booked = await t.http
      .post(`${C}/appointments`)
      .set('authorization', `Bearer ${a.key}`)
      .send({
        staffId: a.staff.mehmet,
        serviceId: a.services.herrenhaarschnitt,
        customerId: customer.body.id,
        start: friday('10:00'),
      })
      .expect(201);
    await settle(t);
    await t.ds.query(`UPDATE appointments SET sync_state = 'manual_review' WHERE id = $1`, [
      booked.body.id,
    ]);
    await t.http
      .post(`${C}/sync/manual-review/${booked.body.id}/resolve`)
      .set(as(a.key))
      .send({ resolution: 'not_required', note: NOTE })
      .expect(200);
    await t.http
      .get('/api/admin/companies')
      .set(as(`${BOOTSTRAP_KEY}-wrong`))
      .expect(401);
    await t.http.get('/api/admin/companies').set(asBootstrap).expect(200);
    await t.http.get(`${C}/salon-file`).set(as(a.key)).expect(200);
    // Personal data where an id belongs, raw and URL-encoded: refused, and never logged.
    for (const param of [EMAIL, PHONE, NAME, a.key]) {
      for (const form of [
        param,
        encodeURIComponent(param),
        encodeURIComponent(encodeURIComponent(param)),
      ]) {
        const res = await t.http.get(`${C}/customers/${form}`).set(as(a.key));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        await t.http.get(`${C}/customers-by-phone/${form}`).set(as(a.key)).expect(404);
      }
    }

    expect(lines.length).toBeGreaterThan(10);
    const text = lines.join('\n');
    for (const secret of [
      NAME,
      'Quendolin',
      PHONE,
      PHONE.slice(1),
      EMAIL,
      CALCOM_KEY,
      BOOTSTRAP_KEY,
      a.key,
      a.key.slice(16),
      ENCRYPTION_KEY,
      encodeURIComponent(EMAIL),
      encodeURIComponent(PHONE),
      encodeURIComponent(NAME),
      'Zacharias',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
