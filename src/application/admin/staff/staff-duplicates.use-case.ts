import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { Conflict, InvalidInput, NotFound } from '../admin-errors';
import { ADMIN_UNIT_OF_WORK, AdminUnitOfWork } from '../ports/admin-unit-of-work.port';
import { MergeMoves, STAFF_MERGE, StaffMerge } from '../ports/staff-merge.port';
import { DuplicateGroup, findDuplicateStaff } from './duplicate-staff';

export interface MergeOutcome {
  readonly keptId: string;
  readonly mergedId: string;
  readonly moved: MergeMoves;
}

/** Two records of one stylist split their bookings; this finds them and folds them together. */
@Injectable()
export class StaffDuplicatesUseCase {
  constructor(
    @Inject(ADMIN_UNIT_OF_WORK) private readonly uow: AdminUnitOfWork,
    @Inject(STAFF_MERGE) private readonly staff: StaffMerge,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async duplicates(scope: CompanyScope): Promise<DuplicateGroup[]> {
    return findDuplicateStaff(await this.staff.identities(scope.companyId));
  }

  /** One transaction: everything of `mergeId` moves to `keepId`, or nothing does. */
  async merge(
    scope: CompanyScope,
    keepId: string,
    mergeId: string,
  ): Promise<Result<MergeOutcome, DomainError>> {
    if (keepId === mergeId) {
      return err(new InvalidInput('STAFF.MERGE_SAME', 'A stylist cannot be merged into itself.'));
    }
    return this.uow.run(async (tx) => {
      const people = await tx.merge.identities(scope.companyId);
      const keep = people.find((p) => p.id === keepId);
      const merge = people.find((p) => p.id === mergeId);
      if (!keep || !merge) return err(new NotFound('STAFF'));
      const result = await tx.merge.merge(scope.companyId, keepId, mergeId);
      if (!result.ok) {
        return err(
          new Conflict(
            'STAFF.MERGE_OVERLAP',
            'Merging would put overlapping appointments on one stylist.',
            { collisions: result.collisions },
          ),
        );
      }
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'staff.merged',
        entity: 'staff',
        entityId: keepId,
        details: { mergedId: mergeId, moved: result.moved },
        at: this.clock.now(),
      });
      return ok({ keptId: keepId, mergedId: mergeId, moved: result.moved });
    });
  }
}
