import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SALON_WRITER, SalonWriter } from '../../../application/ports/salon-writer.port';
import { ImportSalonUseCase } from '../../../application/salon-file/import-salon.use-case';
import { AppConfig } from '../../../config/app-config';
import { readSalonFile } from './salon-file.reader';

/** On the embedded default, an empty database gets the demo salon so a first call has a calendar. */
@Injectable()
export class DemoSalonSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSalonSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly importSalon: ImportSalonUseCase,
    @Inject(SALON_WRITER) private readonly writer: SalonWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedsDemoSalon) return;
    if ((await this.writer.companyCount()) > 0) return;
    const result = await this.importSalon.execute(await readSalonFile(this.config.env.SALON_FILE));
    if (!result.ok) {
      const lines = result.error.map((p) => `${p.field}: ${p.problem}`).join('; ');
      throw new Error(`demo salon file ${this.config.env.SALON_FILE} is invalid: ${lines}`);
    }
    this.logger.log(`demo salon seeded (${Object.keys(result.value.staffIds).length} stylists)`);
  }
}
