import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { BootedService, bootService, signedPost } from '../support/booted-service';

const KEY = 'key_log_privacy_9f8e7d6c5b4a';
const NAME = 'Zacharias Quendolin';
const PHONE = '+4915199887766';
const PHONE_NATIONAL = '015199887766';
const EMAIL = 'zq.unique-4711@example.org';
const SALON = '+4930901820';
const CALLBACK = '+4917644332211';
const CALLBACK_SPOKEN = 'null eins sieben sechs, vier vier drei drei, zwo zwo eins eins';
const SAID_BOOKING = { service: 'Herrenschnitt', date: 'Samstag', time: '11 Uhr', name: NAME };

/**
 * GDPR: a whole booking conversation with distinctive personal data, including refusals and
 * errors, at debug level; then every captured log line is scanned for that data.
 */
describe('logs carry no personal data', () => {
  let service: BootedService;
  let app: INestApplication;
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) };
  const callId = `call_${randomBytes(16).toString('hex')}`;
  const call = { call_id: callId, from_number: PHONE, to_number: SALON };

  beforeAll(async () => {
    service = await bootService(
      { LOG_LEVEL: 'debug', RETELL_API_KEY: KEY, FIXED_NOW: '2026-11-26T14:00:00Z' },
      { logDestination: destination },
    );
    app = service.app;
  }, 60_000);
  afterAll(() => service?.close());

  const post = (path: string, body: unknown, key = KEY) => signedPost(app, path, body, key);

  it('never writes names, numbers, e-mails, keys or signatures', async () => {
    await post('/api/retell/inbound', {
      event: 'call_inbound',
      call_inbound: { from_number: PHONE, to_number: SALON },
    });
    await post('/api/retell/webhook', { event: 'call_started', call });
    const fn = (name: string, args: Record<string, unknown>) =>
      post('/api/retell/function-call', { name, args, call });
    await fn('check_customer', {});
    await fn('check_availability', {
      service: 'Herrenschnitt',
      date: 'Freitag',
      time: '10 Uhr',
      staff: 'Mehmet',
    });
    await fn('book_appointment', {
      service: 'Herrenschnitt',
      date: 'Freitag',
      time: '10 Uhr',
      staff: 'Mehmet',
      name: NAME,
      email: EMAIL,
    });
    await fn('book_appointment', {
      service: 'Herrenschnitt',
      date: 'Freitag',
      time: '10 Uhr',
      staff: 'Mehmet',
      name: `${NAME} <b>`,
      email: 'kaputt@',
    });
    // A withheld caller books with a callback number said aloud, and finds it by name and day.
    const withheld = { ...call, from_number: 'anonymous' };
    const spoken = (args: Record<string, unknown>) =>
      post('/api/retell/function-call', { name: 'book_appointment', args, call: withheld });
    expect((await spoken({ ...SAID_BOOKING, rueckrufnummer: CALLBACK_SPOKEN })).body.code).toBe(
      'OK',
    );
    await spoken({ ...SAID_BOOKING, rueckrufnummer: `${CALLBACK_SPOKEN} kaputt` });
    await post('/api/retell/function-call', {
      name: 'cancel_appointment',
      args: { name: NAME, date: 'Samstag' },
      call: withheld,
    });
    await fn('forget_my_number', {});
    await fn('list_appointments', { name: NAME });
    await fn('reschedule_appointment', { name: NAME, new_date: 'Samstag', new_time: '11 Uhr' });
    await fn('cancel_appointment', { name: NAME, telefon: PHONE_NATIONAL });
    await fn('no_such_function', { name: NAME });
    await post(
      '/api/retell/function-call',
      { name: 'book_appointment', args: { name: NAME }, call },
      'wrong_key_00000000',
    );
    await request(app.getHttpServer())
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .send(`{"name":"${NAME}", "call": {"from_number": "${PHONE}"`);
    // Personal data where a function name belongs, raw and URL-encoded.
    for (const param of [PHONE, EMAIL, NAME, PHONE_NATIONAL]) {
      for (const form of [param, encodeURIComponent(param)]) {
        await post(`/api/retell/functions/${form}`, { args: { name: NAME }, call });
      }
    }
    await post('/api/retell/webhook', {
      event: 'call_ended',
      call: { ...call, end_timestamp: Date.parse('2026-11-26T14:05:00Z') },
    });
    (app as unknown as { flushLogs?: () => void }).flushLogs?.();

    expect(lines.length).toBeGreaterThan(10);
    const text = lines.join('\n');
    for (const secret of [
      NAME,
      'Zacharias',
      'Quendolin',
      PHONE,
      PHONE_NATIONAL,
      '199887766',
      EMAIL,
      CALLBACK,
      '017644332211',
      '44332211',
      CALLBACK_SPOKEN,
      'vier vier drei drei',
      encodeURIComponent(EMAIL),
      encodeURIComponent(PHONE),
      KEY,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/v=\d{13},d=[0-9a-f]{64}/);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const phoneRequests = lines
      .map((l) => JSON.parse(l))
      .filter((l) => l.context === 'http' && l.path === '/api/retell/function-call');
    expect(phoneRequests.length).toBeGreaterThan(5);
    for (const l of phoneRequests) expect(l.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(phoneRequests.filter((l) => l.callId === callId).length).toBeGreaterThan(5);
  }, 60_000);
});
