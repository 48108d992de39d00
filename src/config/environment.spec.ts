import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('lets CALCOM_BASE_URL name a private or plain-http host only when CALCOM_ALLOWED_HOSTS lists it', () => {
    expect(validateEnvironment({}).CALCOM_BASE_URL).toBe('https://api.cal.com');
    expect(validateEnvironment({ CALCOM_BASE_URL: 'https://api.cal.eu' }).CALCOM_BASE_URL).toBe(
      'https://api.cal.eu',
    );
    const listed = validateEnvironment({
      CALCOM_BASE_URL: 'http://127.0.0.1:4010',
      CALCOM_ALLOWED_HOSTS: '127.0.0.1:4010, cal.salon.internal:443',
    });
    expect(listed.CALCOM_ALLOWED_HOSTS).toBe('127.0.0.1:4010, cal.salon.internal:443');
    expect(() =>
      validateEnvironment({
        CALCOM_BASE_URL: 'http://127.0.0.1:6379',
        CALCOM_ALLOWED_HOSTS: '127.0.0.1:4010',
      }),
    ).toThrow(/CALCOM_BASE_URL: must be an https:\/\/ URL/);
  });

  it('accepts an empty environment and picks embedded defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.HOLD_MINUTES).toBe(3);
  });

  it('checks Retell signatures by default except on the embedded demo without a key', () => {
    expect(validateEnvironment({}).RETELL_VERIFY_SIGNATURES).toBe(false);
    expect(validateEnvironment({ RETELL_API_KEY: 'key_1234567890' }).RETELL_VERIFY_SIGNATURES).toBe(
      true,
    );
    expect(
      validateEnvironment({ DATABASE_URL: 'postgres://postgres@127.0.0.1/test' })
        .RETELL_VERIFY_SIGNATURES,
    ).toBe(true);
    expect(validateEnvironment({ RETELL_VERIFY_SIGNATURES: 'true' }).RETELL_VERIFY_SIGNATURES).toBe(
      true,
    );
  });

  it('reads typed values', () => {
    const env = validateEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      RETELL_VERIFY_SIGNATURES: 'false',
      FIXED_NOW: '2026-11-26T14:00:00Z',
    });
    expect(env.PORT).toBe(8080);
    expect(env.RETELL_VERIFY_SIGNATURES).toBe(false);
    expect(env.FIXED_NOW).toBe('2026-11-26T14:00:00Z');
  });

  it('keeps every Redis key under one prefix and waits for Redis briefly', () => {
    expect(validateEnvironment({}).REDIS_KEY_PREFIX).toBe('salon');
    expect(validateEnvironment({}).REDIS_COMMAND_TIMEOUT_MS).toBe(50);
    const env = validateEnvironment({
      REDIS_KEY_PREFIX: 'staging-eu_1.2',
      REDIS_COMMAND_TIMEOUT_MS: '120',
    });
    expect(env.REDIS_KEY_PREFIX).toBe('staging-eu_1.2');
    expect(env.REDIS_COMMAND_TIMEOUT_MS).toBe(120);
  });

  it('bounds every wait for Postgres, the client waiting longer than the server', () => {
    expect(validateEnvironment({})).toMatchObject({
      DATABASE_CONNECT_TIMEOUT_MS: 3000,
      DATABASE_STATEMENT_TIMEOUT_MS: 5000,
      DATABASE_QUERY_TIMEOUT_MS: 6000,
    });
    expect(() => validateEnvironment({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(
      /DATABASE_CONNECT_TIMEOUT_MS/,
    );
    expect(() =>
      validateEnvironment({
        DATABASE_STATEMENT_TIMEOUT_MS: '8000',
        DATABASE_QUERY_TIMEOUT_MS: '8000',
      }),
    ).toThrow(/DATABASE_QUERY_TIMEOUT_MS: must be longer than DATABASE_STATEMENT_TIMEOUT_MS/);
  });

  it('refuses SYNC_QUEUE_PREFIX, folded into REDIS_KEY_PREFIX, and says so', () => {
    expect(() => validateEnvironment({ SYNC_QUEUE_PREFIX: 'staging' })).toThrow(
      /SYNC_QUEUE_PREFIX is replaced by REDIS_KEY_PREFIX/,
    );
    expect(validateEnvironment({ SYNC_QUEUE_PREFIX: '' }).SYNC_QUEUE_PREFIX).toBeUndefined();
  });

  it('reads Retell bodies up to RETELL_BODY_LIMIT_BYTES, 4 MiB unless set', () => {
    expect(validateEnvironment({}).RETELL_BODY_LIMIT_BYTES).toBe(4 * 1024 * 1024);
    expect(
      validateEnvironment({ RETELL_BODY_LIMIT_BYTES: '8388608' }).RETELL_BODY_LIMIT_BYTES,
    ).toBe(8_388_608);
  });

  it('keeps a closed company COMPANY_RETENTION_DAYS, 30 unless set, at most ten years', () => {
    expect(validateEnvironment({}).COMPANY_RETENTION_DAYS).toBe(30);
    expect(validateEnvironment({ COMPANY_RETENTION_DAYS: '0' }).COMPANY_RETENTION_DAYS).toBe(0);
    expect(() => validateEnvironment({ COMPANY_RETENTION_DAYS: '3651' })).toThrow(
      /COMPANY_RETENTION_DAYS:/,
    );
    expect(() => validateEnvironment({ COMPANY_RETENTION_DAYS: '-1' })).toThrow(
      /COMPANY_RETENTION_DAYS:/,
    );
  });

  it("spends Cal.com's 120 requests a minute per key, a fifth kept for live calls, unless set", () => {
    const env = validateEnvironment({});
    expect([
      env.CALCOM_RATE_LIMIT_PER_MINUTE,
      env.CALCOM_LIVE_RESERVE_PERCENT,
      env.CALCOM_QUOTA_MAX_WAIT_MS,
    ]).toEqual([120, 20, 30_000]);
    expect(
      validateEnvironment({ CALCOM_RATE_LIMIT_PER_MINUTE: '800' }).CALCOM_RATE_LIMIT_PER_MINUTE,
    ).toBe(800);
    expect(() => validateEnvironment({ CALCOM_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      /CALCOM_RATE_LIMIT_PER_MINUTE:/,
    );
    expect(() => validateEnvironment({ CALCOM_LIVE_RESERVE_PERCENT: '95' })).toThrow(
      /CALCOM_LIVE_RESERVE_PERCENT:/,
    );
  });

  it('limits Retell requests per call and per salon, and per address only on failed signatures', () => {
    const defaults = validateEnvironment({});
    expect(defaults.RETELL_RATE_LIMIT_PER_CALL).toBe(60);
    expect(defaults.RETELL_RATE_LIMIT_PER_TENANT).toBe(1200);
    expect(defaults.RETELL_RATE_LIMIT_FAILED_SIGNATURE_PER_CLIENT).toBe(300);
    const env = validateEnvironment({
      RETELL_RATE_LIMIT_PER_TENANT: '5000',
      RETELL_RATE_LIMIT_FAILED_SIGNATURE_PER_CLIENT: '20',
    });
    expect(env.RETELL_RATE_LIMIT_PER_TENANT).toBe(5000);
    expect(env.RETELL_RATE_LIMIT_FAILED_SIGNATURE_PER_CLIENT).toBe(20);
    expect(() => validateEnvironment({ RETELL_RATE_LIMIT_PER_TENANT: '0' })).toThrow(
      /RETELL_RATE_LIMIT_PER_TENANT/,
    );
  });

  it.each(['false', '1', 'loopback', '10.0.0.0/8, loopback', '::1, 192.168.1.10'])(
    'accepts TRUST_PROXY=%s',
    (value) => {
      expect(validateEnvironment({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    },
  );

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'localhost:6379'],
    ['FIXED_NOW', 'tomorrow'],
    ['RETELL_VERIFY_SIGNATURES', 'maybe'],
    ['HOLD_MINUTES', '0'],
    ['ENCRYPTION_KEY', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'everyone'],
    ['TRUST_PROXY', '0.0.0.0/0'],
    ['TRUST_PROXY', '::/0'],
    ['TRUST_PROXY', '10.0.0.0/4'],
    ['TRUST_PROXY', '99'],
    ['TRACE_FLUSH_MS', '-1'],
    ['RETELL_BODY_LIMIT_BYTES', '1000'],
    ['RETELL_BODY_LIMIT_BYTES', '4 MB'],
    ['REDIS_KEY_PREFIX', 'prod:eu'],
    ['REDIS_KEY_PREFIX', 'a b'],
    ['REDIS_COMMAND_TIMEOUT_MS', '0'],
    ['SYNC_QUEUE_PREFIX', 'bull'],
    ['CALCOM_BASE_URL', 'http://169.254.169.254/latest/meta-data/#'],
    ['CALCOM_BASE_URL', 'http://127.0.0.1:6379'],
    ['CALCOM_BASE_URL', 'https://[::1]:6379'],
    ['CALCOM_BASE_URL', 'https://user:secret@api.cal.com'],
    ['CALCOM_BASE_URL', 'https://api.cal.com/?x=1'],
    ['CALCOM_ALLOWED_HOSTS', '127.0.0.1'],
    ['CALCOM_ALLOWED_HOSTS', 'http://127.0.0.1:4010'],
    ['CALCOM_ALLOWED_HOSTS', '127.0.0.1:70000'],
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
