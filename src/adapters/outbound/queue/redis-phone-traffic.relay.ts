import { randomUUID } from 'node:crypto';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { PhoneTraffic } from '../../../application/calls/phone-traffic';

export interface PhoneTrafficRelayOptions {
  /** The one key every process of the service (sharing its queue prefix) reads and writes. */
  readonly key: string;
  /** How often this process says it answers calls, or asks whether another one does. */
  readonly everyMs: number;
  /** How long one saying lasts: a process that stops answering is heard that much longer. */
  readonly holdMs: number;
}

/**
 * Carries PhoneTraffic between the service's processes over Redis, so a separately started
 * sync worker (or another API instance's) gives way to live calls as the answering process's
 * own sync does. A process answering calls keeps one key alive; the others look at it a few
 * times a second. Nothing is added to a function call's path: both happen on a timer.
 *
 * The key holds the id of the process that said so last, so a process does not hear its own
 * saying once it went quiet. It is never deleted: another process may be keeping it alive too,
 * and then overwrites it within a tick. Another process that went quiet is heard for up to
 * `holdMs` more, like the local quiet time.
 */
export class RedisPhoneTrafficRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly id = randomUUID();
  /**
   * Its own connection, which fails fast: the shared one queues commands while Redis is away
   * (BullMQ wants that), which would leave the last word standing and stop() waiting.
   */
  private readonly redis: Redis;
  private timer: NodeJS.Timeout | null = null;
  private exchanging: Promise<void> | null = null;

  constructor(
    shared: Redis,
    private readonly traffic: PhoneTraffic,
    private readonly options: PhoneTrafficRelayOptions,
  ) {
    this.redis = shared.duplicate({
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.holdMs,
    });
    // A failed exchange says so itself (nobody answering); the event must not go unheard.
    this.redis.on('error', () => undefined);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.timer) return;
    void this.redis.connect().catch(() => undefined);
    this.timer = setInterval(() => void this.exchange(), this.options.everyMs);
    this.timer.unref();
  }

  /** Stops the timer, lets an exchange under way end (each is bounded), and disconnects. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.exchanging;
    this.redis.disconnect();
  }

  /**
   * One round trip: while answering here, says so and learns who said so before; else only
   * asks. Either way it hears whether another process answers.
   */
  exchange(): Promise<void> {
    // A slow Redis is not queued up with one exchange per tick.
    this.exchanging ??= this.once().finally(() => (this.exchanging = null));
    return this.exchanging;
  }

  private async once(): Promise<void> {
    try {
      const saidBy = this.traffic.answeringHere
        ? await this.redis.set(this.options.key, this.id, 'PX', this.options.holdMs, 'GET')
        : await this.redis.get(this.options.key);
      this.traffic.answeringElsewhere(saidBy !== null && saidBy !== this.id);
    } catch {
      // Unheard is not answering: the sync must not wait on a Redis it cannot reach.
      this.traffic.answeringElsewhere(false);
    }
  }
}
