import type Redis from 'ioredis';

/** What Cal.com's refusals taught about one event type of one account. */
export interface EventTypeFacts {
  /** It offers one length only: `lengthInMinutes` is refused, the booking is asked without it. */
  readonly oneLength?: boolean;
  /** Lengths it refused as "not one of the possible lengths". */
  readonly refusedLengths?: readonly number[];
  /** Lengths it took. */
  readonly acceptedLengths?: readonly number[];
}

export interface EventTypeFactsOptions {
  /** Root of the keys, e.g. `<REDIS_KEY_PREFIX>:calcom:event-types:v1`. */
  readonly keyPrefix: string;
  /** How long a fact is believed: a salon may change its event type later. */
  readonly ttlSeconds: number;
  /** A Redis call slower than this falls back to this process's memory. */
  readonly redisTimeoutMs: number;
}

const MAX_LOCAL = 10_000;

/**
 * What was learnt about event types, shared by every job and process through Redis (with an
 * expiry), so one refusal teaches everyone. Each process also keeps what it learnt itself, for
 * when Redis does not answer; then it goes on with that.
 */
export class CalcomEventTypeFacts {
  private readonly local = new Map<string, { facts: EventTypeFacts; until: number }>();

  constructor(
    private readonly redis: Redis | null,
    private readonly options: EventTypeFactsOptions,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async of(credentialRef: string, eventTypeId: number): Promise<EventTypeFacts> {
    const key = this.keyOf(credentialRef, eventTypeId);
    const shared = await this.quietly(() => this.redis!.get(key));
    const own = this.localFacts(key);
    return merge(own, typeof shared === 'string' ? parse(shared) : {});
  }

  /** Adds to what is known (and restarts its expiry). */
  async learn(credentialRef: string, eventTypeId: number, learnt: EventTypeFacts): Promise<void> {
    const key = this.keyOf(credentialRef, eventTypeId);
    const facts = merge(await this.of(credentialRef, eventTypeId), learnt);
    if (this.local.size >= MAX_LOCAL) this.local.clear();
    this.local.set(key, { facts, until: this.nowMs() + this.options.ttlSeconds * 1000 });
    await this.quietly(() =>
      this.redis!.set(key, JSON.stringify(facts), 'EX', this.options.ttlSeconds),
    );
  }

  private localFacts(key: string): EventTypeFacts {
    const kept = this.local.get(key);
    if (!kept) return {};
    if (kept.until > this.nowMs()) return kept.facts;
    this.local.delete(key);
    return {};
  }

  private keyOf(credentialRef: string, eventTypeId: number): string {
    return `${this.options.keyPrefix}:${encodeURIComponent(credentialRef)}:${eventTypeId}`;
  }

  /** A Redis call; without Redis, on failure or when slow, null (this process's memory answers). */
  private async quietly<T>(call: () => Promise<T>): Promise<T | null> {
    if (!this.redis) return null;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.options.redisTimeoutMs);
    });
    try {
      return await Promise.race([call().catch(() => null), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const LISTS = ['refusedLengths', 'acceptedLengths'] as const;

function merge(a: EventTypeFacts, b: EventTypeFacts): EventTypeFacts {
  const facts: { -readonly [K in keyof EventTypeFacts]: EventTypeFacts[K] } = {};
  if (a.oneLength || b.oneLength) facts.oneLength = true;
  for (const list of LISTS) {
    const lengths = [...new Set([...(a[list] ?? []), ...(b[list] ?? [])])];
    if (lengths.length > 0) facts[list] = lengths.sort((x, y) => x - y).slice(0, 50);
  }
  return facts;
}

function parse(text: string): EventTypeFacts {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return {};
    const record = value as Record<string, unknown>;
    const facts: { -readonly [K in keyof EventTypeFacts]: EventTypeFacts[K] } = {};
    if (record.oneLength === true) facts.oneLength = true;
    for (const list of LISTS) {
      const lengths = record[list];
      if (Array.isArray(lengths)) {
        facts[list] = lengths.filter((n): n is number => Number.isInteger(n));
      }
    }
    return facts;
  } catch {
    return {};
  }
}
