import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../../migrations';
import {
  createTestDatabase,
  migrationsHash,
  templateName,
  TestDatabase,
} from '../../support/test-database';

/**
 * The test databases are copies of one template per set of migrations. A set nobody has built
 * yet is made here by a copy of migrations/ with one more file, so the machine's real template
 * (and other runs using it) stay untouched.
 */

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MIGRATIONS_DIR = join(__dirname, '..', '..', '..', 'migrations');

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databases = (pattern: string) =>
  admin(async (c) => {
    const { rows } = await c.query<{ datname: string; datallowconn: boolean }>(
      'SELECT datname, datallowconn FROM pg_database WHERE datname LIKE $1',
      [pattern],
    );
    return rows;
  });

/** A copy of migrations/ whose set differs from every other by one extra file. */
function migrationsVariant(): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'variant.txt'), randomBytes(8).toString('hex'));
  return dir;
}

describe('test databases copied from a migrated template', () => {
  const dirs: string[] = [];
  const opened: TestDatabase[] = [];
  const variant = () => {
    const dir = migrationsVariant();
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    await Promise.all(opened.map((db) => db.drop()));
    await admin(async (c) => {
      for (const dir of dirs) await c.query(`DROP DATABASE IF EXISTS ${templateName(dir)}`);
    });
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('names the template after the migrations: an edit, a new file or a rename makes another', () => {
    const dir = variant();
    const before = migrationsHash(dir);
    expect(migrationsHash(dir)).toBe(before);

    writeFileSync(join(dir, 'index.ts'), '// edited\n', { flag: 'a' });
    const edited = migrationsHash(dir);
    writeFileSync(join(dir, '1999999999999-later.ts'), 'export {};\n');
    const added = migrationsHash(dir);
    renameSync(join(dir, '1999999999999-later.ts'), join(dir, '1999999999998-later.ts'));
    const renamed = migrationsHash(dir);

    expect(new Set([before, edited, added, renamed]).size).toBe(4);
    expect(migrationsHash(MIGRATIONS_DIR)).not.toBe(before);
  });

  it('builds a missing template once for copies asked for at the same time, each fully migrated', async () => {
    const dir = variant();
    const copies = await Promise.all(
      [1, 2, 3, 4].map(() => createTestDatabase({ migrationsDir: dir })),
    );
    opened.push(...copies);

    expect(new Set(copies.map((db) => db.url)).size).toBe(4);
    for (const db of copies) {
      const [{ count }] = await db.dataSource.query(
        'SELECT count(*)::int AS count FROM migrations',
      );
      expect(count).toBe(MIGRATIONS.length);
      expect(await db.dataSource.showMigrations()).toBe(false);
    }
    // The template takes no connections, so nothing can hold it while it is copied.
    expect(await databases(templateName(dir))).toEqual([
      { datname: templateName(dir), datallowconn: false },
    ]);
  });

  it('copies do not share rows: what one file writes the next does not see', async () => {
    const dir = variant();
    const first = await createTestDatabase({ migrationsDir: dir });
    opened.push(first);
    await first.dataSource.query(`INSERT INTO companies(name, slug) VALUES ('Salon A', 'salon-a')`);
    const second = await createTestDatabase({ migrationsDir: dir });
    opened.push(second);

    expect(await second.dataSource.query('SELECT name FROM companies')).toEqual([]);
  });

  it('builds the template again when it was dropped', async () => {
    const dir = variant();
    opened.push(await createTestDatabase({ migrationsDir: dir }));
    await admin((c) => c.query(`DROP DATABASE ${templateName(dir)}`));

    const again = await createTestDatabase({ migrationsDir: dir });
    opened.push(again);
    expect(await again.dataSource.showMigrations()).toBe(false);
    expect(await databases(templateName(dir))).toHaveLength(1);
  });

  it('drops templates of old migrations and crashed builds, but keeps a recent one of another set', async () => {
    const old = `tmpl_migrated_old${randomBytes(4).toString('hex')}`;
    const recent = `tmpl_migrated_new${randomBytes(4).toString('hex')}`;
    const crashed = `tmpl_building_${randomBytes(4).toString('hex')}`;
    await admin(async (c) => {
      for (const name of [old, recent, crashed]) await c.query(`CREATE DATABASE ${name}`);
      await c.query(`COMMENT ON DATABASE ${old} IS '2000-01-01T00:00:00.000Z'`);
      await c.query(`COMMENT ON DATABASE ${recent} IS '${new Date().toISOString()}'`);
    });
    try {
      opened.push(await createTestDatabase({ migrationsDir: variant() }));

      expect(await databases(old)).toEqual([]);
      expect(await databases(crashed)).toEqual([]);
      expect(await databases(recent)).toHaveLength(1);
    } finally {
      await admin(async (c) => {
        for (const name of [old, recent, crashed]) await c.query(`DROP DATABASE IF EXISTS ${name}`);
      });
    }
  });
});
