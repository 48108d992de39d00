import request from 'supertest';
import { createRetellTestApp, functionCall, RetellTestApp } from './retell-test-app';

const FUNCTION_CALL = '/api/retell/function-call';

describe('Retell edge: bodies a caller or agent can send', () => {
  let t: RetellTestApp;

  beforeAll(async () => {
    t = await createRetellTestApp({ RETELL_RATE_LIMIT_PER_CALL: '10000' });
  });
  afterAll(() => t.close());
  beforeEach(() => t.phone.reset());

  it('malformed JSON: 400 REQUEST.MALFORMED_JSON', async () => {
    const res = await t.post(FUNCTION_CALL, '{"name": "check_customer", ', { raw: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('a body over 64 kB: 413 REQUEST.TOO_LARGE', async () => {
    const body = functionCall('check_customer', { name: 'x'.repeat(70 * 1024) });
    const res = await t.post(FUNCTION_CALL, body);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('REQUEST.TOO_LARGE');
  });

  it.each([
    ['an array', []],
    ['a number', 42],
    ['null', null],
    ['a string', 'book it'],
    ['no name', { args: {} }],
    ['a name that is a number', { name: 7 }],
    ['a name longer than 64', { name: 'x'.repeat(65) }],
    ['args as an array', { name: 'check_customer', args: [1, 2] }],
    ['args as a string', { name: 'check_customer', args: 'date=morgen' }],
    ['call as a string', { name: 'check_customer', call: 'call_abc' }],
  ])('wrong shape (%s): 400 with a code', async (_label, body) => {
    const res = await t.post(FUNCTION_CALL, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toMatch(/^REQUEST\./);
    expect(typeof res.body.message).toBe('string');
  });

  it('args-only mode with an array body: 400', async () => {
    const res = await t.post('/api/retell/functions/check_customer', ['datum', 'morgen']);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.INVALID_BODY');
  });

  it('strips HTML, control characters and caps lengths before the use cases', async () => {
    await t.post(
      FUNCTION_CALL,
      functionCall('book_appointment', {
        name: '<b>Eva</b>\u0000 <script>alert(1)</script>Braun\u200b',
        service: 'Dauer\nwelle',
        date: 'm'.repeat(10_000),
        email: `${'e'.repeat(300)}@example.org`,
      }),
    );
    const args = t.phone.last.args;
    expect(args.name).toBe('Eva Braun');
    expect(args.service).toBe('Dauer welle');
    expect(args.date).toHaveLength(200);
    expect(args.email).toHaveLength(255);
  });

  const hostile: Array<[string, unknown]> = [
    ['HTML', { service: '<img src=x onerror=alert(1)>', name: '<h1>Hi</h1>' }],
    ['10k-character strings', { service: 'a'.repeat(10_000), name: 'b'.repeat(10_000) }],
    ['nested objects', { service: { name: { deeper: ['Dauerwelle'] } }, date: { a: 1 } }],
    ['arrays instead of text', { service: ['Dauerwelle'], date: [], time: [[[]]] }],
    ['numbers', { service: 1e308, date: -0, time: 14.5, name: 0 }],
    ['null and booleans', { service: null, date: true, time: false }],
    ['unicode and emoji', { service: '💇‍♀️ Färben 🌈', name: 'Zoë Ça Ñandú 李', date: '𝟚𝟘𝟚𝟞' }],
    ['SQL-ish text', { service: "'; DROP TABLE appointments; --", name: "Robert'); --" }],
    ['prototype keys', JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}')],
    [
      'lone surrogates and NUL',
      { service: 'Dauer\ud800welle', name: 'Eva\udc00\u0000', date: '\u0000' },
    ],
    ['call ids that are not ids', { call_id: { $ne: null }, callId: ['call_1'] }],
  ];

  it.each(hostile)('hostile arguments (%s) never end in a 5xx', async (_label, args) => {
    for (const name of ['check_availability', 'book_appointment', 'reschedule_appointment']) {
      const res = await t.post(FUNCTION_CALL, { ...functionCall(name), args });
      expect(res.status).toBe(200);
      expect(res.body.code).not.toMatch(/^INTERNAL\./);
      expect(typeof res.body.message).toBe('string');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['no call object fields', {}],
    ['numbers everywhere', { call_id: 12, to_number: 4930901820, agent_id: 5, metadata: 3 }],
    ['a 10k-char call id', { call_id: `call_${'a1b2c3d4e5'.repeat(1000)}` }],
    ['an overlong but id-shaped call id', { call_id: `call_${'9f8e7d6c5b4a3210'.repeat(10)}` }],
    ['hostile numbers', { to_number: "+49'; DROP TABLE calls; --", from_number: '<script>' }],
    ['a 17-digit caller number', { from_number: '+49301234567890123' }],
    ['NUL and lone surrogates', { agent_id: 'agent\u0000\ud800', from_number: '+49\udc00' }],
    [
      'a branch id hint that is SQL',
      { to_number: null, agent_id: null, metadata: { branch_id: "' OR 1=1 --" } },
    ],
    ['a negative agent version', { agent_version: -5, start_timestamp: 'yesterday' }],
  ])('hostile call objects (%s) never end in a 5xx', async (_label, call) => {
    const body = { name: 'check_customer', args: {}, call };
    const res = await t.post(FUNCTION_CALL, body);
    expect(res.status).toBe(200);
    expect(res.body.code).not.toMatch(/^INTERNAL\./);
    expect(typeof res.body.message).toBe('string');
  });

  it('a hostile path or method never ends in a 5xx', async () => {
    const server = t.app.getHttpServer();
    const paths = [
      '/api/retell/functions/%E0%A4%A',
      `/api/retell/functions/${'x'.repeat(5000)}`,
      '/api/retell/functions/..%2F..%2Fetc%2Fpasswd',
    ];
    for (const path of paths) {
      const res = await t.post(path, {});
      expect(res.status).toBeLessThan(500);
    }
    const get = await request(server).get(FUNCTION_CALL);
    expect(get.status).toBe(404);
    expect(get.body.code).toBe('NOT_FOUND');
  });

  it('unsupported content encodings are refused with a code', async () => {
    const res = await request(t.app.getHttpServer())
      .post(FUNCTION_CALL)
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send('{"name":"check_customer"}');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('REQUEST.UNSUPPORTED_ENCODING');
  });
});

describe('Retell edge: verification switched off', () => {
  let t: RetellTestApp;
  beforeAll(async () => {
    t = await createRetellTestApp({ RETELL_VERIFY_SIGNATURES: 'false' });
  });
  afterAll(() => t.close());

  it('answers unsigned requests', async () => {
    const res = await t.post(FUNCTION_CALL, functionCall('check_customer'), { signature: null });
    expect(res.status).toBe(200);
    expect(res.body.code).toBe('OK');
  });
});

describe('Retell edge: no API key configured', () => {
  let t: RetellTestApp;
  beforeAll(async () => {
    t = await createRetellTestApp({ RETELL_API_KEY: '' });
  });
  afterAll(() => t.close());

  it('refuses every request, signed or not (fail closed)', async () => {
    for (const signature of [null, undefined]) {
      const res = await t.post(FUNCTION_CALL, functionCall('check_customer'), { signature });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('RETELL.BAD_SIGNATURE');
    }
    const hook = await t.post('/api/retell/webhook', { event: 'call_started', call: {} });
    expect(hook.status).toBe(401);
    expect(t.phone.received).toHaveLength(0);
  });
});
