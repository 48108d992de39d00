import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { RateLimitTime } from '../../../src/adapters/inbound/retell/rate-limit-time';
import { ADDRESS_CEILING_FACTOR } from '../../../src/adapters/inbound/retell/retell-signature-failures';
import { RetellTenantResolver } from '../../../src/adapters/inbound/retell/retell-tenant.resolver';
import { RedisServer, startRedisServer } from '../../support/redis-server';
import { importSalonCopies } from './salon-copies';
import { createRetellTestApp, functionCall, RetellTestApp, SALON_LINE } from './retell-test-app';

const FUNCTION_CALL = '/api/retell/function-call';
const SECOND = 1000;

/** The rate limits' clock, moved by the test: traffic of 30 s is sent in far less. */
class SimulatedTime implements RateLimitTime {
  ms = Date.parse('2026-11-26T14:00:00.000Z');
  nowMs(): number {
    return this.ms;
  }
}

/** A real-looking Retell call id, one per name and number. */
const callId = (name: string, n = 0) =>
  `call_${createHash('md5').update(`${name}-${n}`).digest('hex')}`;

const retryAfter = (res: Response) => Number(res.headers['retry-after']);

/**
 * Retell sends every request from one documented address, so everything here comes from one
 * client address (this test's), signed with Retell's own sign(), and the limits share a real
 * Redis. Limits are per call id and per salon; only failed signatures count per address.
 */
