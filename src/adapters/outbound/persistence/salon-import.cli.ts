import 'reflect-metadata';
import { ImportSalonUseCase } from '../../../application/salon-file/import-salon.use-case';
import { readSalonFile } from '../local/salon-file.reader';
import { createDataSource } from './data-source.factory';
import { TypeOrmSalonWriter } from './typeorm-salon.writer';

/** `npm run salon:import -- FILE`: validates the whole file, then writes it in one transaction. */
async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: npm run salon:import -- path/to/salon.json');
    return 2;
  }
  const raw = await readSalonFile(path);
  const dataSource = createDataSource({
    url: process.env.DATABASE_URL || undefined,
    embeddedDataDir: process.env.EMBEDDED_DATA_DIR,
    migrationsRun: true,
  });
  await dataSource.initialize();
  try {
    const result = await new ImportSalonUseCase(new TypeOrmSalonWriter(dataSource)).execute(raw);
    if (!result.ok) {
      console.error(`salon file refused, nothing imported:`);
      for (const p of result.error) console.error(`  ${p.field}: ${p.problem}`);
      return 1;
    }
    const v = result.value;
    console.warn(
      `imported company ${v.companyId}: ${Object.keys(v.branchIds).length} branches, ` +
        `${Object.keys(v.serviceIds).length} services, ${Object.keys(v.staffIds).length} stylists`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('import failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
