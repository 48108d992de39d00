import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Extension } from '@electric-sql/pglite';
import { DataSource, DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { MIGRATIONS } from '../../../../migrations';
import { DropOnSilenceClient } from './drop-on-silence.client';
import { ORM_ENTITIES } from './entities';

// The contrib subpath publishes ESM-only typings; its CommonJS build is loaded directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as {
  btree_gist: Extension;
};

export interface DatabaseSettings {
  /** A postgres:// URL; absent selects the embedded PGlite engine. */
  url?: string;
  embeddedDataDir?: string;
  poolSize?: number;
  /** Idle time after which a pooled connection is closed (absent: pg's default, 10 s). */
  poolIdleMs?: number;
  /** Longest wait for a connection: a new one opening, or a free one from the full pool. */
  connectTimeoutMs?: number;
  /** Postgres cancels a statement that runs longer (`statement_timeout`). */
  statementTimeoutMs?: number;
  /**
   * The client stops waiting for a reply after this and drops the connection (`query_timeout`):
   * when packets are lost, the server's statement_timeout never reaches it.
   */
  queryTimeoutMs?: number;
  migrationsRun?: boolean;
}

/** The service's database settings, from its environment (validated, under the same names). */
export function databaseSettingsFrom(env: {
  DATABASE_URL?: string;
  EMBEDDED_DATA_DIR?: string;
  DATABASE_POOL_SIZE?: number;
  DATABASE_POOL_IDLE_MS?: number;
  DATABASE_CONNECT_TIMEOUT_MS?: number;
  DATABASE_STATEMENT_TIMEOUT_MS?: number;
  DATABASE_QUERY_TIMEOUT_MS?: number;
  MIGRATE_ON_START?: boolean;
}): DatabaseSettings {
  return {
    url: env.DATABASE_URL,
    embeddedDataDir: env.EMBEDDED_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    poolIdleMs: env.DATABASE_POOL_IDLE_MS,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
    migrationsRun: env.MIGRATE_ON_START,
  };
}

/**
 * One place decides the engine. Both run the same migrations, exclusion constraint included:
 * PGlite ships btree_gist as a contrib extension.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ORM_ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: settings.migrationsRun ?? false,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // Migrations own the schema; gen_random_uuid() is built into Postgres 13+ and PGlite.
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };
  if (settings.url) {
    const extra = {
      max: settings.poolSize ?? 10,
      ...(settings.poolIdleMs ? { idleTimeoutMillis: settings.poolIdleMs } : {}),
      // TCP keep-alive probes keep a quiet connection known to the network in between, and
      // show a dropped one as broken instead of leaving a query to hang on it.
      keepAlive: true,
      keepAliveInitialDelayMillis: 30_000,
      // Every wait is bounded, so a database that does not answer costs a request seconds.
      ...(settings.connectTimeoutMs ? { connectionTimeoutMillis: settings.connectTimeoutMs } : {}),
      ...(settings.statementTimeoutMs ? { statement_timeout: settings.statementTimeoutMs } : {}),
      ...(settings.queryTimeoutMs ? { query_timeout: settings.queryTimeoutMs } : {}),
      Client: DropOnSilenceClient,
    };
    return { ...common, url: settings.url, extra };
  }
  const dataDir = resolve(settings.embeddedDataDir ?? './.data/pglite');
  mkdirSync(dataDir, { recursive: true });
  const driver = new PGliteDriver({ dataDir, extensions: { btree_gist } }).driver;
  return { ...common, driver };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
