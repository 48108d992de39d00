import { TestingModule } from '@nestjs/testing';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BullMqMessageMailWorker } from '../../../src/adapters/inbound/mail-worker/bullmq-message-mail.worker';
import {
  PHONE_FUNCTIONS,
  PhoneFunctions,
} from '../../../src/adapters/inbound/retell/phone-functions.dispatcher';
import { SmtpSalonMailer } from '../../../src/adapters/outbound/mail/smtp-salon.mailer';
import { TypeOrmCallerMessages } from '../../../src/adapters/outbound/persistence/repositories/typeorm-caller-messages';
import {
  BullMqMessageMailQueue,
  messageMailJobId,
} from '../../../src/adapters/outbound/queue/bullmq-message-mail.queue';
import { SendMessageMailUseCase } from '../../../src/application/info/send-message-mail.use-case';
import { StalledMailSweeper } from '../../../src/application/info/stalled-mail-sweeper';
import {
  MailVerdict,
  NO_MESSAGE_MAILS,
} from '../../../src/application/ports/message-mail-queue.port';
import { SALON_CATALOG, SalonCatalog } from '../../../src/application/ports/salon-catalog.port';
import { bookingApp, TestClock } from '../../support/booking-app';
import { eventually } from '../../support/eventually';
import { mailText, SmtpTestServer, startSmtpServer } from '../../support/smtp-test-server';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const NOW = new Date('2026-11-26T14:00:00Z');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SMTP_ENV = (url: string) => ({ SMTP_URL: url, SMTP_FROM: 'telefon@haarmonie.example' });

/**
 * The API process stores a caller's message and queues its id on BullMQ; it never mails. A
 * worker (its own mailer, its own connection) sends from the stored row. A job lost between
 * storing and queueing, or with Redis, is swept and sent. Real Postgres, Redis and SMTP.
 */
