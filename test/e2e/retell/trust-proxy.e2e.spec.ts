import { sign } from 'retell-sdk';
import request from 'supertest';
import { BootedService, bootService } from '../../support/booted-service';
import { FIXED_NOW, functionCall, RETELL_KEY } from './retell-test-app';

const LIMIT = 2;

/** Per-address limits behind a reverse proxy: which address counts depends on TRUST_PROXY. */
describe.each([
  ['false', 'every client behind the proxy shares the proxy’s count', false],
  ['loopback', 'each forwarded client has its own count', true],
])('TRUST_PROXY=%s: %s', (trust, _, separate) => {
  let service: BootedService;

  beforeAll(async () => {
    service = await bootService({
      RETELL_API_KEY: RETELL_KEY,
      FIXED_NOW,
      SYNC_WORKER_IN_PROCESS: 'false',
      TRUST_PROXY: trust,
      RETELL_RATE_LIMIT_PER_CLIENT: String(LIMIT),
      // Addresses are counted in this service's own store, apart from other suites.
      REDIS_URL: '',
    });
  }, 60_000);
  afterAll(() => service?.close());

  const from = async (forwardedFor: string) => {
    const body = JSON.stringify(functionCall('get_current_context'));
    return request(service.app.getHttpServer())
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', forwardedFor)
      .set('x-retell-signature', await sign(body, RETELL_KEY))
      .send(body);
  };

  it('counts requests per client address accordingly', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await from('203.0.113.7')).status).toBe(200);
    expect((await from('203.0.113.7')).status).toBe(429);
    // Another caller's platform address behind the same proxy.
    expect((await from('198.51.100.20')).status).toBe(separate ? 200 : 429);
  });

  it('a client cannot pick its address by adding to the header it sends', async () => {
    // The proxy appends the real peer; only the last trusted hop's left neighbour counts.
    const res = await from('192.0.2.99, 203.0.113.7');
    expect(res.status).toBe(429);
  });
});
