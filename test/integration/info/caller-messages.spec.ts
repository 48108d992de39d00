import { Logger } from '@nestjs/common';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  PHONE_FUNCTIONS,
  PhoneFunctions,
} from '../../../src/adapters/inbound/retell/phone-functions.dispatcher';
import { SmtpSalonMailer } from '../../../src/adapters/outbound/mail/smtp-salon.mailer';
import { TypeOrmCallerMessages } from '../../../src/adapters/outbound/persistence/repositories/typeorm-caller-messages';
import { SendMessageMailUseCase } from '../../../src/application/info/send-message-mail.use-case';
import { SALON_CATALOG, SalonCatalog } from '../../../src/application/ports/salon-catalog.port';
import { PhoneFunctionArgs } from '../../../src/application/booking/phone-functions';
import { bookingApp, TestClock } from '../../support/booking-app';
import { mailText, SmtpTestServer, startSmtpServer } from '../../support/smtp-test-server';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const NOW = new Date('2026-11-26T14:00:00Z');
const CALLER = '+4915112345678';

/**
 * The phone functions store the message and queue its id (the API side); the mail goes out
 * where the queue's jobs are taken (the worker side: here the same test, by hand).
 */
describe('leave_message and request_callback over real Postgres and a real SMTP server', () => {
  let smtp: SmtpTestServer;
  let db: TestDatabase;
  let app: TestingModule;
  let ds: DataSource;
  let functions: PhoneFunctions;
  /** The API side's queue: what it holds is the message ids, nothing else. */
  const queued: string[] = [];
  let mail: SendMessageMailUseCase;
  let base: { companyId: string; branchId: string };
  const clock = new TestClock(NOW);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    db = await createTestDatabase();
    app = await bookingApp(db.url, clock, {
      env: { SMTP_URL: smtp.url, SMTP_FROM: 'telefon@haarmonie.example' },
      mailQueue: { enqueue: async (id: string) => void queued.push(id) },
    });
    ds = app.get(DataSource);
    functions = app.get(PHONE_FUNCTIONS);
    mail = new SendMessageMailUseCase(
      new TypeOrmCallerMessages(ds),
      new SmtpSalonMailer({ url: smtp.url, port: 587, from: 'telefon@haarmonie.example' }),
      clock,
    );
    const catalog = app.get<SalonCatalog>(SALON_CATALOG);
    const branchId = (await catalog.branchIdForAnsweredNumber('+4930901820'))!;
    base = { companyId: (await catalog.branchContext(branchId))!.companyId, branchId };
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await smtp?.close();
  });
  beforeEach(async () => {
    clock.set(NOW);
    smtp.refuse = false;
    smtp.received.length = 0;
    queued.length = 0;
    await ds.query(`DELETE FROM caller_messages`);
  });

  const run = (
    name: 'leave_message' | 'request_callback',
    args: PhoneFunctionArgs,
    callId: string | null = 'call_7f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
    callerNumber: string | null = CALLER,
  ) => functions.run(name, { ...base, callId, callerNumber }, args);
  const rows = () => ds.query(`SELECT * FROM caller_messages ORDER BY created_at`);
  /** The worker side takes what the queue holds and sends it. */
  const deliver = async () => {
    for (let id = queued.shift(); id; id = queued.shift()) await mail.handle(id);
  };

  it('stores the message with the call id at once and mails it to the branch', async () => {
    const a = await run('leave_message', {
      message: 'Ich komme zehn Minuten später, bitte Anna Bescheid geben.',
      name: 'Petra Schmidt',
    });
    expect(a).toMatchObject({ success: true, noted: true, callback_number: CALLER });
    expect(a.message).toBe(
      'Ich habe Ihre Nachricht für den Salon notiert. Rückfragen gehen an 0 1 5 1 1, 2 3 4, 5 6 7 8.',
    );
    const [stored] = await rows();
    expect(stored).toMatchObject({
      company_id: base.companyId,
      branch_id: base.branchId,
      call_id: 'call_7f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
      kind: 'message',
      caller_name: 'Petra Schmidt',
      callback_number: CALLER,
      status: 'open',
    });
    // The phone function answered without a mail: none went out where it ran.
    expect(smtp.received).toHaveLength(0);
    expect(stored.mail_status).toBe('pending');
    expect(queued).toEqual([stored.id]);
    await deliver();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['empfang@haarmonie.example']);
    const text = mailText(mail.raw);
    expect(text).toContain('Nachricht: Ich komme zehn Minuten später, bitte Anna Bescheid geben.');
    expect(text).toContain('Name: Petra Schmidt');
    expect(text).toContain(`Rückrufnummer: ${CALLER}`);
    expect(text).toContain('Anruf: call_7f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c');
    // On the branch's clock (14:00 UTC is 15:00 in Berlin), as the salon reads "morgen ab 16".
    expect(text).toContain('Eingegangen: Donnerstag, 26. November 2026, 15 Uhr');
    expect((await rows())[0]).toMatchObject({ mail_status: 'sent', mail_attempts: 1 });
  });

  it('a callback takes the number said over the caller’s own, and a preferred time', async () => {
    const a = await run('request_callback', {
      callbackNumber: 'null eins sieben eins, zwei drei vier, fünf sechs sieben acht',
      preferredTime: 'morgen ab 16 Uhr',
    });
    expect(a).toMatchObject({ success: true, callback_number: '+491712345678' });
    expect(a.message).toBe(
      'Ich habe notiert, dass der Salon Sie zurückruft, unter 0 1 7 1, 2 3 4, 5 6 7 8.',
    );
    await deliver();
    const text = mailText(smtp.received[0].raw);
    expect(text).toContain('Rückrufnummer: +491712345678');
    expect(text).toContain('Erreichbar: morgen ab 16 Uhr');
  });

  it('a withheld caller is asked for a number to call back on; a message needs none', async () => {
    expect(await run('request_callback', {}, null, 'anonymous')).toMatchObject({
      success: false,
      code: 'MESSAGE.CALLBACK_NUMBER_MISSING',
    });
    expect(
      await run('request_callback', { callbackNumber: 'eins zwei' }, null, null),
    ).toMatchObject({ success: false, code: 'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD' });
    expect(await run('leave_message', {}, null, null)).toMatchObject({
      success: false,
      code: 'MESSAGE.MISSING',
    });
    const kept = await run('leave_message', { message: 'Danke für gestern!' }, null, 'anonymous');
    expect(kept).toMatchObject({ success: true, callback_number: null });
    expect(kept.message).toBe('Ich habe Ihre Nachricht für den Salon notiert.');
    expect(await rows()).toHaveLength(1);
  });

  it('Retell retrying the same call stores and mails it once', async () => {
    const args = { message: 'Bitte Termin bestätigen.' };
    await Promise.all([run('leave_message', args), run('leave_message', args)]);
    await run('leave_message', args);
    expect(await rows()).toHaveLength(1);
    await deliver();
    expect(smtp.received).toHaveLength(1);
  });

  it('a refusing mail server loses nothing: stored, retried later, sent when it answers', async () => {
    smtp.refuse = true;
    const a = await run('leave_message', {
      message: 'Bitte zurückrufen wegen Farbe.',
      name: 'Petra Schmidt',
    });
    expect(a.success).toBe(true);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let logged = '';
    try {
      await deliver();
      logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    } finally {
      warn.mockRestore();
    }
    // The log names the message by its id, and nothing the caller said.
    expect(logged).toContain(`message ${(await rows())[0].id} failed`);
    for (const secret of ['Farbe', 'Petra', CALLER]) expect(logged).not.toContain(secret);
    expect(smtp.received).toHaveLength(0);
    let [row] = await rows();
    expect(row).toMatchObject({ mail_status: 'pending', mail_attempts: 1 });
    expect(row.mail_next_at.getTime()).toBeGreaterThan(NOW.getTime());
    expect(row.mail_error).not.toContain('Farbe');
    // Not due yet: nothing is tried.
    expect(await mail.handle(row.id)).toEqual({ kind: 'done' });
    expect((await rows())[0].mail_attempts).toBe(1);
    smtp.refuse = false;
    clock.advanceMinutes(1);
    expect(await mail.handle(row.id)).toEqual({ kind: 'done' });
    expect(smtp.received).toHaveLength(1);
    [row] = await rows();
    expect(row).toMatchObject({ mail_status: 'sent', mail_attempts: 2 });
  });

  it('a mail server that is down: the call still answers, the message waits', async () => {
    const down = await bookingApp(db.url, clock, {
      importSalon: false,
      env: { SMTP_URL: 'smtp://127.0.0.1:1', SMTP_FROM: 'telefon@haarmonie.example' },
    });
    try {
      const a = await down.get<PhoneFunctions>(PHONE_FUNCTIONS).run(
        'leave_message',
        { ...base, callId: null, callerNumber: CALLER },
        {
          message: 'Server weg',
        },
      );
      expect(a.success).toBe(true);
      const [row] = await rows();
      expect(row).toMatchObject({ mail_status: 'pending', mail_attempts: 0 });
      const unreachable = new SendMessageMailUseCase(
        new TypeOrmCallerMessages(ds),
        new SmtpSalonMailer({ url: 'smtp://127.0.0.1:1', port: 587, from: 'x@y.example' }),
        clock,
      );
      expect(await unreachable.handle(row.id)).toEqual({ kind: 'later', delayMs: 30_000 });
      expect((await rows())[0]).toMatchObject({ mail_status: 'pending', mail_attempts: 1 });
    } finally {
      await down.close();
    }
  });

  describe('a branch made inactive before its mail went out', () => {
    /** Stored while the branch was active; it closes before the worker takes the job. */
    const storedThenDeactivated = async (send: () => Promise<unknown>) => {
      await send();
      expect((await rows())[0]).toMatchObject({ mail_status: 'pending', mail_attempts: 0 });
      await ds.query(`UPDATE branches SET active = false WHERE id = $1`, [base.branchId]);
    };

    afterEach(async () => {
      await ds.query(`UPDATE branches SET active = true WHERE id = $1`, [base.branchId]);
      await ds.query(`DELETE FROM branches WHERE company_id = $1 AND id <> $2`, [
        base.companyId,
        base.branchId,
      ]);
    });

    it('the mail reaches an active branch of the salon and names the inactive one', async () => {
      await storedThenDeactivated(() =>
        run('leave_message', { message: 'Ich hole meinen Schirm morgen ab.' }),
      );
      await ds.query(
        `INSERT INTO branches(company_id, name, email) VALUES ($1, 'Salon Haarmonie Pankow', 'pankow@haarmonie.example')`,
        [base.companyId],
      );
      await deliver();
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail.to).toEqual(['pankow@haarmonie.example']);
      const text = mailText(mail.raw);
      expect(text).toContain('Nachricht: Ich hole meinen Schirm morgen ab.');
      expect(text).toContain('Salon: Salon Haarmonie');
      expect(text).toContain('Filiale: Salon Haarmonie Berlin-Mitte (inaktiv)');
      expect(text).toMatch(/Filiale Salon Haarmonie Berlin-Mitte ist inaktiv/);
      expect((await rows())[0]).toMatchObject({ mail_status: 'sent', mail_attempts: 1 });
    });

    it('without another active branch it still goes to the branch’s own address', async () => {
      await storedThenDeactivated(() => run('request_callback', { preferredTime: 'heute Abend' }));
      await deliver();
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual(['empfang@haarmonie.example']);
      const text = mailText(smtp.received[0].raw);
      expect(text).toContain('Filiale: Salon Haarmonie Berlin-Mitte (inaktiv)');
      expect(text).toContain(`Rückrufnummer: ${CALLER}`);
    });

    it('an active branch is named without a note, at its own address', async () => {
      await ds.query(
        `INSERT INTO branches(company_id, name, email) VALUES ($1, 'Salon Haarmonie Pankow', 'pankow@haarmonie.example')`,
        [base.companyId],
      );
      await run('leave_message', { message: 'Bis Freitag!' });
      await deliver();
      expect(smtp.received[0].to).toEqual(['empfang@haarmonie.example']);
      const text = mailText(smtp.received[0].raw);
      expect(text).toMatch(/Filiale: Salon Haarmonie Berlin-Mitte\r?\n/);
      expect(text).not.toContain('inaktiv');
    });
  });

  it('keeps only what fits: 1000 characters, no control characters from the store', async () => {
    const a = await run('leave_message', { message: 'x'.repeat(5000) }, null);
    expect(a.success).toBe(true);
    expect((await rows())[0].body).toHaveLength(1000);
  });
});
