import { Module } from '@nestjs/common';
import { SALON_WRITER } from '../../../application/ports/salon-writer.port';
import { ImportSalonUseCase } from '../../../application/salon-file/import-salon.use-case';
import { DemoSalonSeeder } from '../local/demo-salon.seeder';
import { TypeOrmSalonWriter } from './salon.writer';

/** Repository adapters behind the application's ports. */
@Module({
  providers: [
    { provide: SALON_WRITER, useClass: TypeOrmSalonWriter },
    ImportSalonUseCase,
    DemoSalonSeeder,
  ],
  exports: [SALON_WRITER, ImportSalonUseCase],
})
export class PersistenceModule {}
