import Redis from 'ioredis';
import { INestApplication } from '@nestjs/common';
import { redisKeys } from '../../src/adapters/outbound/queue/redis-keys';
import { TraceWriteBehind } from '../../src/application/calls/trace-write-behind';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { sign } from 'retell-sdk';
import { BootedService, bootService, signedPost } from '../support/booted-service';
import { TestDatabase } from '../support/test-database';

const KEY = 'key_e2e_phone_call_0123456789';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';
const CALLER = '+4915112345678';

/**
 * A whole phone call over HTTP, signed as Retell signs, against the booted service on real
 * Postgres and Redis; the database is checked after every step.
 */
describe('a German phone call, end to end', () => {
  let service: BootedService;
  let db: TestDatabase;
  let app: INestApplication;
  const callId = `call_${randomBytes(16).toString('hex')}`;
  const call = {
    call_id: callId,
    from_number: CALLER,
    to_number: SALON,
    agent_id: 'agent_haarmonie_demo',
    call_status: 'ongoing',
  };

  beforeAll(async () => {
    service = await bootService({
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
    });
    ({ db, app } = service);
  }, 60_000);
  afterAll(() => service?.close());

  const post = (path: string, body: unknown) => signedPost(app, path, body, KEY);
  const fn = async (
    name: string,
    args: Record<string, unknown>,
    asCall: Record<string, unknown> = call,
  ) => {
    const res = await post('/api/retell/function-call', { name, args, call: asCall });
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown> & {
      success: boolean;
      code: string;
      message: string;
    };
  };
  const rows = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  it('greets, offers alternatives, books, lists, moves and cancels', async () => {
    // Someone else already has Anna on Friday at ten.
    const other = {
      ...call,
      call_id: `call_${randomBytes(16).toString('hex')}`,
      from_number: '+4917600000001',
    };
    expect(
      await fn(
        'book_appointment',
        {
          dienstleistung: 'Dauerwelle',
          datum: 'Freitag',
          uhrzeit: 'zehn Uhr',
          mitarbeiter: 'Anna',
          name: 'Erika Früh',
        },
        other,
      ),
    ).toMatchObject({ code: 'OK' });

    const inbound = await post('/api/retell/inbound', {
      event: 'call_inbound',
      call_inbound: { from_number: CALLER, to_number: SALON },
    });
    expect(inbound.status).toBe(200);
    expect(inbound.body.call_inbound.dynamic_variables).toMatchObject({
      current_date: 'Donnerstag, 26. November 2026',
      customer_known: 'false',
    });
    expect((await post('/api/retell/webhook', { event: 'call_started', call })).status).toBe(204);
    expect(await rows(`SELECT status FROM calls WHERE id = $1`, [callId])).toEqual([
      { status: 'ongoing' },
    ]);

    const check = await fn('check_availability', {
      dienstleistung: 'Dauerwelle',
      datum: 'nächsten Freitag',
      uhrzeit: 'um zehn',
      mitarbeiter: 'Anna',
    });
    expect(check).toMatchObject({ success: false, available: false, reason: 'CONFLICT' });
    const [first] = check.alternatives as Array<{ start: string; staff: string }>;
    expect(first.staff).toBe('Anna');
    expect(await rows(`SELECT count(*)::int AS n FROM holds`)).toEqual([{ n: 0 }]);

    const hold = await fn('check_availability', {
      dienstleistung: 'Dauerwelle',
      datum: first.start,
      mitarbeiter: 'Anna',
    });
    expect(hold).toMatchObject({ available: true });
    expect(await rows(`SELECT call_id FROM holds WHERE released_at IS NULL`)).toEqual([
      { call_id: callId },
    ]);

    const booked = await fn('start_booking', {
      dienstleistung: 'Dauerwelle',
      datum: first.start,
      mitarbeiter: 'Anna',
      name: 'Petra Schmidt',
    });
    expect(booked).toMatchObject({ success: true, service: 'Dauerwelle', status: 'scheduled' });
    const id = booked.appointment_id as string;
    expect(await rows(`SELECT starts_at FROM appointments WHERE id = $1`, [id])).toEqual([
      { starts_at: new Date(first.start) },
    ]);
    expect(
      await rows(`SELECT count(*)::int AS n FROM appointment_phases WHERE appointment_id = $1`, [
        id,
      ]),
    ).toEqual([{ n: 5 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM holds WHERE released_at IS NULL`)).toEqual([
      { n: 0 },
    ]);
    expect(await rows(`SELECT action FROM sync_outbox WHERE appointment_id = $1`, [id])).toEqual([
      { action: 'create' },
    ]);

    const listed = await fn('list_appointments', {});
    expect(listed.appointments).toEqual([expect.objectContaining({ appointment_id: id })]);

    const moved = await fn('reschedule_appointment', {
      dienstleistung: 'Dauerwelle',
      neues_datum: 'Samstag',
      neue_uhrzeit: 'elf Uhr',
    });
    expect(moved).toMatchObject({
      success: true,
      slot: { date: 'Samstag, 28. November', time: '11 Uhr' },
    });
    expect(await rows(`SELECT starts_at FROM appointments WHERE id = $1`, [id])).toEqual([
      { starts_at: new Date('2026-11-28T10:00:00Z') },
    ]);

    const cancelled = await fn('cancel_appointment', { dienstleistung: 'Dauerwelle' });
    expect(cancelled).toMatchObject({ success: true, status: 'cancelled' });
    expect(await rows(`SELECT status FROM appointments WHERE id = $1`, [id])).toEqual([
      { status: 'cancelled' },
    ]);
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM busy_blocks WHERE appointment_id = $1 AND active`,
        [id],
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      (
        await rows(`SELECT action FROM sync_outbox WHERE appointment_id = $1 ORDER BY id`, [id])
      ).map((r: { action: string }) => r.action),
    ).toEqual(['create', 'reschedule', 'cancel']);

    expect(
      (
        await post('/api/retell/webhook', {
          event: 'call_ended',
          call: { ...call, call_status: 'ended', end_timestamp: Date.parse(NOW) + 300_000 },
        })
      ).status,
    ).toBe(204);
    expect(await rows(`SELECT status FROM calls WHERE id = $1`, [callId])).toEqual([
      { status: 'ended' },
    ]);
    await service.app.get(TraceWriteBehind).flush();
    const traces = await rows(
      `SELECT function_name, outcome, redacted_args::text AS args FROM call_function_traces WHERE call_id = $1 ORDER BY id`,
      [callId],
    );
    expect(traces.map((t: { function_name: string }) => t.function_name)).toEqual([
      'check_availability',
      'check_availability',
      'book_appointment',
      'list_appointments',
      'reschedule_appointment',
      'cancel_appointment',
    ]);
    expect(JSON.stringify(traces)).not.toContain('Petra');

    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/salon_bookings_total\{outcome="booked"\} 2/);
    expect(metrics.text).toMatch(
      /salon_function_call_duration_seconds_count\{function="book_appointment",outcome="OK"\} 2/,
    );
  }, 60_000);

  // The key a separately started sync worker reads to give way to calls (default prefix).
  it('tells the service’s other processes that it answers a call', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const key = redisKeys('salon').phoneTraffic;
    try {
      await redis.del(key);
      await fn('get_current_context', {});
      let saidBy: string | null = null;
      for (let i = 0; i < 100 && saidBy === null; i++) {
        saidBy = await redis.get(key);
        if (saidBy === null) await new Promise((r) => setTimeout(r, 50));
      }
      expect(saidBy).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      redis.disconnect();
    }
  });

  it('refuses unsigned, wrongly signed and replayed-with-changed-body requests', async () => {
    const body = JSON.stringify({ name: 'get_current_context', args: {}, call });
    const server = app.getHttpServer();
    await request(server)
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .send(body)
      .expect(401);
    await request(server)
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(body, 'key_of_someone_else_0000'))
      .send(body)
      .expect(401);
    const signature = await sign(body, KEY);
    await request(server)
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', signature)
      .send(body)
      .expect(200);
    const changed = body.replace('get_current_context', 'list_appointments');
    await request(server)
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', signature)
      .send(changed)
      .expect(401);
  });
});
