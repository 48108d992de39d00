import type Redis from 'ioredis';
import type { Clock } from '../../../application/ports/clock.port';
import type { ResolveHost } from './calcom-host-resolver';
import type { EventTypeFactsOptions } from './calcom-event-type-facts';
import type { RequestQuotaConfig } from './calcom-request-quota';

/** Options for the Cal.com adapter; every field has a default (see DEFAULT_CALCOM_CONFIG). */
export const CALCOM_OPTIONS = Symbol('CalcomOptions');

export interface CalcomBreakerConfig {
  /** Failure percentage in the rolling window above which the breaker opens. */
  readonly errorThresholdPercentage: number;
  /** Calls needed in the rolling window before the breaker may open at all. */
  readonly volumeThreshold: number;
  /** Time open before a half-open probe is allowed (ms). */
  readonly resetTimeoutMs: number;
  /** Rolling statistics window (ms). */
  readonly rollingCountTimeoutMs: number;
}

export interface CalcomConfig {
  readonly baseUrl: string;
  /**
   * `host:port` keys (see parseAllowedHosts) the operator lets the service reach whatever
   * their address, over http too: a self-hosted Cal.com, a test double on loopback.
   */
  readonly allowedHosts: readonly string[];
  readonly apiVersions: {
    readonly slots: string;
    readonly bookings: string;
    readonly eventTypes: string;
  };
  readonly timeouts: { readonly slotsMs: number; readonly bookingsMs: number };
  readonly breaker: CalcomBreakerConfig;
  readonly slotCache: {
    readonly ttlSeconds: number;
    readonly keyPrefix: string;
    /** See SlotCacheOptions.refreshAheadSeconds. */
    readonly refreshAheadSeconds: number;
    /** See SlotCacheOptions.redisTimeoutMs. */
    readonly redisTimeoutMs: number;
  };
  /**
   * Page size for GET /v2/bookings and the most pages one listing reads (a reconciliation
   * window cut there is reported incomplete; a lookup cut there fails).
   */
  readonly listPageSize: number;
  readonly listMaxPages: number;
  /** Cal.com's request quota per API key (see CalcomRequestQuota); keys under `keyPrefix`. */
  readonly quota: RequestQuotaConfig & {
    readonly keyPrefix: string;
    /** A Redis call slower than this counts in this process instead. */
    readonly redisTimeoutMs: number;
  };
  /** What Cal.com's refusals taught about event types, shared through Redis for an hour. */
  readonly eventTypes: EventTypeFactsOptions;
}

export const DEFAULT_CALCOM_CONFIG: CalcomConfig = {
  baseUrl: 'https://api.cal.com',
  allowedHosts: [],
  apiVersions: { slots: '2024-09-04', bookings: '2024-08-13', eventTypes: '2024-06-14' },
  timeouts: { slotsMs: 3000, bookingsMs: 5000 },
  breaker: {
    errorThresholdPercentage: 50,
    volumeThreshold: 5,
    resetTimeoutMs: 30_000,
    rollingCountTimeoutMs: 10_000,
  },
  slotCache: {
    ttlSeconds: 60,
    keyPrefix: 'calcom:slots:v1',
    refreshAheadSeconds: 15,
    redisTimeoutMs: 250,
  },
  listPageSize: 100,
  listMaxPages: 50,
  quota: {
    limit: 120,
    windowMs: 60_000,
    marginMs: 2000,
    // A fifth of the window: ~8 uncached checks of a three-step service a minute per key,
    // while the sync keeps 96 requests a minute (32 perms).
    liveReservePercent: 20,
    maxWaitMs: 30_000,
    keyPrefix: 'calcom:quota:v1',
    redisTimeoutMs: 250,
  },
  eventTypes: { keyPrefix: 'calcom:event-types:v1', ttlSeconds: 3600, redisTimeoutMs: 250 },
};

export interface CalcomConfigOverrides {
  readonly baseUrl?: string;
  readonly allowedHosts?: readonly string[];
  readonly apiVersions?: Partial<CalcomConfig['apiVersions']>;
  readonly timeouts?: Partial<CalcomConfig['timeouts']>;
  readonly breaker?: Partial<CalcomBreakerConfig>;
  readonly slotCache?: Partial<CalcomConfig['slotCache']>;
  readonly listPageSize?: number;
  readonly listMaxPages?: number;
  readonly quota?: Partial<CalcomConfig['quota']>;
  readonly eventTypes?: Partial<CalcomConfig['eventTypes']>;
}

export function resolveCalcomConfig(overrides: CalcomConfigOverrides = {}): CalcomConfig {
  const d = DEFAULT_CALCOM_CONFIG;
  return {
    baseUrl: (overrides.baseUrl ?? d.baseUrl).replace(/\/+$/, ''),
    allowedHosts: overrides.allowedHosts ?? d.allowedHosts,
    apiVersions: { ...d.apiVersions, ...overrides.apiVersions },
    timeouts: { ...d.timeouts, ...overrides.timeouts },
    breaker: { ...d.breaker, ...overrides.breaker },
    slotCache: { ...d.slotCache, ...overrides.slotCache },
    listPageSize: overrides.listPageSize ?? d.listPageSize,
    listMaxPages: overrides.listMaxPages ?? d.listMaxPages,
    quota: { ...d.quota, ...overrides.quota },
    eventTypes: { ...d.eventTypes, ...overrides.eventTypes },
  };
}

/** What the composition root hands the gateway besides the credentials port. */
export interface CalcomGatewayOptions {
  readonly config?: CalcomConfigOverrides;
  /**
   * Slot answers are cached here, and the request quota per API key is counted here for every
   * process; without it only single-flight applies and each process counts alone.
   */
  readonly redis?: Redis | null;
  readonly clock?: Clock;
  /** How host names are resolved before each connection (default: the system resolver). */
  readonly resolveHost?: ResolveHost;
}
