import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { sign } from 'retell-sdk';
import request from 'supertest';
import { TraceWriteBehind } from '../../../src/application/calls/trace-write-behind';
import { PHONE_FUNCTION_NAMES } from '../../../src/application/booking/phone-functions';
import { BootedService, bootService } from '../../support/booted-service';

const KEY = 'key_e2e_fuzz_0123456789abcdef';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';
const FUNCTION_CALL = '/api/retell/function-call';

/** Characters Postgres or JSON parsers refuse, and other odd code points. */
const oddCharacter = fc.constantFrom(
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u0000',
  '\u0007',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\uffff',
  '\ufffe',
  '\ue000',
  '\u{10ffff}',
  '\u{1f487}',
);
const withOddCharacters = (words: string[]) =>
  fc
    .tuple(fc.constantFrom(...words), fc.array(oddCharacter, { minLength: 1, maxLength: 3 }))
    .chain(([word, odd]) =>
      fc.nat(word.length).map((at) => `${word.slice(0, at)}${odd.join('')}${word.slice(at)}`),
    );
const words = [
  'Dauerwelle',
  'Herrenschnitt',
  'Färben',
  'morgen',
  'Freitag',
  '2026-12-04',
  '10 Uhr',
  'halb elf',
  'Anna',
  'Eva Braun',
  'eva@example.org',
];
const text = fc.oneof(
  fc.constantFrom(...words),
  withOddCharacters(words),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 30 }),
);
/** What an agent can put in an argument: mostly text, sometimes anything JSON holds. */
const argumentValue = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);
const argumentName = fc.oneof(
  fc.constantFrom(
    'service',
    'dienstleistung',
    'date',
    'datum',
    'time',
    'uhrzeit',
    'name',
    'kundenname',
    'staff',
    'mitarbeiter',
    'email',
    'neues_datum',
    'neue_uhrzeit',
    'appointment_id',
  ),
  withOddCharacters(['datum', 'service']),
  fc.string({ maxLength: 12 }),
);
const args = fc.dictionary(argumentName, argumentValue, { maxKeys: 8 });

/** Official names, the alias and versioned names of older agents, in any case. */
const functionName = fc.oneof(
  fc.constantFrom(...PHONE_FUNCTION_NAMES, 'start_booking'),
  fc
    .tuple(fc.constantFrom(...PHONE_FUNCTION_NAMES, 'start_booking'), fc.nat(999))
    .map(([name, version]) => `${name}_v${version}`),
  fc.constantFrom('CHECK_AVAILABILITY_V17', 'order_pizza', 'book_appointment_v', ''),
  withOddCharacters(['check_customer', 'order_pizza']),
);

/** Caller numbers as networks send them, around E.164's 15 digits, and garbage. */
const fromNumber = fc.oneof(
  fc.constantFrom(
    '+4915112345678',
    '0151 12345678',
    'anonymous',
    '',
    '+49301234567890123', // 17 digits
    '49301234567890123',
    '+4915112345678\u0000',
    '+49151\ud800',
  ),
  fc.stringMatching(/^\+?[1-9]\d{12,19}$/),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constant(undefined),
);

/** A name as a path segment; a lone surrogate cannot be percent-encoded, so it goes. */
const pathSegment = (name: string): string =>
  encodeURIComponent(name.replace(/[\ud800-\udfff]/g, '') || 'x');

interface Answer {
  readonly success: boolean;
  readonly code: string;
  readonly message: string;
}

/**
 * What Retell can send, through the whole booted service (real use cases, real Postgres,
 * signed as Retell signs): every answer is a 200 with a code the agent can speak, never a
 * 5xx and never INTERNAL.*, and every function call with a real call id leaves its trace.
 */
