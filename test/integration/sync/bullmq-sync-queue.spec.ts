import type Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { BullMqSyncQueue } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import { failFastConnection } from '../../../src/adapters/outbound/queue/redis-connections';
import { eventually } from '../../support/eventually';
import { startRedisServer, type RedisServer } from '../../support/redis-server';

/** REDIS_COMMAND_TIMEOUT_MS's default: no answer on the fail-fast connection is awaited longer. */
const COMMAND_TIMEOUT_MS = 50;

/**
 * The calendar-sync producer on the service's fail-fast connection, against a redis-server of
 * this file's own that is held up for a moment (as a slow command or a starved host does).
 */
describe('BullMqSyncQueue on the fail-fast connection', () => {
  let redis: RedisServer;
  let connection: Redis | undefined;
  let queue: BullMqSyncQueue | undefined;

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterEach(async () => {
    await queue?.close();
    connection?.disconnect();
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('adds once Redis answers again, though Redis was held up when the queue was made', async () => {
    connection = failFastConnection(redis.url, COMMAND_TIMEOUT_MS);
    await eventually(() => connection!.status === 'ready', 'the connection to be ready');
    await redis.stall(1000);

    // Made while no answer comes in time (as at a busy boot): nothing it asks of Redis once
    // may fail for good, or no add would ever go through.
    queue = new BullMqSyncQueue(connection, {
      attempts: 3,
      backoffMs: 100,
      prefix: `producer-${randomBytes(4).toString('hex')}`,
    });
    const entry = {
      id: '1',
      companyId: randomUUID(),
      appointmentId: randomUUID(),
      action: 'create' as const,
      appointmentVersion: 1,
    };

    await eventually(
      () =>
        queue!.enqueue(entry).then(
          () => true,
          () => false,
        ),
      'an add to go through',
    );
    expect(await queue.queue.getJobState(`${entry.appointmentId}:1:create`)).toBe('waiting');
  });
});
