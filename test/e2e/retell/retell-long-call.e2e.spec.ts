import { randomBytes } from 'node:crypto';
import { sign } from 'retell-sdk';
import request from 'supertest';
import { TraceWriteBehind } from '../../../src/application/calls/trace-write-behind';
import { DEFAULT_RETELL_BODY_LIMIT_BYTES } from '../../../src/config/environment';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import {
  LongCallOptions,
  longCallFunctionBody,
  longCallWebhookBody,
} from '../../support/retell-long-call.fixture';

const KEY = 'key_e2e_long_call_0123456789';
const NOW = '2026-11-26T15:00:00Z'; // Thursday, 16:00 in Berlin
const STARTED = Date.parse(NOW) - 60 * 60_000;

/**
 * A call as long as Retell lets a call run by default (60 minutes), its transcript with word
 * timings in every body, against the booted service on real Postgres: the late function call,
 * call_ended and call_analyzed are accepted, verified and stored.
 */
describe('a 60-minute call, as Retell sends it', () => {
  let service: BootedService;
  const rows = (sql: string, params: unknown[] = []) => service.db.dataSource.query(sql, params);
  const post = (path: string, body: unknown) => signedPost(service.app, path, body, KEY);
  const callOf = (minutes: number): LongCallOptions => ({
    minutes,
    callId: `call_${randomBytes(16).toString('hex')}`,
    startTimestamp: STARTED,
  });
  const wish = { dienstleistung: 'Dauerwelle', datum: 'Freitag', uhrzeit: 'zehn Uhr' };

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
  }, 60_000);
  afterAll(() => service?.close());

  const long = callOf(60);

  it('check_availability late in the call is answered and holds the slot', async () => {
    const body = longCallFunctionBody('check_availability', wish, long);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(1_000_000);
    const res = await post('/api/retell/function-call', body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, code: 'OK', available: true });
    expect(await rows(`SELECT call_id FROM holds WHERE released_at IS NULL`)).toEqual([
      { call_id: long.callId },
    ]);
    await service.app.get(TraceWriteBehind).flush();
    expect(
      await rows(`SELECT function_name FROM call_function_traces WHERE call_id = $1`, [
        long.callId,
      ]),
    ).toEqual([{ function_name: 'check_availability' }]);
  });

  it('the signature covers the whole body: one changed word of the transcript is refused', async () => {
    const text = JSON.stringify(longCallFunctionBody('check_availability', wish, long));
    const signature = await sign(text, KEY);
    const changed = text.replace('"word":"Mein"', '"word":"Dein"');
    expect(changed).not.toBe(text);
    const res = await request(service.app.getHttpServer())
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', signature)
      .send(changed);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('RETELL.BAD_SIGNATURE');
  });

  it('call_ended ends the call and releases its hold', async () => {
    const body = longCallWebhookBody('call_ended', long);
    const res = await post('/api/retell/webhook', body);
    expect(res.status).toBe(204);
    const [call] = await rows(
      `SELECT status, disconnection_reason, started_at, ended_at FROM calls WHERE id = $1`,
      [long.callId],
    );
    expect(call).toMatchObject({ status: 'ended', disconnection_reason: 'user_hangup' });
    expect(new Date(call.started_at).getTime()).toBe(STARTED);
    expect(new Date(call.ended_at).getTime()).toBe(body.call.end_timestamp);
    expect(await rows(`SELECT count(*)::int AS n FROM holds WHERE released_at IS NULL`)).toEqual([
      { n: 0 },
    ]);
  });

  it('call_analyzed stores the analysis', async () => {
    const res = await post('/api/retell/webhook', longCallWebhookBody('call_analyzed', long));
    expect(res.status).toBe(204);
    expect(await rows(`SELECT analysis FROM calls WHERE id = $1`, [long.callId])).toEqual([
      {
        analysis: {
          call_successful: true,
          user_sentiment: 'Positive',
          in_voicemail: false,
          custom_analysis_keys: ['kunde_name', 'termine_gebucht', 'rueckruf_gewuenscht'],
        },
      },
    ]);
  });

  it('a body over RETELL_BODY_LIMIT_BYTES is refused 413 and nothing is written', async () => {
    const tooLong = callOf(240);
    const check = longCallFunctionBody('check_availability', wish, tooLong);
    expect(Buffer.byteLength(JSON.stringify(check))).toBeGreaterThan(
      DEFAULT_RETELL_BODY_LIMIT_BYTES,
    );
    const refused = await post('/api/retell/function-call', check);
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('REQUEST.TOO_LARGE');
    const ended = await post('/api/retell/webhook', longCallWebhookBody('call_ended', tooLong));
    expect(ended.status).toBe(413);

    await service.app.get(TraceWriteBehind).flush();
    const left = (table: string, column: string) =>
      rows(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [tooLong.callId]);
    expect(await left('calls', 'id')).toEqual([{ n: 0 }]);
    expect(await left('call_function_traces', 'call_id')).toEqual([{ n: 0 }]);
    expect(await left('holds', 'call_id')).toEqual([{ n: 0 }]);
  });
});
