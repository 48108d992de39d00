import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { BullMqSyncWorker } from '../../../src/adapters/inbound/sync-worker/bullmq-sync.worker';
import { giveWayToCalls } from '../../../src/adapters/inbound/sync-worker/give-way-to-calls';
import { InProcessSyncQueue } from '../../../src/adapters/outbound/local/in-process-sync.queue';
import { BullMqSyncQueue } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import { RedisPhoneTrafficRelay } from '../../../src/adapters/outbound/queue/redis-phone-traffic.relay';
import { PhoneTraffic } from '../../../src/application/calls/phone-traffic';
import type {
  JobVerdict,
  SyncJobHandler,
  SyncQueue,
} from '../../../src/application/ports/sync-queue.port';
import { eventually } from '../../support/eventually';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A handler whose jobs run until the test lets them finish, counting how many ran at once.
 */
class GatedHandler implements SyncJobHandler {
  running = 0;
  mostAtOnce = 0;
  done = 0;
  private gates: Array<() => void> = [];

  async handle(): Promise<JobVerdict> {
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    await new Promise<void>((r) => this.gates.push(r));
    this.running--;
    this.done++;
    return { kind: 'done' };
  }

  releaseAll(): void {
    const gates = this.gates;
    this.gates = [];
    gates.forEach((open) => open());
  }

  reset(): void {
    this.mostAtOnce = this.running;
  }
}

const entry = (n: number) => ({
  id: String(n),
  companyId: '00000000-0000-4000-8000-000000000001',
  appointmentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  action: 'create' as const,
  appointmentVersion: 1,
});

/**
 * `answering` answers a call while eight jobs wait: the consumer that `heard` drives runs them
 * one at a time (three are let finish to see it), and four at once after the call's quiet time.
 */
async function oneAtATimeDuringACall(o: {
  answering: PhoneTraffic;
  heard: PhoneTraffic;
  queue: SyncQueue;
  handler: GatedHandler;
}): Promise<void> {
  const { handler } = o;
  let endCall!: () => void;
  const call = o.answering.during(() => new Promise<void>((r) => (endCall = r)));
  await eventually(() => o.heard.answering, 'the call heard');
  for (let n = 1; n <= 8; n++) await o.queue.enqueue(entry(n));

  await eventually(() => handler.running === 1, 'the first job');
  // Jobs finishing one by one while the call lasts: the next starts, never a second at once.
  for (let i = 0; i < 3; i++) {
    handler.releaseAll();
    await eventually(() => handler.done === i + 1 && handler.running === 1, `job ${i + 2}`);
  }
  expect(handler.mostAtOnce).toBe(1);

  endCall();
  await call;
  await eventually(() => !o.heard.answering, 'the quiet time heard');
  // BullMQ applies the change when its running job ends.
  handler.releaseAll();
  await eventually(() => handler.running === 4, 'full concurrency after the quiet time');
  expect(handler.mostAtOnce).toBe(4);
  await eventually(() => {
    handler.releaseAll();
    return handler.done === 8;
  }, 'the rest');
}

/**
 * Live calls come first: while a function call is being answered (and for a quiet second after),
 * the sync consumer takes one job at a time instead of its full concurrency; it never stops.
 */