describe('Retell rate limits from one client address', () => {
  let redisServer: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await redisServer?.stop();
  });

  describe('on the default limits, with a simulated clock', () => {
    let t: RetellTestApp;
    const time = new SimulatedTime();
    let lines: string[];

    beforeAll(async () => {
      t = await createRetellTestApp({}, { redis, rateLimitTime: time });
      lines = [SALON_LINE, ...(await importSalonCopies(t.db, 9)).map((s) => s.line)];
      // One listening server, so requests do not each start one.
      await t.app.listen(0, '127.0.0.1');
    }, 60_000);
    afterAll(() => t?.close());

    const ask = (call: string, line: string) =>
      t.post(FUNCTION_CALL, functionCall('check_customer', {}, { call_id: call, to_number: line }));

    it('300 calls to 10 salons at 100 function calls a second for 30 s: none refused', async () => {
      const calls = Array.from({ length: 300 }, (_, n) => callId('parallel', n));
      const statuses = new Map<number, number>();
      // 100 a second, in ticks of a tenth of a second: ten requests at once, round robin over
      // the calls (each call asks every 3 s), each call always to its own salon.
      let sent = 0;
      for (let tick = 0; tick < 300; tick++) {
        const answers = await Promise.all(
          Array.from({ length: 10 }, () => {
            const n = sent++ % calls.length;
            return ask(calls[n], lines[n % lines.length]);
          }),
        );
        for (const res of answers) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        time.ms += 100;
      }
      expect(Object.fromEntries(statuses)).toEqual({ 200: 3000 });
      expect(t.phone.received).toHaveLength(3000);
      const perSalon = new Map<string, number>();
      for (const { ctx } of t.phone.received) {
        perSalon.set(ctx.companyId, (perSalon.get(ctx.companyId) ?? 0) + 1);
      }
      expect([...perSalon.values()]).toEqual(Array(10).fill(300));
    }, 120_000);

    it('a single call id flooding gets 429 after its 60, with the seconds until a slot frees', async () => {
      const flooding = callId('flooding');
      const began = time.ms;
      for (let i = 0; i < 60; i++) expect((await ask(flooding, SALON_LINE)).status).toBe(200);
      time.ms = began + 15 * SECOND;
      const refused = await ask(flooding, SALON_LINE);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RETELL.RATE_LIMITED');
      expect(refused.body.message).toMatch(/Zu viele Anfragen/);
      expect(retryAfter(refused)).toBe(45);
      // Its salon and the other calls go on meanwhile.
      expect((await ask(callId('neighbour'), SALON_LINE)).status).toBe(200);
      // Just before the first of the 60 leaves the window: still refused, for a second at most.
      time.ms = began + 60 * SECOND - 400;
      const late = await ask(flooding, SALON_LINE);
      expect(late.status).toBe(429);
      expect(retryAfter(late)).toBe(1);
      time.ms = began + 60 * SECOND;
      expect((await ask(flooding, SALON_LINE)).status).toBe(200);
    });
  });

  describe('on small limits, in real time', () => {
    let t: RetellTestApp;
    let otherSalon: string;
    let thirdSalon: string;
    const PER_CALL = 3;
    const PER_SALON = 40;
    const FAILED_PER_ADDRESS = 5;

    beforeAll(async () => {
      t = await createRetellTestApp(
        {
          RETELL_RATE_LIMIT_PER_CALL: String(PER_CALL),
          RETELL_RATE_LIMIT_PER_TENANT: String(PER_SALON),
          RETELL_RATE_LIMIT_FAILED_SIGNATURE_PER_CLIENT: String(FAILED_PER_ADDRESS),
        },
        { redis },
      );
      [{ line: otherSalon }, { line: thirdSalon }] = await importSalonCopies(t.db, 2);
    }, 60_000);
    afterAll(() => t?.close());

    const ask = (call: string, line = SALON_LINE, args: Record<string, unknown> = {}) =>
      t.post(
        FUNCTION_CALL,
        functionCall('check_customer', args, { call_id: call, to_number: line }),
      );

    it('many calls from one address pass: signed requests do not count against it', async () => {
      for (let n = 0; n < 6 * FAILED_PER_ADDRESS; n++) {
        expect((await ask(callId('many', n))).status).toBe(200);
      }
    });

    it('a call id that floods is refused after its limit, with Retry-After', async () => {
      const flooding = callId('flood-real');
      for (let i = 0; i < PER_CALL; i++) expect((await ask(flooding)).status).toBe(200);
      const received = t.phone.received.length;
      const refused = await ask(flooding);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RETELL.RATE_LIMITED');
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
      expect(retryAfter(refused)).toBeLessThanOrEqual(60);
      // A placeholder id that resolves to the same call counts for it too.
      const placeholder = await ask(flooding, SALON_LINE, { call_id: 'call_1' });
      expect(placeholder.status).toBe(429);
      expect(t.phone.received).toHaveLength(received);
      // Another call of the same salon is not held up.
      expect((await ask(callId('flood-real-neighbour'))).status).toBe(200);
    });

    it('a salon is limited across its calls, apart from the other salons', async () => {
      for (let n = 0; n < PER_SALON; n++) {
        expect((await ask(callId('busy-salon', n), otherSalon)).status).toBe(200);
      }
      const refused = await ask(callId('busy-salon', PER_SALON), otherSalon);
      expect(refused.status).toBe(429);
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
      expect(retryAfter(refused)).toBeLessThanOrEqual(60);
      // Its webhooks count too; the other salon's calls and webhooks go on.
      const hook = (line: string) =>
        t.post('/api/retell/webhook', {
          event: 'call_started',
          call: { call_id: callId('hook', Number(line.slice(-4))), to_number: line },
        });
      expect((await hook(otherSalon)).status).toBe(429);
      expect((await hook(SALON_LINE)).status).toBe(204);
      expect((await ask(callId('quiet-salon'))).status).toBe(200);
    });

    it('a salon whose key fails is refused at its limit; the other salons from that address go on', async () => {
      const wronglySigned = (line: string) =>
        t.post(FUNCTION_CALL, functionCall('check_customer', {}, { to_number: line }), {
          key: 'key_not_retells',
        });
      for (let i = 0; i < FAILED_PER_ADDRESS; i++) {
        expect((await wronglySigned(SALON_LINE)).status).toBe(401);
      }
      const refused = await wronglySigned(SALON_LINE);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RETELL.RATE_LIMITED');
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
      expect(retryAfter(refused)).toBeLessThanOrEqual(60);
      // Retell's address is the same for every salon: the other salon's calls are answered.
      expect((await ask(callId('other-salon-after-failures'), thirdSalon)).status).toBe(200);
    });

    it('a flood of bad signatures from one address naming no salon gets 429 before anything is looked up', async () => {
      const lookups = jest.spyOn(t.app.get(RetellTenantResolver), 'branchFor');
      const noSalon = { to_number: '+4930000000', agent_id: 'agent_nobody' };
      const unsigned = () =>
        t.post(FUNCTION_CALL, functionCall('check_customer', {}, noSalon), { signature: null });
      const wronglySigned = () =>
        t.post(FUNCTION_CALL, functionCall('check_customer', {}, noSalon), {
          key: 'key_not_retells',
        });
      // Refused for that "salon" after its allowance (each still looked up, from the cache),
      // and every refusal counts towards the address's ceiling ...
      let answered = 0;
      for (let i = 0; i < ADDRESS_CEILING_FACTOR * FAILED_PER_ADDRESS; i++) {
        const res = await (i % 2 ? unsigned() : wronglySigned());
        expect([401, 429]).toContain(res.status);
        if (res.status === 401) answered++;
      }
      expect(answered).toBeLessThanOrEqual(FAILED_PER_ADDRESS);
      // Over the address's ceiling nothing is looked up any more.
      lookups.mockClear();
      for (const res of [await unsigned(), await wronglySigned()]) {
        expect(res.status).toBe(429);
        expect(res.body.code).toBe('RETELL.RATE_LIMITED');
        expect(retryAfter(res)).toBeGreaterThanOrEqual(1);
        expect(retryAfter(res)).toBeLessThanOrEqual(60);
      }
      expect(lookups).not.toHaveBeenCalled();
      lookups.mockRestore();
    });
  });
});
