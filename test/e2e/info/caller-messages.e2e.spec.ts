import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { eventually } from '../../support/eventually';
import { mailText, SmtpTestServer, startSmtpServer } from '../../support/smtp-test-server';
import { importSalonCopies } from '../retell/salon-copies';

const KEY = 'key_e2e_caller_messages_0123456789';
const ADMIN = 'admin-bootstrap-key-messages-0123456789';
const NOW = '2026-11-26T14:00:00Z';
const SALON = '+4930901820';

function retellBody(name: string, args: Record<string, unknown>, from: string, to = SALON) {
  return {
    name,
    args,
    call: {
      call_id: `call_${randomBytes(16).toString('hex')}`,
      call_type: 'phone_call',
      direction: 'inbound',
      from_number: from,
      to_number: to,
      agent_id: 'agent_unused',
      agent_version: 1,
      call_status: 'ongoing',
      start_timestamp: 1795000000000,
      retell_llm_dynamic_variables: {},
      metadata: {},
      transcript: 'User: Kann mich jemand zurückrufen?',
      transcript_object: [],
    },
  };
}

describe('callers’ messages over signed HTTP, mailed through a real SMTP server', () => {
  let smtp: SmtpTestServer;
  let service: BootedService;
  let app: INestApplication;
  let companyA: string;
  let companyB: string;
  let keyB: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    service = await bootService({
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
      ADMIN_BOOTSTRAP_KEY: ADMIN,
      SMTP_URL: smtp.url,
      SMTP_FROM: 'telefon@haarmonie.example',
    });
    app = service.app;
    const [copy] = await importSalonCopies(service.db, 1);
    companyB = copy.companyId;
    [{ company_id: companyA }] = await service.db.dataSource.query(
      `SELECT company_id FROM branches b JOIN branch_phone_numbers p ON p.branch_id = b.id
        WHERE p.phone_e164 = $1`,
      [SALON],
    );
    keyB = (
      await request(app.getHttpServer())
        .post(`/api/admin/companies/${companyB}/api-keys`)
        .set('x-api-key', ADMIN)
        .send({ name: 'b' })
        .expect(201)
    ).body.key;
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await smtp?.close();
  });

  const call = async (name: string, args: Record<string, unknown>, from = '+4915112345678') => {
    const res = await signedPost(
      app,
      '/api/retell/function-call',
      retellBody(name, args, from),
      KEY,
    );
    expect(res.status).toBe(200);
    return res.body as { success: boolean; code: string; message: string };
  };
  const admin = (key = ADMIN) => ({
    get: (path: string) => request(app.getHttpServer()).get(path).set('x-api-key', key),
    patch: (path: string, body: object) =>
      request(app.getHttpServer()).patch(path).set('x-api-key', key).send(body),
  });

  it('the caller hears it is noted; the salon gets the mail and finds it in its list', async () => {
    const a = await call('request_callback', {
      nachricht: 'Frage zur <b>Balayage</b>\u0000\u001b[2J',
      kundenname: 'Petra Schmidt',
      wunschzeit: 'morgen ab 16 Uhr',
    });
    expect(a).toMatchObject({ success: true, code: 'OK' });
    expect(a.message.length).toBeLessThanOrEqual(200);
    await eventually(() => smtp.received.length === 1, 'the mail');
    expect(smtp.received[0].to).toEqual(['empfang@haarmonie.example']);
    const text = mailText(smtp.received[0].raw);
    expect(text).toContain('Frage zur Balayage');
    expect(text).not.toMatch(/<b>|\u0000|\u001b/);
    expect(text).toContain('Erreichbar: morgen ab 16 Uhr');

    const list = await admin()
      .get(`/api/admin/companies/${companyA}/messages?status=open`)
      .expect(200);
    expect(list.body.total).toBe(1);
    const [m] = list.body.items;
    expect(m).toMatchObject({
      kind: 'callback',
      callerName: 'Petra Schmidt',
      callbackNumber: '+4915112345678',
      status: 'open',
    });
    await eventually(
      async () =>
        (await admin().get(`/api/admin/companies/${companyA}/messages`)).body.items[0].mailed,
      'the message marked as mailed',
    );
    expect(
      (await admin().get(`/api/admin/companies/${companyA}/messages`)).body.items[0],
    ).toMatchObject({ mailed: true, mailStatus: 'sent' });
    const done = await admin()
      .patch(`/api/admin/companies/${companyA}/messages/${m.id}`, { status: 'done' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'done', doneAt: expect.any(String) });
    expect(
      (await admin().get(`/api/admin/companies/${companyA}/messages?status=open`)).body.total,
    ).toBe(0);
  });

  it('a 10 KB message is cut to 1000 characters; garbage arguments get a spoken answer', async () => {
    expect(await call('leave_message', { message: 'x'.repeat(10_000) })).toMatchObject({
      success: true,
    });
    for (const args of [{}, { message: 42 }, { message: { $ne: 1 } }, { message: ['a'] }]) {
      const a = await call('leave_message', args);
      expect(a.code).not.toMatch(/^INTERNAL/);
      expect(a.message.length).toBeLessThanOrEqual(200);
    }
    const [{ n }] = await service.db.dataSource.query(
      `SELECT max(length(body))::int AS n FROM caller_messages`,
    );
    expect(n).toBe(1000);
  });

  it('a withheld caller is asked for a number before a callback is noted', async () => {
    expect(await call('request_callback', {}, 'anonymous')).toMatchObject({
      success: false,
      code: 'MESSAGE.CALLBACK_NUMBER_MISSING',
    });
  });

  it("another company's key neither lists nor changes A's messages", async () => {
    const [{ id }] = await service.db.dataSource.query(
      `SELECT id FROM caller_messages WHERE company_id = $1 LIMIT 1`,
      [companyA],
    );
    const mine = await admin(keyB).get(`/api/admin/companies/${companyB}/messages`).expect(200);
    expect(mine.body.total).toBe(0);
    expect(
      (
        await admin(keyB).patch(`/api/admin/companies/${companyB}/messages/${id}`, {
          status: 'done',
        })
      ).status,
    ).toBe(404);
    const foreign = await admin(keyB).get(`/api/admin/companies/${companyA}/messages`);
    expect([403, 404]).toContain(foreign.status);
    expect(JSON.stringify(foreign.body)).not.toContain('Petra');
    for (const bad of [{ status: 'gone' }, {}, { status: 'done', message: 'x' }]) {
      expect(
        (await admin().patch(`/api/admin/companies/${companyA}/messages/${id}`, bad)).status,
      ).toBe(400);
    }
    expect(
      (await admin().get(`/api/admin/companies/${companyA}/messages?status=<script>`)).status,
    ).toBe(400);
  });

  it('a mail server refusing: the call is answered, the message kept and marked for retry', async () => {
    smtp.refuse = true;
    const before = smtp.received.length;
    const a = await call('leave_message', { message: 'Während die Post streikt' });
    expect(a.success).toBe(true);
    const row = async () =>
      (
        await service.db.dataSource.query(
          `SELECT mail_status, mail_attempts FROM caller_messages WHERE body = $1`,
          ['Während die Post streikt'],
        )
      )[0];
    await eventually(async () => (await row())?.mail_attempts === 1, 'a refused try');
    expect(await row()).toMatchObject({ mail_status: 'pending', mail_attempts: 1 });
    expect(smtp.received.length).toBe(before);
    smtp.refuse = false;
  });
});