describe('callers’ message mails in the worker, over BullMQ', () => {
  let smtp: SmtpTestServer;
  let db: TestDatabase;
  let api: TestingModule;
  let ds: DataSource;
  let redis: Redis;
  let queue: BullMqMessageMailQueue;
  let worker: BullMqMessageMailWorker | undefined;
  let base: { companyId: string; branchId: string };
  const prefix = `test-mail-${randomBytes(4).toString('hex')}`;
  const clock = new TestClock(NOW);

  /** The worker side: nothing shared with the API process but the database and Redis. */
  const workerMail = () =>
    new SendMessageMailUseCase(
      new TypeOrmCallerMessages(ds),
      new SmtpSalonMailer({ url: smtp.url, port: 587, from: 'telefon@haarmonie.example' }),
      clock,
    );
  const startWorker = () => {
    worker = new BullMqMessageMailWorker(redis, workerMail(), { prefix });
    worker.start();
  };
  const stopWorker = async () => {
    await worker?.close();
    worker = undefined;
  };
  const leaveMessage = (functions: PhoneFunctions, message: string, callId: string) =>
    functions.run(
      'leave_message',
      { ...base, callId, callerNumber: '+4915112345678' },
      { message, name: 'Petra Schmidt' },
    );
  const row = async (callId: string) =>
    (await ds.query(`SELECT * FROM caller_messages WHERE call_id = $1`, [callId]))[0];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    db = await createTestDatabase();
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queue = new BullMqMessageMailQueue(redis, { prefix });
    api = await bookingApp(db.url, clock, { env: SMTP_ENV(smtp.url), mailQueue: queue });
    ds = api.get(DataSource);
    const catalog = api.get<SalonCatalog>(SALON_CATALOG);
    const branchId = (await catalog.branchIdForAnsweredNumber('+4930901820'))!;
    base = { companyId: (await catalog.branchContext(branchId))!.companyId, branchId };
  }, 60_000);
  afterAll(async () => {
    await stopWorker();
    await queue?.queue.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await api?.close();
    await redis?.quit();
    await db?.drop();
    await smtp?.close();
  });
  beforeEach(() => {
    clock.set(NOW);
    smtp.received.length = 0;
  });

  it('the API process stores and queues the id only; the worker sends from the row', async () => {
    const functions = api.get<PhoneFunctions>(PHONE_FUNCTIONS);
    const answer = await leaveMessage(
      functions,
      'Bitte Anna sagen: zehn Minuten später.',
      'call_w1',
    );
    expect(answer).toMatchObject({ success: true, noted: true });
    const stored = await row('call_w1');
    expect(stored).toMatchObject({ mail_status: 'pending', mail_attempts: 0 });
    await eventually(
      async () => (await queue.queue.getJob(messageMailJobId(stored.id))) !== undefined,
      'the job in Redis',
    );
    const job = await queue.queue.getJob(messageMailJobId(stored.id));
    expect(job!.data).toEqual({ messageId: stored.id });
    // No worker yet: the process that answered the call mailed nothing.
    expect(smtp.received).toHaveLength(0);
    expect((await row('call_w1')).mail_attempts).toBe(0);

    startWorker();
    await eventually(async () => (await row('call_w1')).mail_status === 'sent', 'the mail sent');
    expect(smtp.received).toHaveLength(1);
    const text = mailText(smtp.received[0].raw);
    expect(text).toContain('Nachricht: Bitte Anna sagen: zehn Minuten später.');
    expect(text).toContain(`Kennung: ${stored.id}`);
    expect(await row('call_w1')).toMatchObject({ mail_attempts: 1 });
    await stopWorker();
  });

  it('an API process that died after storing loses nothing: the sweeper queues it', async () => {
    // Stored, but the process ended before its job reached Redis.
    const dying = await bookingApp(db.url, clock, {
      importSalon: false,
      env: SMTP_ENV(smtp.url),
      mailQueue: NO_MESSAGE_MAILS,
    });
    await leaveMessage(dying.get(PHONE_FUNCTIONS), 'Rückruf wegen Strähnchen.', 'call_w2');
    await dying.close();
    const stored = await row('call_w2');
    expect(await queue.queue.getJob(messageMailJobId(stored.id))).toBeUndefined();

    const sweeper = new StalledMailSweeper(new TypeOrmCallerMessages(ds), queue, clock, {
      staleAfterMs: 30_000,
      intervalMs: 0,
      batchSize: 1,
    });
    // Not overdue yet: a job may still be on its way.
    expect(await sweeper.sweep()).toBe(0);
    clock.advanceMinutes(1);
    expect(await sweeper.sweep()).toBe(1);
    startWorker();
    await eventually(async () => (await row('call_w2')).mail_status === 'sent', 'the mail sent');
    expect(smtp.received).toHaveLength(1);
    expect(mailText(smtp.received[0].raw)).toContain('Rückruf wegen Strähnchen.');
    // Sent: nothing left to sweep.
    clock.advanceMinutes(5);
    expect(await sweeper.sweep()).toBe(0);
    await stopWorker();
  });

  it('a job lost with Redis is swept; a swept job beside the original sends once', async () => {
    const functions = api.get<PhoneFunctions>(PHONE_FUNCTIONS);
    await leaveMessage(functions, 'Termin am Samstag bitte bestätigen.', 'call_w3');
    const stored = await row('call_w3');
    await eventually(
      async () => (await queue.queue.getJob(messageMailJobId(stored.id))) !== undefined,
      'the job in Redis',
    );
    await queue.queue.obliterate({ force: true });
    const sweeper = new StalledMailSweeper(new TypeOrmCallerMessages(ds), queue, clock, {
      staleAfterMs: 30_000,
      intervalMs: 0,
      batchSize: 10,
    });
    clock.advanceMinutes(1);
    expect(await sweeper.sweep()).toBe(1);
    // The original job too (as if it had only waited behind others): two jobs, one mail.
    await queue.enqueue(stored.id);
    startWorker();
    await eventually(async () => (await row('call_w3')).mail_status === 'sent', 'the mail sent');
    await eventually(
      async () => (await queue.queue.getJobCounts('wait', 'active')).active === 0,
      'the jobs ended',
    );
    const counts = await queue.queue.getJobCounts('wait', 'active', 'completed');
    expect(counts).toMatchObject({ wait: 0, active: 0, completed: 2 });
    expect(smtp.received).toHaveLength(1);
    await stopWorker();
  });

  it('a refused mail goes back to the delayed set and comes again', async () => {
    const tries: string[] = [];
    const flaky = {
      handle: async (id: string): Promise<MailVerdict> => {
        tries.push(id);
        return tries.length === 1 ? { kind: 'later', delayMs: 10 } : { kind: 'done' };
      },
    };
    const w = new BullMqMessageMailWorker(redis, flaky, { prefix });
    w.start();
    try {
      await queue.enqueue('4f6a2c8e-0000-4000-8000-000000000001');
      await eventually(() => tries.length >= 2, 'a second try');
      expect(tries).toEqual([
        '4f6a2c8e-0000-4000-8000-000000000001',
        '4f6a2c8e-0000-4000-8000-000000000001',
      ]);
      const job = await queue.queue.getJob(
        messageMailJobId('4f6a2c8e-0000-4000-8000-000000000001'),
      );
      // "Later" is no failure: the database's schedule counts the mail's tries, not BullMQ.
      await eventually(async () => (await job!.getState()) === 'completed', 'the job completed');
      expect(job!.failedReason).toBeUndefined();
    } finally {
      await w.close();
    }
  });
});
