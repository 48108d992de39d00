import { sign } from 'retell-sdk';
import request from 'supertest';
import { BootedService, bootService } from '../../support/booted-service';
import { FIXED_NOW, functionCall, RETELL_KEY } from './retell-test-app';

const LIMIT = 2;
/** Where Retell's requests come from (its documented address). */
const RETELL_ADDRESS = '100.20.5.228';

/**
 * The per-address limit (failed signatures) behind a reverse proxy: which address counts
 * depends on TRUST_PROXY.
 */
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
      RETELL_RATE_LIMIT_FAILED_SIGNATURE_PER_CLIENT: String(LIMIT),
      // Failed signatures are counted in the process; nothing here needs Redis.
      REDIS_URL: '',
    });
  }, 60_000);
  afterAll(() => service?.close());

  const from = async (forwardedFor: string, key = 'key_not_retells') => {
    const body = JSON.stringify(functionCall('get_current_context'));
    return request(service.app.getHttpServer())
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', forwardedFor)
      .set('x-retell-signature', await sign(body, key))
      .send(body);
  };

  it('never counts correctly signed requests against their address', async () => {
    for (let i = 0; i < 3 * LIMIT; i++) {
      expect((await from(RETELL_ADDRESS, RETELL_KEY)).status).toBe(200);
    }
  });

  it('counts failed signatures per client address accordingly', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await from('203.0.113.7')).status).toBe(401);
    expect((await from('203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy.
    expect((await from('198.51.100.20')).status).toBe(separate ? 401 : 429);
    // Retell behind an untrusted proxy shares the proxy's address and is refused with it.
    expect((await from(RETELL_ADDRESS, RETELL_KEY)).status).toBe(separate ? 200 : 429);
  });

  it('a client cannot pick its address by adding to the header it sends', async () => {
    // The proxy appends the real peer; only the last trusted hop's left neighbour counts.
    const res = await from('192.0.2.99, 203.0.113.7');
    expect(res.status).toBe(429);
  });
});
