import { INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from 'retell-sdk';
import { symmetric } from 'retell-sdk/lib/webhook_auth';
import request from 'supertest';
import {
  RATE_LIMIT_TIME,
  RateLimitTime,
} from '../../../src/adapters/inbound/retell/rate-limit-time';
import { RetellModule } from '../../../src/adapters/inbound/retell/retell.module';
import { FixedClock } from '../../../src/adapters/outbound/clock/fixed.clock';
import { dataSourceOptions } from '../../../src/adapters/outbound/persistence/data-source.factory';
import { TypeOrmSalonWriter } from '../../../src/adapters/outbound/persistence/typeorm-salon.writer';
import {
  FAIL_FAST_REDIS,
  REDIS_CONNECTION,
} from '../../../src/adapters/outbound/queue/redis.connection';
import { CallContext } from '../../../src/application/booking/call-context';
import {
  answer,
  FunctionAnswer,
} from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../../src/application/booking/phone-functions';
import {
  PHONE_FUNCTIONS,
  PhoneFunctions,
} from '../../../src/adapters/inbound/retell/phone-functions.dispatcher';
import { CLOCK } from '../../../src/application/ports/clock.port';
import { NO_PHONE_METRICS, PHONE_METRICS } from '../../../src/application/ports/phone-metrics.port';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { BookingModule } from '../../../src/booking.module';
import { configureHttpEdge } from '../../../src/common/http-edge';
import { AppConfig } from '../../../src/config/app-config';
import { validateEnvironment } from '../../../src/config/environment';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

export const RETELL_KEY = 'key_retell_test_0123456789abcdef';
export const ADMIN_KEY = 'admin-bootstrap-key-0123456789abcdef';
/** Thursday 2026-11-26, 15:00 in Berlin. */
export const FIXED_NOW = '2026-11-26T14:00:00.000Z';
export const SALON_LINE = '+4930901820';
export const SALON_AGENT = 'agent_haarmonie_demo';
export const REAL_CALL_ID = 'call_119c3f8e47135a29e65947eeb34cf12d';

/** Records what the edge handed over and answers what the test asks for. */
export class FakePhoneFunctions implements PhoneFunctions {
  readonly received: Array<{ name: PhoneFunctionName; ctx: CallContext; args: PhoneFunctionArgs }> =
    [];
  behaviour: (name: PhoneFunctionName) => Promise<FunctionAnswer> = async (name) =>
    answer('OK', `${name} erledigt.`, { done: name });

  async run(
    name: PhoneFunctionName,
    ctx: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    this.received.push({ name, ctx, args });
    return this.behaviour(name);
  }

  get last() {
    return this.received[this.received.length - 1];
  }

  reset(): void {
    this.received.length = 0;
    this.behaviour = async (name) => answer('OK', `${name} erledigt.`, { done: name });
  }
}

export interface RetellTestApp {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly phone: FakePhoneFunctions;
  readonly companyId: string;
  readonly branchId: string;
  /** POSTs a JSON body signed with Retell's own sign(); `raw` sends the text as is. */
  post(path: string, body: unknown, options?: PostOptions): Promise<request.Response>;
  close(): Promise<void>;
}

export interface PostOptions {
  readonly key?: string;
  /** Signs with this timestamp (ms) instead of now, through Retell's symmetric.sign. */
  readonly signedAt?: number;
  readonly signature?: string | null;
  readonly raw?: boolean;
  readonly headers?: Record<string, string>;
}

export async function createRetellTestApp(
  env: Record<string, string> = {},
  options: { redis?: Redis; rateLimitTime?: RateLimitTime } = {},
): Promise<RetellTestApp> {
  const db = await createTestDatabase();
  const file = JSON.parse(
    readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
  );
  const imported = await new ImportSalonUseCase(new TypeOrmSalonWriter(db.dataSource)).execute(
    file,
  );
  if (!imported.ok) throw new Error('demo salon did not import');
  const companyId = imported.value.companyId;
  const branchId = Object.values(imported.value.branchIds)[0];

  const config = new AppConfig(
    validateEnvironment({
      DATABASE_URL: db.url,
      SEED_DEMO_SALON: 'false',
      LOG_LEVEL: 'silent',
      RETELL_API_KEY: RETELL_KEY,
      ADMIN_BOOTSTRAP_KEY: ADMIN_KEY,
      FIXED_NOW,
      ...env,
    }),
  );
  const phone = new FakePhoneFunctions();

  @Module({
    providers: [{ provide: PHONE_FUNCTIONS, useValue: phone }],
    exports: [PHONE_FUNCTIONS],
  })
  class FakeBookingModule {}

  // The one connection stands for both of the service's (its rate limits use the fail-fast one);
  // without it both are null, as the in-process queue module binds them.
  const redisTokens = [REDIS_CONNECTION, FAIL_FAST_REDIS];
  const globals = {
    module: class TestGlobalsModule {},
    global: true,
    providers: [
      { provide: AppConfig, useValue: config },
      { provide: CLOCK, useValue: new FixedClock(new Date(FIXED_NOW)) },
      { provide: PHONE_METRICS, useValue: NO_PHONE_METRICS },
      ...redisTokens.map((token) => ({ provide: token, useValue: options.redis ?? null })),
    ],
    exports: [AppConfig, CLOCK, PHONE_METRICS, ...redisTokens],
  };

  const builder = Test.createTestingModule({
    imports: [TypeOrmModule.forRoot(dataSourceOptions({ url: db.url })), globals, RetellModule],
  })
    .overrideModule(BookingModule)
    .useModule(FakeBookingModule);
  if (options.rateLimitTime) {
    builder.overrideProvider(RATE_LIMIT_TIME).useValue(options.rateLimitTime);
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ rawBody: true, logger: false });
  configureHttpEdge(app);
  await app.init();

  const post = async (path: string, body: unknown, o: PostOptions = {}) => {
    const text = o.raw ? String(body) : JSON.stringify(body);
    const key = o.key ?? RETELL_KEY;
    const signature =
      o.signature !== undefined
        ? o.signature
        : o.signedAt !== undefined
          ? await symmetric.sign(text, key, o.signedAt)
          : await sign(text, key);
    const req = request(app.getHttpServer())
      .post(path)
      .set('content-type', 'application/json')
      .set(o.headers ?? {});
    if (signature !== null) req.set('x-retell-signature', signature);
    return req.send(text);
  };

  return {
    app,
    db,
    phone,
    companyId,
    branchId,
    post,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Retell's default function-call body for the demo salon's line. */
export function functionCall(
  name: string,
  args: Record<string, unknown> = {},
  call: Record<string, unknown> = {},
) {
  return {
    name,
    args,
    call: {
      call_id: REAL_CALL_ID,
      call_type: 'phone_call',
      direction: 'inbound',
      from_number: '+4915112345678',
      to_number: SALON_LINE,
      agent_id: SALON_AGENT,
      agent_version: 3,
      call_status: 'ongoing',
      start_timestamp: Date.parse(FIXED_NOW),
      ...call,
    },
  };
}
