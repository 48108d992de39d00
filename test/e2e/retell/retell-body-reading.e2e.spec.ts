import { TraceWriteBehind } from '../../../src/application/calls/trace-write-behind';
import { longCallFunctionBody, longCallWebhookBody } from '../../support/retell-long-call.fixture';
import {
  createRetellTestApp,
  FIXED_NOW,
  functionCall,
  REAL_CALL_ID,
  RetellTestApp,
  SALON_LINE,
} from './retell-test-app';

const LIMIT = 200_000;
const LONG_CALL = {
  callId: REAL_CALL_ID,
  toNumber: SALON_LINE,
  startTimestamp: Date.parse(FIXED_NOW) - 20 * 60_000,
};

/** `{"a":{"a":...}}` nested `levels` objects deep around `inner`. */
const nested = (levels: number, inner: unknown = 'Dauerwelle'): unknown => {
  let value = inner;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('Retell edge: how bodies are read (limit from RETELL_BODY_LIMIT_BYTES)', () => {
  let t: RetellTestApp;

  beforeAll(async () => {
    t = await createRetellTestApp({
      RETELL_BODY_LIMIT_BYTES: String(LIMIT),
      RETELL_RATE_LIMIT_PER_CALL: '10000',
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.phone.reset();
    // Traces of the test before are written first, so none lands after the tables are cleared.
    await t.app.get(TraceWriteBehind).flush();
    await t.db.dataSource.query(`DELETE FROM call_function_traces; DELETE FROM calls`);
  });

  describe('size', () => {
    it('a call under the configured limit is answered, transcript and all', async () => {
      const body = longCallFunctionBody(
        'check_availability',
        { service: 'Dauerwelle' },
        {
          ...LONG_CALL,
          minutes: 10,
        },
      );
      expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(64 * 1024);
      expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(LIMIT);
      const res = await t.post('/api/retell/function-call', body);
      expect(res.status).toBe(200);
      expect(res.body.code).toBe('OK');
      expect(t.phone.last.ctx).toMatchObject({ companyId: t.companyId, callId: REAL_CALL_ID });
      expect(t.phone.last.args).toEqual({ service: 'Dauerwelle' });
    });

    it.each([
      [
        'a function call',
        '/api/retell/function-call',
        () => longCallFunctionBody('check_availability', {}, { ...LONG_CALL, minutes: 20 }),
      ],
      [
        'an args-only function call',
        '/api/retell/functions/check_availability',
        () => ({
          service: 'Dauerwelle',
          call: longCallFunctionBody('x', {}, { ...LONG_CALL, minutes: 20 }).call,
        }),
      ],
      [
        'call_ended',
        '/api/retell/webhook',
        () => longCallWebhookBody('call_ended', { ...LONG_CALL, minutes: 20 }),
      ],
    ])('%s over the limit: 413 REQUEST.TOO_LARGE, nothing run', async (_label, path, body) => {
      expect(Buffer.byteLength(JSON.stringify(body()))).toBeGreaterThan(LIMIT);
      const res = await t.post(path, body());
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        code: 'REQUEST.TOO_LARGE',
        message: `The request body exceeds ${LIMIT} bytes.`,
      });
      expect(t.phone.received).toHaveLength(0);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM calls`);
      expect(n).toBe(0);
    });

    it('arguments over 64 KiB (what is parsed) are refused 413 whatever the limit', async () => {
      const res = await t.post(
        '/api/retell/function-call',
        functionCall('check_customer', { name: 'x'.repeat(70 * 1024) }),
      );
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('REQUEST.TOO_LARGE');
      expect(t.phone.received).toHaveLength(0);
    });
  });

  it.each([
    ['utf-8', 200],
    ['UTF-8', 200],
    ['"utf-8"', 200],
    ['iso-8859-1', 415],
    ['utf-16le', 415],
  ])('a body declared charset=%s: %s', async (charset, status) => {
    const res = await t.post('/api/retell/function-call', functionCall('check_customer'), {
      headers: { 'content-type': `application/json; charset=${charset}` },
    });
    expect(res.status).toBe(status);
    if (status === 415) expect(res.body.code).toBe('REQUEST.UNSUPPORTED_ENCODING');
  });

  describe('depth, bounded before anything is built', () => {
    const deep = nested(2000);
    it.each<[string, string, unknown]>([
      [
        'function-call arguments',
        '/api/retell/function-call',
        functionCall('check_availability', { service: deep }),
      ],
      ['args-only arguments', '/api/retell/functions/check_availability', { service: deep }],
      [
        'a function call’s call object',
        '/api/retell/function-call',
        functionCall('check_customer', {}, { metadata: deep }),
      ],
      [
        'a transcript',
        '/api/retell/function-call',
        functionCall('check_customer', {}, { transcript_object: [deep] }),
      ],
      [
        'a call webhook',
        '/api/retell/webhook',
        { event: 'call_ended', call: { call_id: REAL_CALL_ID, metadata: deep } },
      ],
      [
        'the inbound webhook',
        '/api/retell/inbound',
        { event: 'call_inbound', call_inbound: { from_number: deep, to_number: SALON_LINE } },
      ],
    ])('2,000 levels in %s: 400 REQUEST.TOO_DEEP, nothing run', async (_label, path, body) => {
      const res = await t.post(path, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'REQUEST.TOO_DEEP',
        message: 'The request body is nested deeper than 32 levels.',
      });
      expect(t.phone.received).toHaveLength(0);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM calls`);
      expect(n).toBe(0);
    });

    it('a body within the bound is answered as usual', async () => {
      const res = await t.post(
        '/api/retell/function-call',
        functionCall('check_availability', { service: nested(20), date: 'morgen' }),
      );
      expect(res.status).toBe(200);
      expect(res.body.code).toBe('OK');
      expect(t.phone.last.args).toEqual({ date: 'morgen' });
    });
  });
});
