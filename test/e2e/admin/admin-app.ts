import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { bootstrap, loadConfig } from '../../../src/bootstrap';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

// Thursday 26 Nov 2026, 15:00 in Berlin.
export const FIXED_NOW = '2026-11-26T14:00:00.000Z';
export const BOOTSTRAP_KEY = 'bootstrap-key-for-admin-e2e-0123456789';
export const ENCRYPTION_KEY = 'a1'.repeat(32);

export interface AdminTestApp {
  app: INestApplication;
  db: TestDatabase;
  ds: DataSource;
  http: TestAgent;
  close(): Promise<void>;
}

/** The whole service as `bootstrap()` builds it, on a fresh database, with FIXED_NOW. */
export async function startAdminApp(
  env: Record<string, string> = {},
  logDestination?: DestinationStream,
): Promise<AdminTestApp> {
  const db = await createTestDatabase();
  const app = await bootstrap(
    loadConfig({
      DATABASE_URL: db.url,
      SEED_DEMO_SALON: 'false',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'silent',
      FIXED_NOW,
      ADMIN_BOOTSTRAP_KEY: BOOTSTRAP_KEY,
      ENCRYPTION_KEY,
      SYNC_WORKER_IN_PROCESS: 'false',
      // The route tables send hundreds of requests and bad keys from one address in seconds.
      ADMIN_RATE_LIMIT_PER_KEY: '100000',
      ADMIN_RATE_LIMIT_FAILED_AUTH_PER_CLIENT: '100000',
      ...env,
    }),
    { logDestination },
  );
  await app.init();
  return {
    app,
    db,
    ds: app.get(DataSource),
    http: request(app.getHttpServer()),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export function demoSalonFile(slug = 'haarmonie', phone = '+4930901820'): Record<string, unknown> {
  const file = JSON.parse(
    readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
  ) as { company: { slug: string }; branches: Array<{ phoneNumbers: string[] }> };
  file.company.slug = slug;
  file.branches[0].phoneNumbers = [phone];
  return file as unknown as Record<string, unknown>;
}

/** Imports the demo salon as a new company and gives it a key. */
export async function seedCompany(
  t: AdminTestApp,
  slug: string,
  phone: string,
): Promise<{ companyId: string; key: string; keyId: string }> {
  const imported = await t.http
    .post('/api/admin/salon-files')
    .set('x-api-key', BOOTSTRAP_KEY)
    .send(demoSalonFile(slug, phone))
    .expect(201);
  const companyId = imported.body.companyId as string;
  const created = await t.http
    .post(`/api/admin/companies/${companyId}/api-keys`)
    .set('x-api-key', BOOTSTRAP_KEY)
    .send({ name: 'front desk' })
    .expect(201);
  return { companyId, key: created.body.key, keyId: created.body.id };
}
