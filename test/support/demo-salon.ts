import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TypeOrmSalonCatalog } from '../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { TypeOrmSalonWriter } from '../../src/adapters/outbound/persistence/typeorm-salon.writer';
import { BranchContext } from '../../src/application/ports/salon-catalog.port';
import { ImportSalonUseCase } from '../../src/application/salon-file/import-salon.use-case';

/** The number the demo salon's branch answers. */
export const DEMO_SALON_NUMBER = '+4930901820';

/** Imports fixtures/demo-salon.json into a migrated database and loads its branch. */
export async function importDemoSalon(dataSource: DataSource): Promise<BranchContext> {
  const file = JSON.parse(readFileSync(join(__dirname, '../../fixtures/demo-salon.json'), 'utf8'));
  const imported = await new ImportSalonUseCase(new TypeOrmSalonWriter(dataSource)).execute(file);
  if (!imported.ok) throw new Error('demo salon did not import');
  const catalog = new TypeOrmSalonCatalog(dataSource);
  const branchId = await catalog.branchIdForAnsweredNumber(DEMO_SALON_NUMBER);
  const salon = branchId ? await catalog.branchContext(branchId) : null;
  if (!salon) throw new Error('demo salon branch not found');
  return salon;
}
