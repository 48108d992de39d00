import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { TestDatabase } from '../../support/test-database';

const GLOBAL_KEY = 'key_service_wide_000000001';
const SALON_KEY = 'key_salon_haarmonie_00001';
const BOOTSTRAP = 'bootstrap-key-for-tenant-retell-test-000';
const call = {
  call_id: 'call_0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  from_number: '+4915112345678',
  to_number: '+4930901820',
};

/** A salon with its own Retell account: its key, not the service-wide one, verifies its calls. */
describe('per-salon Retell keys', () => {
  let service: BootedService;
  let db: TestDatabase;
  let app: INestApplication;
  let companyId: string;

  beforeAll(async () => {
    service = await bootService({
      RETELL_API_KEY: GLOBAL_KEY,
      ADMIN_BOOTSTRAP_KEY: BOOTSTRAP,
      ENCRYPTION_KEY: 'c3'.repeat(32),
      FIXED_NOW: '2026-11-26T14:00:00Z',
    });
    ({ db, app } = service);
    [{ id: companyId }] = await db.dataSource.query(`SELECT id FROM companies`);
  }, 60_000);
  afterAll(() => service?.close());

  const signed = (path: string, body: unknown, key: string) => signedPost(app, path, body, key);
  const setKey = (apiKey: string | null) =>
    apiKey === null
      ? request(app.getHttpServer())
          .delete(`/api/admin/companies/${companyId}/retell-key`)
          .set('x-api-key', BOOTSTRAP)
      : request(app.getHttpServer())
          .post(`/api/admin/companies/${companyId}/retell-key`)
          .set('x-api-key', BOOTSTRAP)
          .send({ apiKey });
  const contextCall = { name: 'get_current_context', args: {}, call };

  it('verifies with the salon key once one is stored, and with the service key again after removal', async () => {
    expect((await signed('/api/retell/function-call', contextCall, GLOBAL_KEY)).status).toBe(200);

    expect((await setKey(SALON_KEY)).status).toBe(201);
    const [{ stored }] = await db.dataSource.query(
      `SELECT retell_api_key_encrypted AS stored FROM companies WHERE id = $1`,
      [companyId],
    );
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(SALON_KEY);

    expect((await signed('/api/retell/function-call', contextCall, GLOBAL_KEY)).status).toBe(401);
    expect((await signed('/api/retell/function-call', contextCall, SALON_KEY)).status).toBe(200);
    const inbound = {
      event: 'call_inbound',
      call_inbound: { from_number: call.from_number, to_number: call.to_number },
    };
    expect((await signed('/api/retell/inbound', inbound, SALON_KEY)).status).toBe(200);
    expect((await signed('/api/retell/inbound', inbound, GLOBAL_KEY)).status).toBe(401);
    expect(
      (await signed('/api/retell/webhook', { event: 'call_started', call }, SALON_KEY)).status,
    ).toBe(204);

    // A call for a number no salon answers is verified with the service key.
    const stranger = { ...contextCall, call: { ...call, to_number: '+4989123456' } };
    expect((await signed('/api/retell/function-call', stranger, GLOBAL_KEY)).body).toMatchObject({
      code: 'RETELL.UNKNOWN_SALON',
    });

    expect((await setKey(null)).status).toBe(200);
    expect((await signed('/api/retell/function-call', contextCall, GLOBAL_KEY)).status).toBe(200);
    expect((await signed('/api/retell/function-call', contextCall, SALON_KEY)).status).toBe(401);
  });
});
