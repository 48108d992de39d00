import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
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

  @IsString()
  EMBEDDED_DATA_DIR = './.data/pglite';

  /** Absent: an in-process queue instead of BullMQ. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

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

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CALCOM_BASE_URL = 'https://api.cal.com';

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

  /** Only the embedded demo may switch signature checks off; the service warns loudly then. */
  @Transform(toBoolean)
  @IsBoolean()
  RETELL_VERIFY_SIGNATURES = true;

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

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @MaxLength(500)
  SALON_FILE = 'fixtures/demo-salon.json';
}

export class InvalidEnvironment extends Error {}

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
  return env;
}
