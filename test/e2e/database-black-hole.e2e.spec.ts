import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { sign } from 'retell-sdk';
import request from 'supertest';
import { bootstrap, loadConfig } from '../../src/bootstrap';
import { BlackHoleProxy, startBlackHoleProxy } from '../support/black-hole-proxy';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const RETELL_KEY = 'key_e2e_black_hole_0123456789';
const BOOTSTRAP_KEY = 'bootstrap-key-for-black-hole-0123456789';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';

const CONNECT_TIMEOUT_MS = 1000;
const STATEMENT_TIMEOUT_MS = 1000;
const QUERY_TIMEOUT_MS = 1500;
/** Generous: two waits of each kind in a row, and two seconds for everything else. */
const ANSWER_BOUND_MS = 2 * (CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS) + 2000;

/**
 * The network to Postgres drops every packet (a proxy of the test's own stops forwarding and
 * reading, and closes nothing): requests give up within the configured timeouts and say so,
 * and once packets flow again the same process answers as before, without a restart.
 */
describe('Postgres behind a network that drops packets (booted service)', () => {
  let db: TestDatabase;
  let proxy: BlackHoleProxy;
  let app: INestApplication;
  let companyId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const server = new URL(db.url);
    proxy = await startBlackHoleProxy({ host: server.hostname, port: Number(server.port || 5432) });
    app = await bootstrap(
      loadConfig({
        DATABASE_URL: proxy.via(db.url),
        DATABASE_POOL_SIZE: '4',
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
        SEED_DEMO_SALON: 'true',
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'silent',
        FIXED_NOW: NOW,
        RETELL_API_KEY: RETELL_KEY,
        ADMIN_BOOTSTRAP_KEY: BOOTSTRAP_KEY,
        SYNC_WORKER_IN_PROCESS: 'false',
      }),
    );
    await app.init();
    [{ id: companyId }] = await db.dataSource.query(`SELECT id FROM companies`);
  }, 60_000);

  afterAll(async () => {
    proxy?.forward();
    await app?.close();
    await proxy?.close();
    await db?.drop();
  });

  /** Gives up itself after the bound, so a request that hangs fails the test instead of it. */
  const timed = async <T>(send: () => Promise<T>): Promise<{ answer: T; ms: number }> => {
    const started = performance.now();
    const answer = await send();
    return { answer, ms: performance.now() - started };
  };

  const adminGet = () =>
    request(app.getHttpServer())
      .get(`/api/admin/companies/${companyId}/branches`)
      .set('x-api-key', BOOTSTRAP_KEY)
      .timeout(ANSWER_BOUND_MS);

  const functionCall = async () => {
    const body = JSON.stringify({
      name: 'check_availability',
      args: { dienstleistung: 'Herrenhaarschnitt', datum: 'Freitag', uhrzeit: '10 Uhr' },
      call: {
        call_id: `call_${randomBytes(16).toString('hex')}`,
        from_number: '+4915112345678',
        to_number: SALON,
        call_status: 'ongoing',
      },
    });
    const signature = await sign(body, RETELL_KEY);
    return request(app.getHttpServer())
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', signature)
      .timeout(ANSWER_BOUND_MS)
      .send(body);
  };

  it('answers 503 and a spoken "temporarily unavailable" in bounded time, then recovers', async () => {
    // Connections in the pool, busy before: the black hole catches them open.
    expect((await adminGet()).status).toBe(200);
    expect((await functionCall()).body.code).not.toMatch(/^(INTERNAL|SERVICE)\./);

    proxy.blackHole();

    const admin = await timed(adminGet);
    expect(admin.answer.status).toBe(503);
    expect(admin.answer.body).toMatchObject({ code: 'DATABASE.UNAVAILABLE' });
    expect(admin.ms).toBeLessThan(ANSWER_BOUND_MS);

    const phone = await timed(functionCall);
    expect(phone.answer.status).toBe(200);
    expect(phone.answer.body).toMatchObject({
      success: false,
      code: 'SERVICE.TEMPORARILY_UNAVAILABLE',
    });
    expect(phone.answer.body.message.length).toBeLessThanOrEqual(200);
    expect(phone.ms).toBeLessThan(ANSWER_BOUND_MS);

    // Several at once: the pool's connections are all caught and new ones cannot open.
    const burst = await Promise.all([1, 2, 3, 4, 5, 6].map(() => timed(adminGet)));
    for (const one of burst) {
      expect(one.answer.status).toBe(503);
      expect(one.ms).toBeLessThan(ANSWER_BOUND_MS);
    }

    proxy.forward();

    const again = await adminGet();
    expect(again.status).toBe(200);
    expect(again.body.items.length).toBeGreaterThan(0);
    const spoken = await functionCall();
    expect(spoken.status).toBe(200);
    expect(spoken.body.code).not.toMatch(/^(INTERNAL|SERVICE)\./);
  }, 60_000);
});
