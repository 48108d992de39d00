import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TypeOrmSalonWriter } from '../../../src/adapters/outbound/persistence/typeorm-salon.writer';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { TestDatabase } from '../../support/test-database';

/** A salon of its own: its company and the line its calls dial. */
export interface SalonCopy {
  readonly companyId: string;
  readonly line: string;
}

/**
 * `count` more salons, each a company of its own set up like the demo salon, with a line and
 * an agent of its own (Hamburg numbers, apart from the demo salon's Berlin line).
 */
export async function importSalonCopies(db: TestDatabase, count: number): Promise<SalonCopy[]> {
  const demo = JSON.parse(
    readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
  ) as { company: object; branches: Array<Record<string, unknown>> };
  const importer = new ImportSalonUseCase(new TypeOrmSalonWriter(db.dataSource));
  const salons: SalonCopy[] = [];
  for (let n = 1; n <= count; n++) {
    const line = `+49405550${String(100 + n)}`;
    const imported = await importer.execute({
      ...demo,
      company: { name: `Salon Kopie ${n}`, slug: `kopie-${n}` },
      branches: demo.branches.map((branch) => ({
        ...branch,
        phoneNumbers: [line],
        retellAgentId: `agent_kopie_${n}`,
      })),
    });
    if (!imported.ok) throw new Error(`salon copy ${n} did not import`);
    salons.push({ companyId: imported.value.companyId, line });
  }
  return salons;
}
