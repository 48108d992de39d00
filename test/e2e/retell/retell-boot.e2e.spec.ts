import request from 'supertest';
import { TraceWriteBehind } from '../../../src/application/calls/trace-write-behind';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { TestDatabase } from '../../support/test-database';
import { FIXED_NOW, functionCall, RETELL_KEY } from './retell-test-app';

/** The whole service as bootstrap() builds it: the Retell edge wired to the real phone functions. */
describe('Retell edge inside the booted service', () => {
  let service: BootedService;
  let db: TestDatabase;

  beforeAll(async () => {
    service = await bootService({
      RETELL_API_KEY: RETELL_KEY,
      FIXED_NOW,
      SYNC_WORKER_IN_PROCESS: 'false',
    });
    db = service.db;
  }, 60_000);
  afterAll(() => service?.close());

  const post = (path: string, body: unknown) => signedPost(service.app, path, body, RETELL_KEY);

  it('answers get_current_context for the demo salon through the real use cases', async () => {
    const res = await post('/api/retell/function-call', functionCall('get_current_context'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, code: 'OK' });
    expect(typeof res.body.message).toBe('string');
    await service.app.get(TraceWriteBehind).flush();
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
    const res = await request(service.app.getHttpServer())
      .post('/api/retell/function-call')
      .send(functionCall('get_current_context'));
    expect(res.status).toBe(401);
  });
});
