import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmpty,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import {
  checkCalcomBaseUrl,
  parseAllowedHosts,
} from '../adapters/outbound/calcom/calcom-address-policy';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value; // left as is so that @IsBoolean names the variable
};

const toInt = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  return /^-?\d+$/.test(String(value).trim()) ? Number(value) : value;
};

/** 4 MiB: a 60-minute call's body (1.09 MB) nearly four times, a 2-hour one's nearly twice. */
export const DEFAULT_RETELL_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

/** Every variable the service reads. Unset optional ones select the embedded defaults. */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Absent: an embedded Postgres (PGlite) under EMBEDDED_DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Connections this process keeps to Postgres. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /**
   * How long a Postgres connection may sit idle before it is closed. A new connection is a new
   * backend that first loads its catalog and plans each statement again, so callers after a
   * pause pay for it; at 10 s (pg's default) bursts of calls kept reopening connections. Kept
   * under the 4 minutes after which some load balancers and NAT gateways drop idle connections.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  DATABASE_POOL_IDLE_MS = 120_000;

  /**
   * Longest a request waits for a Postgres connection, a new one opening or a free one from the
   * full pool. Past it the request answers 503 DATABASE.UNAVAILABLE (the phone path: a spoken
   * SERVICE.TEMPORARILY_UNAVAILABLE) instead of waiting for an unreachable database.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 3000;

  /** Postgres cancels a statement running longer (statement_timeout), migrations at start too. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 5000;

  /**
   * Longest the service waits for Postgres to reply to a statement before it gives up and drops
   * the connection: on a network that loses packets the server's statement_timeout never
   * arrives. Longer than DATABASE_STATEMENT_TIMEOUT_MS, so a slow statement is cancelled by the
   * server first and its connection kept.
   */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(3_601_000)
  DATABASE_QUERY_TIMEOUT_MS = 6000;

  @IsString()
  EMBEDDED_DATA_DIR = './.data/pglite';

  /** Absent: an in-process queue instead of BullMQ. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  /**
   * Root of every Redis key the service writes (rate limits, slot cache, phone traffic, the
   * calendar-sync queue), so environments sharing one Redis share no counters, cached slots or
   * jobs. No colon, so two prefixes never nest.
   */
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, {
    message: 'REDIS_KEY_PREFIX must be 1-64 letters, digits, dots, dashes or underscores',
  })
  REDIS_KEY_PREFIX = 'salon';

  /**
   * Longest a function call, an admin request or a queue add waits for one Redis answer before
   * it goes on without Redis (while Redis is away it does not wait at all). The sync worker
   * waits for Redis as long as it takes.
   */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(5000)
  REDIS_COMMAND_TIMEOUT_MS = 50;

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATE_ON_START = true;

  /** Seeds the demo salon on first start when the database holds no company. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO_SALON?: boolean;

  /** Absent: the local calendar (Postgres only) instead of Cal.com. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8)
  CALCOM_API_KEY?: string;

  /** An https:// host on public addresses, or a host listed in CALCOM_ALLOWED_HOSTS. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CALCOM_BASE_URL = 'https://api.cal.com';

  /**
   * Cal.com hosts (`host:port`, comma-separated; IPv6 in brackets) the service may reach
   * although they are on private, loopback or link-local addresses, over http too: a
   * self-hosted Cal.com inside the network, a test double. Every other host must be https://
   * on public addresses, checked when a credential is stored and at every connection.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(
    /^\s*([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):\d{1,5}(\s*,\s*([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):\d{1,5})*\s*$/,
    { message: 'CALCOM_ALLOWED_HOSTS must be a comma list of host:port entries ([v6]:port)' },
  )
  CALCOM_ALLOWED_HOSTS?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8)
  CALCOM_WEBHOOK_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8)
  RETELL_API_KEY?: string;

  /**
   * Retell signature checks. On by default everywhere except the embedded demo (no DATABASE_URL),
   * where no Retell key exists; the service warns loudly whenever they are off.
   */
  @Transform(toBoolean)
  @IsBoolean()
  RETELL_VERIFY_SIGNATURES = true;

  /**
   * Largest Retell request body read, in bytes. Function calls and call webhooks carry the
   * call's transcript three times over with word timings: a 60-minute call (Retell's default
   * longest) measured 1.09 MB, a 2-hour one (its longest possible) 2.19 MB. Only the bytes are
   * read and signed; the transcripts are never parsed.
   */
  @Transform(toInt)
  @IsInt()
  @Min(65_536)
  @Max(67_108_864)
  RETELL_BODY_LIMIT_BYTES = DEFAULT_RETELL_BODY_LIMIT_BYTES;

  /** Pins the Clock port to one instant (demos, end-to-end tests). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsISO8601({ strict: true })
  FIXED_NOW?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(24)
  ADMIN_BOOTSTRAP_KEY?: string;

  /**
   * Mail server for callers' messages, e.g. smtps://user:pass@mail.example.de:465. Unset (and
   * no SMTP_HOST): messages are only kept and shown in the admin API as not mailed.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The mail server by host and port instead of SMTP_URL (no login). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]{1,253}$/, { message: 'SMTP_HOST must be a host name' })
  SMTP_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  /** Sender of the messages' mails. */
  @Matches(/^[^\s@<>]+@[^\s@<>]+$/, { message: 'SMTP_FROM must be an e-mail address' })
  SMTP_FROM = 'telefon@salon.invalid';

  /** 32 bytes as 64 hex characters; encrypts Cal.com credentials at rest. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'ENCRYPTION_KEY must be 64 hex characters' })
  ENCRYPTION_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  HOLD_MINUTES = 3;

  /**
   * Sync jobs one process runs at once. Inside the API process they share its CPU with the
   * calls; a lower number leaves more to the calls and lets the sync trail further behind.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SYNC_WORKER_CONCURRENCY = 10;

  /**
   * Sync jobs this process runs at once while it answers live calls (a function call in flight
   * or ended within the last second). Calls come first; the sync catches up when they pause.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SYNC_CONCURRENCY_DURING_CALLS = 1;

  /** Function-call traces are written in batches this often; 0 writes each before answering. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  TRACE_FLUSH_MS = 20;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @MaxLength(500)
  SALON_FILE = 'fixtures/demo-salon.json';

  // --- phone path ---

  /** Function calls a minute per call id; Retell retries twice, a real call needs far fewer. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  RETELL_RATE_LIMIT_PER_CALL = 60;

  /**
   * Function calls and webhooks a minute per salon (company), counted across its calls: 50
   * parallel lines at 24 function calls a minute each. Retell sends every salon's requests from
   * one address, so this, not the address, is what bounds one salon's traffic.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RETELL_RATE_LIMIT_PER_TENANT = 1200;

  /**
   * Which proxies in front of the service to believe about the client's address (for the
   * per-address limits): "false" (none: the socket's peer), a number of hops, or a comma list
   * of addresses, subnets and the names loopback, linklocal, uniquelocal.
   */
  // Hop counts 1-9 and subnets of /8 or narrower: "everyone" (0.0.0.0/0, ::/0) would let every
  // client name its own address and escape its limits.
  @Matches(
    /^(false|[1-9]|(loopback|linklocal|uniquelocal|[0-9a-fA-F]*[.:][0-9a-fA-F:.]*(\/([89]|[1-9]\d|1[0-2]\d))?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F]*[.:][0-9a-fA-F:.]*(\/([89]|[1-9]\d|1[0-2]\d))?))*)$/,
    {
      message:
        'TRUST_PROXY must be false, a hop count 1-9, or a comma list of addresses, subnets of /8 or narrower, or loopback/linklocal/uniquelocal',
    },
  )
  TRUST_PROXY = 'false';

  /**
   * Failed Retell signatures a minute per client address; above, the address gets 429 before
   * its requests are even checked. Correctly signed requests never count against an address.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  RETELL_RATE_LIMIT_FAILED_SIGNATURE_PER_CLIENT = 300;

  // --- admin API ---

  /** Admin requests a minute per API key (the bootstrap key counts as one key). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  ADMIN_RATE_LIMIT_PER_KEY = 600;

  /** Failed admin authentications a minute per client address; above, keys are not even checked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  ADMIN_RATE_LIMIT_FAILED_AUTH_PER_CLIENT = 60;

  // --- calendar sync ---

  /** Run the sync processor inside the API process (`npm run start:worker` runs it alone). */
  @Transform(toBoolean)
  @IsBoolean()
  SYNC_WORKER_IN_PROCESS = true;

  /** Wait before looking a booking up after an error or timeout. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SYNC_VERIFY_DELAY_MS = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  SYNC_ATTEMPTS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SYNC_BACKOFF_MS = 2000;

  /**
   * A pending or failed sync untouched this long, whose job the queue no longer holds, is queued
   * again (jobs lost with Redis); the sweep runs every half of it, at most every 15 s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(10_000)
  @Max(86_400_000)
  SYNC_SWEEP_AFTER_MS = 30_000;

  /** A closed company's data is kept this many days, then erased by a scheduled sweep. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  COMPANY_RETENTION_DAYS = 30;

  /** Create the Cal.com bookings of a composite appointment in parallel (false: one by one). */
  @Transform(toBoolean)
  @IsBoolean()
  SYNC_PARALLEL_PHASES = true;

  /**
   * Folded into REDIS_KEY_PREFIX. Refused rather than ignored: a deployment that still sets it
   * would otherwise move, unnoticed, onto the default prefix another environment may use too.
   */
  @Transform(emptyToUndefined)
  @IsEmpty({
    message:
      'SYNC_QUEUE_PREFIX is replaced by REDIS_KEY_PREFIX (the queue lives under <REDIS_KEY_PREFIX>:queue)',
  })
  SYNC_QUEUE_PREFIX?: string;

  /**
   * How long a sync job's lock lives without renewal (a running worker renews it at half that).
   * A worker that died loses it this long after its last renewal, and the job is retried.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  SYNC_JOB_LOCK_MS = 30_000;

  /**
   * How often a worker looks for jobs whose lock lapsed (stalled) and queues them again. A job
   * needs two looks to count as stalled, so a dead worker's job runs again within one lock time
   * plus this after its last renewal.
   */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600_000)
  SYNC_STALLED_CHECK_MS = 10_000;

  /**
   * How long one job owns its appointment without renewal; a running job renews it at a third of
   * that and releases it when it ends, so a worker that died blocks its appointments this long.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  SYNC_LEASE_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  CALCOM_BREAKER_ERROR_PERCENT = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CALCOM_BREAKER_VOLUME = 5;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CALCOM_BREAKER_RESET_MS = 30_000;

  /**
   * Most pages (100 bookings each) one Cal.com booking listing reads. A reconciliation window
   * longer than that is acted on only where a partial picture is safe, and reported incomplete.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CALCOM_LIST_MAX_PAGES = 50;

  /**
   * How long check_availability (and book_appointment without a hold) waits for Cal.com's slots
   * during a call. Past it the answer comes from the local calendar (calendar_verified: false);
   * the request still finishes in the background and fills the slot cache for the next check.
   */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(3000)
  CALCOM_LIVE_CHECK_BUDGET_MS = 500;

  /**
   * Requests Cal.com allows one API key a minute (its documented 120; Cal.com raises it on
   * request). Every process counts against it together, through Redis.
   */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100_000)
  CALCOM_RATE_LIMIT_PER_MINUTE = 120;

  /** Share of that minute (percent) kept for live calls: the sync slows down before it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(90)
  CALCOM_LIVE_RESERVE_PERCENT = 20;

  /** Longest a sync request waits for room in the quota; past it the job comes back later. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120_000)
  CALCOM_QUOTA_MAX_WAIT_MS = 30_000;
}

export class InvalidEnvironment extends Error {}

/** CALCOM_BASE_URL goes by the rule every tenant's Cal.com host goes by. */
function calcomHostProblems(env: Environment): string[] {
  const allowed = parseAllowedHosts(env.CALCOM_ALLOWED_HOSTS);
  if (!allowed.ok) {
    return [`CALCOM_ALLOWED_HOSTS: not host:port (port 1-65535): ${allowed.bad.join(', ')}`];
  }
  const base = checkCalcomBaseUrl(env.CALCOM_BASE_URL, allowed.hosts);
  return base.ok ? [] : [`CALCOM_BASE_URL: ${base.reason}`];
}

/** Validates the raw environment; the error names each bad variable and why. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new InvalidEnvironment(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const calcomProblems = calcomHostProblems(env);
  if (calcomProblems.length > 0) {
    throw new InvalidEnvironment(`Invalid environment:\n  ${calcomProblems.join('\n  ')}`);
  }
  if (env.DATABASE_QUERY_TIMEOUT_MS <= env.DATABASE_STATEMENT_TIMEOUT_MS) {
    throw new InvalidEnvironment(
      'Invalid environment:\n  DATABASE_QUERY_TIMEOUT_MS: must be longer than DATABASE_STATEMENT_TIMEOUT_MS',
    );
  }
  const verifyGiven =
    raw.RETELL_VERIFY_SIGNATURES !== undefined && raw.RETELL_VERIFY_SIGNATURES !== '';
  if (!verifyGiven && !env.DATABASE_URL && !env.RETELL_API_KEY)
    env.RETELL_VERIFY_SIGNATURES = false;
  return env;
}
