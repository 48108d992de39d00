import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { sign } from 'retell-sdk';
import { bootstrap, loadConfig } from '../../../src/bootstrap';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { FIXED_NOW, functionCall, RETELL_KEY } from './retell-test-app';

/** The whole service as bootstrap() builds it: the Retell edge wired to the real phone functions. */
describe('Retell edge inside the booted service', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootstrap(
      loadConfig({
        DATABASE_URL: db.url,
        SEED_DEMO_SALON: 'true',
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'silent',
        RETELL_API_KEY: RETELL_KEY,
        FIXED_NOW,
        SYNC_WORKER_IN_PROCESS: 'false',
      }),
    );
    await app.init();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const post = async (path: string, body: unknown) => {
    const text = JSON.stringify(body);
    return request(app.getHttpServer())
      .post(path)
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(text, RETELL_KEY))
      .send(text);
  };

  it('answers get_current_context for the demo salon through the real use cases', async () => {
    const res = await post('/api/retell/function-call', functionCall('get_current_context'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, code: 'OK' });
    expect(typeof res.body.message).toBe('string');
    const [trace] = await db.dataSource.query(
      `SELECT function_name, outcome FROM call_function_traces`,
    );
    expect(trace).toEqual({ function_name: 'get_current_context', outcome: 'OK' });
  });

  it('greets through the inbound webhook with the pinned date', async () => {
    const res = await post('/api/retell/inbound', {
      event: 'call_inbound',
      call_inbound: { from_number: '+4915100000000', to_number: '+4930901820' },
    });
    expect(res.status).toBe(200);
    expect(res.body.call_inbound.dynamic_variables.current_date).toBe(
      'Donnerstag, 26. November 2026',
    );
  });

  it('refuses unsigned requests', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/retell/function-call')
      .send(functionCall('get_current_context'));
    expect(res.status).toBe(401);
  });
});
