import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../domain/shared/result';
import { AuditLog } from '../ports/audit-log.port';
import { CLOCK, Clock } from '../ports/clock.port';
import { ImportedSalon, SALON_WRITER, SalonWriter } from '../ports/salon-writer.port';
import { SalonFileProblem } from './salon-file';
import { validateSalonFile } from './salon-file.validator';

/** Who imports when no admin key does: the command line and the demo seeding. */
export const SALON_FILE_ACTOR = 'salon-file';

const wallClock: Clock = { now: () => new Date() };

/** Validates a salon file completely before a single row is written. */
@Injectable()
export class ImportSalonUseCase {
  constructor(
    @Inject(SALON_WRITER) private readonly writer: SalonWriter,
    // Tests and scripts that build the use case by hand read the wall clock.
    @Inject(CLOCK) private readonly clock: Clock = wallClock,
  ) {}

  async execute(
    raw: unknown,
    actor: string = SALON_FILE_ACTOR,
  ): Promise<Result<ImportedSalon, SalonFileProblem[]>> {
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
    const at = this.clock.now();
    return ok(
      await this.writer.write(file, (imported, audit) => record(imported, audit, actor, at)),
    );
  }
}

/**
 * The same entries the routes write when the salon is built one record at a time, so the audit
 * log tells an imported salon from a hand-built one only by `details.via`.
 */
async function record(
  imported: ImportedSalon,
  audit: AuditLog,
  actor: string,
  at: Date,
): Promise<void> {
  const { companyId } = imported;
  const entry = (action: string, entity: string, entityId: string) =>
    audit.record({
      companyId,
      actor,
      action,
      entity,
      entityId,
      details: { via: 'salon_file' },
      at,
    });
  await entry('company.created', 'company', companyId);
  for (const id of Object.values(imported.branchIds)) await entry('branch.created', 'branch', id);
  for (const id of Object.values(imported.serviceIds))
    await entry('service.created', 'service', id);
  for (const id of Object.values(imported.staffIds)) await entry('staff.created', 'staff', id);
}
