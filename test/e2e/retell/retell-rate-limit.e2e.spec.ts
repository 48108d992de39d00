import { createRetellTestApp, functionCall, RetellTestApp } from './retell-test-app';

const FUNCTION_CALL = '/api/retell/function-call';
const CALL_A = 'call_a7f3c9e1b5d2846f0e9a1c3b5d7f9e2a';
const CALL_B = 'call_b8e4d0f2c6a3957e1f0b2d4c6e8a0f3b';
const CALL_C = 'call_c9f5e1a3d7b4068f2a1c3e5d7f9b1a4c';

describe('Retell rate limits (per call id and per client)', () => {
  let t: RetellTestApp;

  beforeAll(async () => {
    t = await createRetellTestApp({
      RETELL_RATE_LIMIT_PER_CALL: '3',
      RETELL_RATE_LIMIT_PER_CLIENT: '8',
    });
  });
  afterAll(() => t.close());

  const call = (callId: string) =>
    t.post(FUNCTION_CALL, functionCall('check_customer', {}, { call_id: callId }));

  it('limits function calls per call id, then per client address', async () => {
    // Client count 1-3: call A within its limit.
    for (let i = 0; i < 3; i++) expect((await call(CALL_A)).status).toBe(200);

    // Client count 4: the fourth call of A is refused, in German, with a code.
    const refused = await call(CALL_A);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RETELL.RATE_LIMITED');
    expect(refused.body.message).toMatch(/Zu viele Anfragen/);
    expect(refused.headers['retry-after']).toBe('60');
    expect(t.phone.received).toHaveLength(3);

    // Client count 5: another call is unaffected by A's limit.
    expect((await call(CALL_B)).status).toBe(200);
    // The placeholder id resolves to the call object's id, so it counts for A too.
    const placeholder = await t.post(
      FUNCTION_CALL,
      functionCall('check_customer', { call_id: 'call_1' }, { call_id: CALL_A }),
    );
    expect(placeholder.status).toBe(429);

    // Client count 7-8: requests without a real call id are limited per client only.
    for (let i = 0; i < 2; i++) {
      const res = await t.post(
        FUNCTION_CALL,
        functionCall('check_customer', {}, { call_id: 'none' }),
      );
      expect(res.status).toBe(200);
    }

    // Client count 9: over the client limit, whichever call it is for, webhooks included.
    const overClient = await call(CALL_C);
    expect(overClient.status).toBe(429);
    expect(overClient.body.code).toBe('RETELL.RATE_LIMITED');
    const hook = await t.post('/api/retell/webhook', { event: 'call_started', call: {} });
    expect(hook.status).toBe(429);
  });
});
