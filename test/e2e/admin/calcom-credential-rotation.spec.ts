import {
  CALENDAR_CREDENTIALS,
  CALENDAR_GATEWAY,
  type CalendarCredentials,
} from '../../../src/application/ports/calendar-gateway.port';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { CalendarAuthFailed } from '../../../src/domain/calendar/calendar.errors';
import { AdminTestApp, startAdminApp } from './admin-app';
import { as, Tenant, tenant } from './admin-world';

const OLD_KEY = 'cal_live_leaked_0123456789';
const NEW_KEY = 'cal_live_fresh_9876543210';

/** Removing and rotating a Cal.com credential: effective at once, in this very process. */
describe('admin Cal.com credential removal and rotation', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  let credentialId: string;
  let mappingId: string;
  let credentials: CalendarCredentials;
  let gateway: CalcomCalendarGateway;
  const base = (who: Tenant) => `/api/admin/companies/${who.companyId}/calcom`;
  const q = (sql: string, params: unknown[] = []) => t.ds.query(sql, params);

  /** Opens the credential's breaker as repeated Cal.com failures would. */
  const openBreaker = (ref: string) =>
    (gateway as unknown as { breakers: { breakerFor(r: string): { open(): void } } }).breakers
      .breakerFor(ref)
      .open();

  beforeAll(async () => {
    // An operator key makes the service use Cal.com (with breakers) rather than the local calendar.
    t = await startAdminApp({ CALCOM_API_KEY: 'cal_operator_0123456789' });
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
    credentials = t.app.get(CALENDAR_CREDENTIALS);
    gateway = t.app.get(CALENDAR_GATEWAY);
    const created = await t.http
      .post(`${base(a)}/credentials`)
      .set(as(a.key))
      .send({ label: 'main', apiKey: OLD_KEY, webhookSecret: 'whsec_old_0123456789' })
      .expect(201);
    credentialId = created.body.id;
    const mapping = await t.http
      .post(`${base(a)}/mappings`)
      .set(as(a.key))
      .send({
        credentialId,
        serviceId: a.services.herrenhaarschnitt,
        staffId: a.staff.mehmet,
        eventTypeId: 1001,
      })
      .expect(201);
    mappingId = mapping.body.id;
  }, 60_000);
  afterAll(() => t?.close());

  it('rotation: the next calendar call uses the new key, and an open breaker is let go', async () => {
    expect(await credentials.resolve(credentialId)).toMatchObject({ apiKey: OLD_KEY });
    openBreaker(credentialId);
    expect(gateway.breakerState(credentialId)).toBe('open');

    const res = await t.http
      .post(`${base(a)}/credentials/${credentialId}/rotate`)
      .set(as(a.key))
      .send({ apiKey: NEW_KEY, webhookSecret: 'whsec_new_0123456789' })
      .expect(200);
    expect(res.body).toMatchObject({
      id: credentialId,
      apiKeyHint: '…3210',
      hasWebhookSecret: true,
      rotatedAt: '2026-11-26T14:00:00.000Z',
    });
    expect(JSON.stringify(res.body)).not.toContain(NEW_KEY);

    expect(await credentials.resolve(credentialId)).toMatchObject({ apiKey: NEW_KEY });
    expect(gateway.breakerState(credentialId)).toBe('closed');
    const mappings = await t.http
      .get(`${base(a)}/mappings`)
      .set(as(a.key))
      .expect(200);
    expect(mappings.body.items.map((m: { id: string }) => m.id)).toContain(mappingId);
  });

  it("another company's key gets 404 and changes nothing", async () => {
    await t.http
      .post(`${base(a)}/credentials/${credentialId}/rotate`)
      .set(as(b.key))
      .send({ apiKey: OLD_KEY })
      .expect(404);
    const own = await t.http
      .delete(`${base(b)}/credentials/${credentialId}`)
      .set(as(b.key))
      .expect(404);
    expect(own.body.code).toBe('CALCOM_CREDENTIAL.NOT_FOUND');
    expect(await credentials.resolve(credentialId)).toMatchObject({ apiKey: NEW_KEY });
  });

  it('removal: the key is gone at once, mappings stay inactive, calls fail as lacking a credential', async () => {
    expect(await credentials.resolve(credentialId)).toMatchObject({ apiKey: NEW_KEY });
    const res = await t.http
      .delete(`${base(a)}/credentials/${credentialId}`)
      .set(as(a.key))
      .expect(200);
    expect(res.body).toEqual({ id: credentialId, inactiveMappings: 1 });

    expect(await credentials.resolve(credentialId)).toBeNull();
    const refusal = await gateway.getBooking({ credentialRef: credentialId, uid: 'bk_1' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(CalendarAuthFailed);
    expect((refusal as CalendarAuthFailed).detail).toContain('no calendar credential');
    const [row] = await q(
      `SELECT api_key_encrypted, webhook_secret_encrypted, removed_at FROM calcom_credentials
        WHERE id = $1`,
      [credentialId],
    );
    expect(row).toEqual({
      api_key_encrypted: null,
      webhook_secret_encrypted: null,
      removed_at: new Date('2026-11-26T14:00:00.000Z'),
    });

    const listed = await t.http
      .get(`${base(a)}/credentials`)
      .set(as(a.key))
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(credentialId);
    const mappings = await t.http
      .get(`${base(a)}/mappings`)
      .set(as(a.key))
      .expect(200);
    expect(mappings.body.items.map((m: { id: string }) => m.id)).toContain(mappingId);

    await t.http
      .post(`${base(a)}/mappings`)
      .set(as(a.key))
      .send({
        credentialId,
        serviceId: a.services.damenhaarschnitt,
        staffId: a.staff.lena,
        eventTypeId: 1002,
      })
      .expect(404);
    await t.http
      .post(`${base(a)}/credentials/${credentialId}/rotate`)
      .set(as(a.key))
      .send({ apiKey: NEW_KEY })
      .expect(404);
    await t.http
      .delete(`${base(a)}/credentials/${credentialId}`)
      .set(as(a.key))
      .expect(404);

    const audit = await q(
      `SELECT action, details::text AS details FROM audit_log
        WHERE entity = 'calcom_credential' AND entity_id = $1 ORDER BY id`,
      [credentialId],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'calcom_credential.stored',
      'calcom_credential.rotated',
      'calcom_credential.removed',
    ]);
    for (const r of audit) expect(r.details).not.toMatch(/cal_live|whsec/);
  });
});
