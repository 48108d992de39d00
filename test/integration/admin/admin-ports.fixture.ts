import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ImportedSalon } from '../../../src/application/ports/salon-writer.port';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { TypeOrmSalonWriter } from '../../../src/adapters/outbound/persistence/typeorm-salon.writer';

/** The demo salon imported straight through the writer, answering its ids. */
export async function importDemoSalon(ds: DataSource): Promise<ImportedSalon> {
  const file = JSON.parse(
    readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
  );
  const imported = await new ImportSalonUseCase(new TypeOrmSalonWriter(ds)).execute(file);
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  return imported.value;
}

export async function addCustomer(ds: DataSource, companyId: string): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO customers(company_id, name, phone_e164) VALUES ($1, 'Petra', '+4915112345678') RETURNING id`,
    [companyId],
  );
  return id;
}