describe.each(['bullmq', 'in-process'] as const)(
  'the %s sync consumer gives way to calls',
  (kind) => {
    let handler: GatedHandler;
    let traffic: PhoneTraffic;
    let queue: SyncQueue & { close(): Promise<void> };
    let worker: BullMqSyncWorker | undefined;
    let redis: Redis | undefined;
    let stop: () => void;

    beforeEach(async () => {
      handler = new GatedHandler();
      traffic = new PhoneTraffic(200);
      if (kind === 'bullmq') {
        redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
        const prefix = `giveway_${randomBytes(4).toString('hex')}`;
        queue = new BullMqSyncQueue(redis, { attempts: 1, backoffMs: 100, prefix });
        worker = new BullMqSyncWorker(redis, handler, { concurrency: 4, prefix });
        stop = giveWayToCalls(traffic, worker, 4, 1);
      } else {
        const local = new InProcessSyncQueue({ attempts: 1, backoffMs: 100, concurrency: 4 });
        local.consume(handler);
        queue = local;
        stop = giveWayToCalls(traffic, local, 4, 1);
      }
    });

    afterEach(async () => {
      stop();
      traffic.stop();
      handler.releaseAll();
      await worker?.close();
      await queue.close();
      if (redis) {
        const keys = await redis.keys('giveway_*');
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
      worker = undefined;
      redis = undefined;
    });

    it('runs one job at a time while a call is answered, and its full concurrency after', () =>
      oneAtATimeDuringACall({ answering: traffic, heard: traffic, queue, handler }));
  },
);

/**
 * With Redis the service may run as several processes: an API instance answers the calls while
 * a separately started worker (npm run start:worker) runs the sync. The worker hears of the calls
 * through the relay and gives way all the same.
 */
describe('a sync worker in another process gives way to the calls an API process answers', () => {
  // Said often, held long: one slow exchange on a busy machine must not end a call early.
  const relayOptions = (key: string) => ({ key, everyMs: 25, holdMs: 2_000 });
  let redis: Redis;
  let key: string;
  let api: PhoneTraffic;
  let workerTraffic: PhoneTraffic;
  let relays: RedisPhoneTrafficRelay[];

  beforeEach(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    key = `giveway_${randomBytes(4).toString('hex')}:phone-traffic`;
    api = new PhoneTraffic(200);
    workerTraffic = new PhoneTraffic(200);
    relays = [
      new RedisPhoneTrafficRelay(redis, api, relayOptions(key)),
      new RedisPhoneTrafficRelay(redis, workerTraffic, relayOptions(key)),
    ];
    relays.forEach((r) => r.start());
  });

  afterEach(async () => {
    for (const r of relays) await r.stop();
    api.stop();
    workerTraffic.stop();
    await redis.del(key);
    redis.disconnect();
  });

  it('hears a call answered elsewhere, and the quiet after it', async () => {
    expect(workerTraffic.answering).toBe(false);
    let endCall!: () => void;
    const call = api.during(() => new Promise<void>((r) => (endCall = r)));
    await eventually(() => workerTraffic.answering, 'the worker hearing the call');
    expect(workerTraffic.answeringHere).toBe(false);
    endCall();
    await call;
    await eventually(() => !api.answering, 'the API process’s quiet time');
    await eventually(() => !workerTraffic.answering, 'the worker hearing the quiet');
  });

  it('does not hear its own saying once it went quiet, but hears another process still answering', async () => {
    const other = new PhoneTraffic(200);
    const otherRelay = new RedisPhoneTrafficRelay(redis, other, relayOptions(key));
    relays.push(otherRelay);
    otherRelay.start();

    await api.during(async () => {
      await eventually(() => workerTraffic.answering, 'the worker hearing the call');
    });
    await eventually(() => !api.answering, 'the API process’s quiet time');
    // Right after its quiet time the API process's own saying is still in Redis (2 s). The
    // first exchange may be one begun before; the second is begun after.
    await relays[0].exchange();
    await relays[0].exchange();
    expect(api.answering).toBe(false);

    let endCall!: () => void;
    const call = other.during(() => new Promise<void>((r) => (endCall = r)));
    await eventually(
      () => api.answering && !api.answeringHere,
      'the API process hearing the other',
    );
    endCall();
    await call;
    other.stop();
  });

  it('runs one job at a time while another process answers a call, and its full concurrency after', async () => {
    const handler = new GatedHandler();
    const prefix = key.split(':')[0];
    const queue = new BullMqSyncQueue(redis, { attempts: 1, backoffMs: 100, prefix });
    const worker = new BullMqSyncWorker(redis, handler, { concurrency: 4, prefix });
    const stop = giveWayToCalls(workerTraffic, worker, 4, 1);
    try {
      await oneAtATimeDuringACall({ answering: api, heard: workerTraffic, queue, handler });
    } finally {
      stop();
      handler.releaseAll();
      await worker.close();
      await queue.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
  });

  it('takes a Redis it cannot reach as nobody answering, and stops without waiting for it', async () => {
    // Connected as the service connects (commands queued while Redis is away, retried forever):
    // the relay must not inherit that.
    const unreachable = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: null,
      lazyConnect: true,
    });
    unreachable.on('error', () => undefined);
    const traffic = new PhoneTraffic(200);
    traffic.answeringElsewhere(true);
    const relay = new RedisPhoneTrafficRelay(unreachable, traffic, relayOptions(key));
    relay.start();
    await relay.exchange();
    expect(traffic.answering).toBe(false);
    await relay.stop(); // returns (the test's own timeout would catch a hang)
    traffic.stop();
    unreachable.disconnect();
  });
});
