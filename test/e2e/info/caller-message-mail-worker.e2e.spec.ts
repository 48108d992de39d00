import { randomBytes } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import Redis from 'ioredis';
import { MESSAGE_MAIL_QUEUE_NAME } from '../../../src/adapters/outbound/queue/bullmq-message-mail.queue';
import { redisKeys } from '../../../src/adapters/outbound/queue/redis-keys';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { eventually } from '../../support/eventually';
import { mailText, SmtpTestServer, startSmtpServer } from '../../support/smtp-test-server';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY = 'key_e2e_message_mail_worker_0123456789';
const NOW = '2026-11-26T14:00:00Z';
const CALLER = '+4915112345678';
const TEXT = 'Bitte Anna ausrichten: ich bringe das Foto der Frisur mit.';

/**
 * Production shape: an API process (Redis, SYNC_WORKER_IN_PROCESS=false) answers the call and
 * stores the message; it sends no mail. A `start:worker` process, started only afterwards,
 * takes the job (the message id) and mails the stored row through a real SMTP server.
 */
describe('a caller’s message stored by the API process is mailed by the worker process', () => {
  const prefix = `test-mailw-${randomBytes(4).toString('hex')}`;
  let smtp: SmtpTestServer;
  let service: BootedService;
  let worker: WorkerProcess | undefined;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    service = await bootService({
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      SYNC_WORKER_IN_PROCESS: 'false',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'telefon@haarmonie.example',
    });
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue(MESSAGE_MAIL_QUEUE_NAME, {
      connection: redis as unknown as ConnectionOptions,
      prefix: redisKeys(prefix).queue,
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop().catch(() => undefined);
    await service?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close().catch(() => undefined);
    if (redis && redis.status !== 'end') await redis.quit().catch(() => undefined);
    await smtp?.close();
  }, 30_000);

  it('the call is answered with no mail sent; the worker sends it from the row', async () => {
    const res = await signedPost(
      service.app,
      '/api/retell/function-call',
      {
        name: 'leave_message',
        args: { nachricht: TEXT, kundenname: 'Petra Schmidt' },
        call: {
          call_id: `call_${randomBytes(16).toString('hex')}`,
          call_type: 'phone_call',
          direction: 'inbound',
          from_number: CALLER,
          to_number: '+4930901820',
          agent_id: 'agent_unused',
          agent_version: 1,
          call_status: 'ongoing',
          start_timestamp: 1795000000000,
          retell_llm_dynamic_variables: {},
          metadata: {},
          transcript: 'User: Können Sie Anna etwas ausrichten?',
          transcript_object: [],
        },
      },
      KEY,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, code: 'OK' });
    const row = async () =>
      (
        await service.db.dataSource.query(
          `SELECT id, mail_status, mail_attempts FROM caller_messages WHERE body = $1`,
          [TEXT],
        )
      )[0];
    const stored = await row();
    expect(stored).toMatchObject({ mail_status: 'pending', mail_attempts: 0 });
    await eventually(async () => (await queue.getJobCounts('wait')).wait === 1, 'the job queued');
    const [job] = await queue.getJobs(['wait']);
    expect(job.data).toEqual({ messageId: stored.id });
    // The API process runs no mail consumer: the job waits, nothing is sent.
    expect(smtp.received).toHaveLength(0);

    worker = await startWorkerProcess({
      DATABASE_URL: service.db.url,
      DATABASE_POOL_SIZE: '3',
      MIGRATE_ON_START: 'false',
      SEED_DEMO_SALON: 'false',
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      FIXED_NOW: NOW,
      SMTP_URL: smtp.url,
      SMTP_FROM: 'telefon@haarmonie.example',
      LOG_LEVEL: 'info',
    });
    await eventually(async () => (await row()).mail_status === 'sent', 'the mail sent', 60_000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['empfang@haarmonie.example']);
    const text = mailText(smtp.received[0].raw);
    expect(text).toContain(`Nachricht: ${TEXT}`);
    expect(text).toContain(`Rückrufnummer: ${CALLER}`);
    // The worker's log holds neither the text nor the name nor the number.
    const output = worker.output();
    for (const secret of ['Foto der Frisur', 'Petra', CALLER, '15112345678']) {
      expect(output).not.toContain(secret);
    }
  }, 120_000);
});
