import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bootstrap, loadConfig } from '../../src/bootstrap';
import { eventually } from '../support/eventually';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const PROBES = 5;

/**
 * Postgres gone: the service is booted against a TCP proxy of this test's own, which the test
 * then closes (the machine's Postgres keeps running). Readiness answers 503 naming the
 * database on every probe, and the log says so once, not once per probe; when the proxy opens
 * again readiness is back, logged once too.
 */
describe('readiness with the database away', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let app: INestApplication;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    app = await bootstrap(
      loadConfig({
        DATABASE_URL: proxied.toString(),
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'info',
        FIXED_NOW: '2026-11-26T14:00:00Z',
      }),
      { logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    );
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await proxy?.open().catch(() => undefined);
    await app?.close();
    await proxy?.close();
    await db?.drop();
  }, 30_000);

  const ready = () => request(app.getHttpServer()).get('/health/ready').timeout(15_000);
  const readinessLines = () => lines.filter((l) => l.context === 'Readiness');

  it('answers 503 naming the database, logged once per change of state', async () => {
    expect((await ready()).status).toBe(200);

    await proxy.close();
    for (let i = 0; i < PROBES; i++) {
      const res = await ready();
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        code: 'HEALTH.NOT_READY',
        down: ['database'],
        details: { database: { status: 'down' }, redis: { status: 'up' } },
      });
      // Open to anyone: no driver message with addresses or ports.
      expect(res.body.details.database).toEqual({ status: 'down' });
      expect(res.body.message).toContain('database');
    }

    await proxy.open();
    await eventually(async () => (await ready()).status === 200, 'readiness back');
    for (let i = 0; i < PROBES; i++) expect((await ready()).status).toBe(200);

    expect(readinessLines().map((l) => l.level)).toEqual(['error', 'info']);
    expect(readinessLines()[0].msg).toMatch(/^not ready, down: database( \(.+\))?$/);
    expect(readinessLines()[1].msg).toBe('ready again');
    const unexpected = lines.filter(
      (l) => l.context === 'HttpExceptionFilter' || String(l.msg).includes('unexpected error'),
    );
    expect(unexpected).toEqual([]);
  }, 60_000);
});
