import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/adapters/outbound/persistence/data-source.factory';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/** Templates are named after their migrations; this prefix finds every one of them. */
const TEMPLATE_PREFIX = 'tmpl_migrated_';
/** Where a template is migrated before it is renamed into place: a leftover is a crashed build. */
const BUILDING_PREFIX = 'tmpl_building_';
/** One cluster-wide lock for building templates: every worker and every checkout takes turns. */
const TEMPLATE_LOCK = 7_310_945_221;
/**
 * Another checkout (a branch with other migrations) may still copy its own template; one left
 * alone this long is no one's any more. A dropped one is rebuilt by whoever needs it again.
 */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
const UNDEFINED_DATABASE = '3D000';

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Changes whenever a file in migrations/ is added, renamed or edited. */
export function migrationsHash(dir = MIGRATIONS_DIR): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile());
  for (const file of files.map((f) => f.name).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dir, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function databaseExists(client: Client, name: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rowCount === 1;
}

/**
 * Builds the template under the lock: migrated under a temporary name, closed to connections
 * (a copy needs a template nobody is connected to), then renamed, so the name only ever shows
 * a finished template. Drops crashed builds and templates of migrations long gone.
 */
async function buildTemplate(client: Client, template: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    if (await databaseExists(client, template)) return;
    const { rows } = await client.query<{ datname: string; built: string | null }>(
      `SELECT datname, shobj_description(oid, 'pg_database') AS built FROM pg_database
        WHERE datname LIKE $1 OR datname LIKE $2`,
      [`${BUILDING_PREFIX}%`, `${TEMPLATE_PREFIX}%`],
    );
    for (const { datname, built } of rows) {
      const crashedBuild = datname.startsWith(BUILDING_PREFIX);
      const builtAt = Date.parse(built ?? '');
      // Either way: a run under a shifted clock (.ci/clock-sweep) may have written the date.
      const stale = Number.isNaN(builtAt) || Math.abs(Date.now() - builtAt) > STALE_AFTER_MS;
      if (!crashedBuild && !stale) continue;
      // Without FORCE: a copy under way holds the template and makes this fail; it waits.
      await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
    }

    const building = `${BUILDING_PREFIX}${randomBytes(4).toString('hex')}`;
    await client.query(`CREATE DATABASE ${building}`);
    const dataSource = createDataSource({ url: urlFor(building) });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    await client.query(`ALTER DATABASE ${building} ALLOW_CONNECTIONS false`);
    await client.query(`COMMENT ON DATABASE ${building} IS '${new Date().toISOString()}'`);
    await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** The template for the migrations in `dir`. */
export function templateName(dir = MIGRATIONS_DIR): string {
  return `${TEMPLATE_PREFIX}${migrationsHash(dir)}`;
}

/** A copy of the migrated template; the template is built first if these migrations have none. */
async function copyOfTemplate(name: string, template: string): Promise<void> {
  await admin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      if (!(await databaseExists(client, template))) await buildTemplate(client, template);
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (error) {
        // Dropped as stale by another checkout in between: build it again.
        const gone = (error as { code?: string }).code === UNDEFINED_DATABASE;
        if (!gone || attempt === 3) throw error;
      }
    }
  });
}

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file on the machine's real Postgres: a copy of a
 * template migrated once per set of migrations (`migrationsDir` only picks the template).
 */
export async function createTestDatabase(
  options: { migrationsDir?: string } = {},
): Promise<TestDatabase> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await copyOfTemplate(name, templateName(options.migrationsDir));
  const url = urlFor(name);
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  // Nothing is pending on a copy; this stays as the check that the template matches the list.
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
