import 'reflect-metadata';
import { createDataSource } from './data-source.factory';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL (or the embedded store). */
async function main(): Promise<void> {
  const dataSource = createDataSource({
    url: process.env.DATABASE_URL || undefined,
    embeddedDataDir: process.env.EMBEDDED_DATA_DIR,
  });
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.warn(
    `migrations applied: ${applied.length} (${applied.map((m) => m.name).join(', ') || 'none pending'})`,
  );
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error('migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