describe('Retell functions under garbage, end to end (fast-check)', () => {
  let service: BootedService;

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
  }, 60_000);
  afterAll(() => service?.close());

  const post = async (path: string, body: string) =>
    request(service.app.getHttpServer())
      .post(path)
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(body, KEY))
      .send(body);
  const newCallId = () => `call_${randomBytes(16).toString('hex')}`;
  const callObject = (callId: string, from: string | undefined) => ({
    call_id: callId,
    call_type: 'phone_call',
    direction: 'inbound',
    from_number: from,
    to_number: SALON,
    agent_id: 'agent_haarmonie_demo',
    call_status: 'ongoing',
  });
  const tracesOf = async (callIds: string[]): Promise<Map<string, string[]>> => {
    await service.app.get(TraceWriteBehind).flush();
    const rows: Array<{ call_id: string; function_name: string }> =
      await service.db.dataSource.query(
        `SELECT call_id, function_name FROM call_function_traces WHERE call_id = ANY($1) ORDER BY id`,
        [callIds],
      );
    const byCall = new Map<string, string[]>();
    for (const row of rows)
      byCall.set(row.call_id, [...(byCall.get(row.call_id) ?? []), row.function_name]);
    return byCall;
  };
  const expectSpeakable = (label: string, status: number, body: Answer) => {
    expect([label, status]).toEqual([label, 200]);
    expect([label, body.code]).toEqual([label, expect.not.stringMatching(/^INTERNAL\./)]);
    expect(typeof body.message).toBe('string');
    expect(body.message.length).toBeGreaterThan(0);
  };

  it('answers every function call with a speakable answer and keeps its trace', async () => {
    const callIds: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        functionName,
        args,
        fromNumber,
        fc.boolean(),
        async (name, given, from, argsOnly) => {
          const callId = newCallId();
          callIds.push(callId);
          const call = callObject(callId, from);
          const [path, body] = argsOnly
            ? [`/api/retell/functions/${pathSegment(name)}`, { ...given, call }]
            : [FUNCTION_CALL, { name, args: given, call }];
          const text = JSON.stringify(body);
          const res = await post(path, text);
          expectSpeakable(text.slice(0, 300), res.status, res.body as Answer);
        },
      ),
      { numRuns: 150 },
    );
    const traces = await tracesOf(callIds);
    const untraced = callIds.filter((id) => traces.get(id)?.length !== 1);
    expect(untraced).toEqual([]);
  }, 180_000);

  it('a check then a booking from a caller whose number or words are odd: never INTERNAL', async () => {
    const callIds: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          dienstleistung: fc.oneof(fc.constant('Herrenschnitt'), withOddCharacters(['Dauerwelle'])),
          datum: fc.oneof(fc.constantFrom('Freitag', 'Samstag'), withOddCharacters(['Freitag'])),
          uhrzeit: fc.constantFrom('9 Uhr', '10 Uhr', 'halb elf', '16 Uhr'),
          name: fc.oneof(fc.constant('Eva Braun'), withOddCharacters(['Eva Braun', 'Zoë'])),
        }),
        fromNumber,
        fc.constantFrom('book_appointment', 'book_appointment_v17', 'start_booking_v3'),
        async (given, from, bookingName) => {
          const callId = newCallId();
          callIds.push(callId);
          const call = callObject(callId, from);
          for (const name of ['check_availability_v17', bookingName]) {
            const text = JSON.stringify({ name, args: given, call });
            const res = await post(FUNCTION_CALL, text);
            expectSpeakable(text.slice(0, 300), res.status, res.body as Answer);
          }
        },
      ),
      { numRuns: 60 },
    );
    const traces = await tracesOf(callIds);
    for (const id of callIds) {
      expect(traces.get(id)).toEqual(['check_availability', 'book_appointment']);
    }
  }, 180_000);

  it('call webhooks and the inbound webhook take odd numbers and text without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fromNumber,
        text,
        fc.constantFrom('call_started', 'call_ended', 'call_analyzed'),
        async (from, odd, event) => {
          const call = {
            ...callObject(newCallId(), from),
            agent_id: odd,
            disconnection_reason: odd,
            call_analysis: { user_sentiment: odd, custom_analysis_data: { [odd]: odd } },
          };
          const hook = await post('/api/retell/webhook', JSON.stringify({ event, call }));
          expect([event, hook.status]).toEqual([event, 204]);
          const inbound = await post(
            '/api/retell/inbound',
            JSON.stringify({
              event: 'call_inbound',
              call_inbound: { from_number: from, to_number: SALON, agent_id: odd },
            }),
          );
          expect(inbound.status).toBe(200);
          // Bookings above left several customers on one number, none with consent.
          expect(inbound.body.call_inbound.dynamic_variables.caller_status).toMatch(
            /^(new|anonymous|ambiguous)$/,
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);

  /**
   * 2,000 levels: class-transformer overflowed its stack on arrays that deep and answered
   * INTERNAL.TEMPORARY. The bodies are written by hand: JSON.stringify itself gives up first.
   */
  it('arguments or a call object nested 2,000 levels deep get a clear refusal', async () => {
    const arrays = `${'['.repeat(2_000)}"Dauerwelle"${']'.repeat(2_000)}`;
    const objects = `${'{"a":'.repeat(2_000)}"Dauerwelle"${'}'.repeat(2_000)}`;
    const call = JSON.stringify(callObject(newCallId(), '+4915112345678'));
    const withMetadata = (deep: string) => `${call.slice(0, -1)},"metadata":${deep}}`;
    const bodies: Array<[string, string]> = [
      [FUNCTION_CALL, `{"name":"check_availability","args":{"service":${arrays}},"call":${call}}`],
      [FUNCTION_CALL, `{"name":"check_availability","args":{"service":${objects}},"call":${call}}`],
      [FUNCTION_CALL, `{"name":"check_availability","args":${objects},"call":${call}}`],
      [FUNCTION_CALL, `{"name":"check_availability","args":{},"call":${withMetadata(arrays)}}`],
      ['/api/retell/functions/check_availability', `{"service":${arrays},"call":${call}}`],
      ['/api/retell/webhook', `{"event":"call_started","call":${withMetadata(arrays)}}`],
    ];
    for (const [path, body] of bodies) {
      const res = await post(path, body);
      const label = `${path} ${body.slice(0, 60)}`;
      expect([label, res.status < 500]).toEqual([label, true]);
      if (res.status === 400) expect(res.body.code).toMatch(/^REQUEST\./);
      else if (path.includes('webhook')) expect(res.status).toBe(204);
      else expectSpeakable(label, res.status, res.body as Answer);
    }
  }, 60_000);
});
