import { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { sign } from 'retell-sdk';
import request from 'supertest';
import { bootstrap, loadConfig } from '../../src/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';

/** The whole service as bootstrap() builds it, on a fresh database with the demo salon. */
export interface BootedService {
  db: TestDatabase;
  app: INestApplication;
  close(): Promise<void>;
}

export async function bootService(
  env: Record<string, string>,
  options: { logDestination?: DestinationStream } = {},
): Promise<BootedService> {
  const db = await createTestDatabase();
  const app = await bootstrap(
    loadConfig({
      DATABASE_URL: db.url,
      SEED_DEMO_SALON: 'true',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    }),
    options,
  );
  await app.init();
  return {
    db,
    app,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** A POST whose body is signed with `key` the way Retell signs (retell-sdk's own sign()). */
export async function signedPost(app: INestApplication, path: string, body: unknown, key: string) {
  const text = JSON.stringify(body);
  return request(app.getHttpServer())
    .post(path)
    .set('content-type', 'application/json')
    .set('x-retell-signature', await sign(text, key))
    .send(text);
}
