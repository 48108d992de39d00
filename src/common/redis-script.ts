import type Redis from 'ioredis';
import { createHash } from 'node:crypto';

/**
 * A Lua script sent by its hash (EVALSHA), and in full only when Redis does not know it yet
 * (after a restart or SCRIPT FLUSH): one round trip, without the script's text each time.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  run(redis: Redis, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    return redis.evalsha(this.sha, keys.length, ...keys, ...args).catch((error: Error) => {
      if (!error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    });
  }
}
