import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../domain/shared/result';
import { ImportedSalon, SALON_WRITER, SalonWriter } from '../ports/salon-writer.port';
import { SalonFileProblem } from './salon-file';
import { validateSalonFile } from './salon-file.validator';

/** Validates a salon file completely before a single row is written. */
@Injectable()
export class ImportSalonUseCase {
  constructor(@Inject(SALON_WRITER) private readonly writer: SalonWriter) {}

  async execute(raw: unknown): Promise<Result<ImportedSalon, SalonFileProblem[]>> {
    const checked = validateSalonFile(raw);
    if (!checked.ok) return checked;
    const file = checked.value;
    const problems: SalonFileProblem[] = [];
    if (await this.writer.companyExists(file.company.slug)) {
      problems.push({
        field: 'company.slug',
        problem: `a company "${file.company.slug}" exists already`,
      });
    }
    const numbers = file.branches.flatMap((b) => b.phoneNumbers ?? []);
    for (const taken of await this.writer.phoneNumbersInUse(numbers)) {
      problems.push({
        field: 'branches.phoneNumbers',
        problem: `${taken} answers for another branch already`,
      });
    }
    if (problems.length > 0) return err(problems);
    return ok(await this.writer.write(file));
  }
}
