import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  createDataSource,
  databaseSettingsFrom,
} from '../../../src/adapters/outbound/persistence/data-source.factory';
import { validateEnvironment } from '../../../src/config/environment';
import { startBlackHoleProxy } from '../../support/black-hole-proxy';
import { eventually } from '../../support/eventually';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** Connections kept warm: a reopened one is a cold backend that plans every statement again. */
describe('Postgres connection pool (real Postgres)', () => {
  let db: TestDatabase;
  const opened: DataSource[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const ds of opened) if (ds.isInitialized) await ds.destroy();
    await db.drop();
  });

  async function poolWithThreeConnections(poolIdleMs?: number): Promise<Pool> {
    const ds = createDataSource({ url: db.url, poolSize: 5, poolIdleMs });
    opened.push(ds);
    await ds.initialize();
    // Three statements at once need three connections.
    await Promise.all([1, 2, 3].map(() => ds.query('SELECT pg_sleep(0.05)')));
    const pool = (ds.driver as PostgresDriver).master as Pool;
    expect(pool.totalCount).toBe(3);
    return pool;
  }

  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('hands the configured idle time and TCP keep-alive to the pool, and keeps connections open meanwhile', async () => {
    const pool = await poolWithThreeConnections(60_000);
    const options = (pool as unknown as { options: Record<string, unknown> }).options;
    expect(options).toMatchObject({ idleTimeoutMillis: 60_000, keepAlive: true });
    await settle(500);
    expect(pool.totalCount).toBe(3);
    expect(pool.idleCount).toBe(3);
  });

  it('takes the pool size and idle time from the environment, and 2 minutes when unset', async () => {
    const settings = (raw: Record<string, string>) =>
      databaseSettingsFrom(validateEnvironment({ DATABASE_URL: db.url, ...raw }));
    expect(settings({})).toMatchObject({ url: db.url, poolIdleMs: 120_000 });
    const ds = createDataSource(
      settings({
        DATABASE_POOL_IDLE_MS: '45000',
        DATABASE_POOL_SIZE: '4',
        MIGRATE_ON_START: 'false',
      }),
    );
    opened.push(ds);
    await ds.initialize();
    const pool = (ds.driver as PostgresDriver).master as Pool;
    const options = (pool as unknown as { options: Record<string, unknown> }).options;
    expect(options).toMatchObject({ idleTimeoutMillis: 45_000, max: 4 });
  });

  it('bounds every wait for Postgres as the environment says: 3 s, 5 s and 6 s when unset', async () => {
    const settings = (raw: Record<string, string>) =>
      databaseSettingsFrom(validateEnvironment({ DATABASE_URL: db.url, ...raw }));
    expect(settings({})).toMatchObject({
      connectTimeoutMs: 3000,
      statementTimeoutMs: 5000,
      queryTimeoutMs: 6000,
    });
    const ds = createDataSource(
      settings({
        DATABASE_CONNECT_TIMEOUT_MS: '1500',
        DATABASE_STATEMENT_TIMEOUT_MS: '2500',
        DATABASE_QUERY_TIMEOUT_MS: '4000',
        MIGRATE_ON_START: 'false',
      }),
    );
    opened.push(ds);
    await ds.initialize();
    const pool = (ds.driver as PostgresDriver).master as Pool;
    const options = (pool as unknown as { options: Record<string, unknown> }).options;
    expect(options).toMatchObject({ connectionTimeoutMillis: 1500, query_timeout: 4000 });
    // The server itself cancels a statement running longer: it holds the setting.
    expect(await ds.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '2500ms' }]);
    await expect(ds.query('SELECT pg_sleep(3)')).rejects.toMatchObject({
      driverError: { code: '57014' },
    });
  });

  it('drops a connection that gets no reply in time, and opens a new one once the network is back', async () => {
    const server = new URL(db.url);
    const proxy = await startBlackHoleProxy({ host: server.hostname, port: Number(server.port) });
    try {
      const ds = createDataSource({
        url: proxy.via(db.url),
        poolSize: 2,
        // Long, so that only the dropping, not the idle reaper, can empty the pool.
        poolIdleMs: 60_000,
        connectTimeoutMs: 500,
        statementTimeoutMs: 500,
        queryTimeoutMs: 800,
      });
      opened.push(ds);
      await ds.initialize();
      await ds.query('SELECT 1');
      const pool = (ds.driver as PostgresDriver).master as Pool;
      expect(pool.totalCount).toBe(1);

      proxy.blackHole();
      await expect(ds.query('SELECT 1')).rejects.toMatchObject({
        driverError: { message: 'Query read timeout' },
      });
      // Not lent out again with the unanswered query in front of the next one.
      await eventually(() => pool.totalCount === 0, 'the silent connection to be dropped', 5000);
      await expect(ds.query('SELECT 1')).rejects.toThrow(
        'Connection terminated due to connection timeout',
      );

      proxy.forward();
      expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await ds.destroy();
    } finally {
      proxy.forward();
      await proxy.close();
    }
  });

  it('closes them once they have been idle longer than that', async () => {
    // Long enough that the first of the three is not closed before the last has connected.
    const pool = await poolWithThreeConnections(1000);
    for (let i = 0; i < 100 && pool.totalCount > 0; i++) await settle(100);
    expect(pool.totalCount).toBe(0);
  });
});
