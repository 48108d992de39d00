import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

const log = new Logger('Redis');

/**
 * The queue worker's connection (REDIS_CONNECTION). BullMQ's blocking commands need it this
 * way: no retry limit and commands queued while Redis is away, so a command waits through any
 * outage. Nothing anyone waits on may use it.
 */
export function workerConnection(url: string): Redis {
  return reportingOutages(
    new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true }),
    'queue worker connection lost; the sync waits for Redis',
  );
}

/**
 * The fail-fast connection (FAIL_FAST_REDIS): while Redis is away a command is refused at once
 * (no offline queue), one under way when the connection drops fails at once too (no retry),
 * and no answer is awaited longer than `commandTimeoutMs` (a Redis that hangs rather than
 * closes). It reconnects by itself, at most two seconds apart.
 */
export function failFastConnection(url: string, commandTimeoutMs: number): Redis {
  return reportingOutages(
    new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: commandTimeoutMs,
    }),
    'fail-fast connection lost; calls, admin requests and queue adds go on without Redis',
  );
}

/** A QUIT unanswered this long (a Redis that hangs rather than closes) is given up. */
const QUIT_PATIENCE_MS = 1000;

/**
 * Quits when connected, so answers under way (a sync job's last result) still arrive; else
 * just disconnects: a QUIT sent while Redis is away would be queued (worker connection) until
 * Redis is back, holding up the shutdown. A QUIT Redis does not answer in time is given up too.
 */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') return redis.disconnect();
  let timer: NodeJS.Timeout | undefined;
  const quit = await Promise.race([
    redis.quit().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), QUIT_PATIENCE_MS);
    }),
  ]);
  clearTimeout(timer);
  if (!quit) redis.disconnect();
}

/**
 * One warning when Redis is lost and one line when it is back, instead of ioredis's unhandled
 * error event on every reconnect attempt.
 */
function reportingOutages(redis: Redis, lost: string): Redis {
  let away = false;
  redis.on('error', (error: Error) => {
    if (away) return;
    away = true;
    log.warn(`${lost} (${error.message})`);
  });
  redis.on('ready', () => {
    if (!away) return;
    away = false;
    log.log('Redis reachable again');
  });
  return redis;
}
