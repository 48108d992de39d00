import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { SYNC_KICKER, SyncKicker } from '../../ports/sync-queue.port';
import { CompanyScope } from '../admin-actor';
import { Conflict, InvalidInput, NotFound } from '../admin.errors';
import { UNIT_OF_WORK, TransactionPorts, UnitOfWork } from '../../ports/unit-of-work.port';
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
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(STAFF_MERGE) private readonly staff: StaffMerge,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {}

  async duplicates(scope: CompanyScope): Promise<DuplicateGroup[]> {
    return findDuplicateStaff(await this.staff.identities(scope.companyId));
  }

  /**
   * One transaction: everything of `mergeId` moves to `keepId`, or nothing does. The moved
   * appointments still to come get a calendar sync entry in the same transaction, so their
   * bookings leave the merged stylist's calendar for the kept one's.
   */
  async merge(
    scope: CompanyScope,
    keepId: string,
    mergeId: string,
  ): Promise<Result<MergeOutcome, DomainError>> {
    if (keepId === mergeId) {
      return err(new InvalidInput('STAFF.MERGE_SAME', 'A stylist cannot be merged into itself.'));
    }
    let outcome: Result<MergeOutcome, DomainError>;
    try {
      outcome = await this.fold(scope, keepId, mergeId);
    } catch (error) {
      if (error instanceof Rollback) return err(error.refusal);
      throw error;
    }
    if (outcome.ok) this.kicker.kick();
    return outcome;
  }

  private fold(
    scope: CompanyScope,
    keepId: string,
    mergeId: string,
  ): Promise<Result<MergeOutcome, DomainError>> {
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
      const resynced = await this.resync(tx, scope, result.movedAppointmentIds);
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'staff.merged',
        entity: 'staff',
        entityId: keepId,
        details: { mergedId: mergeId, moved: result.moved, calendarResyncs: resynced },
        at: this.clock.now(),
      });
      return ok({ keptId: keepId, mergedId: mergeId, moved: result.moved });
    });
  }

  /**
   * Scheduled future appointments get new phase ids (a 'reschedule' to the same times): the
   * sync converges on the appointment as it is, so it cancels the bookings of the old phase ids,
   * made under the merged stylist's mapping, and books the new ones under the kept stylist's.
   * Past, cancelled and calendar-made appointments are left alone.
   */
  private async resync(
    tx: TransactionPorts,
    scope: CompanyScope,
    ids: readonly string[],
  ): Promise<number> {
    const now = this.clock.now();
    let count = 0;
    for (const id of ids) {
      const a = await tx.appointments.findById(scope, id);
      if (!a || a.status !== 'scheduled' || a.source === 'calendar' || a.start <= now) continue;
      const moved = a.afterStaffMove();
      if (!moved.ok) throw new Rollback(moved.error);
      const saved = await tx.appointments.save(scope, moved.value, now);
      if (!saved.ok) throw new Rollback(saved.error);
      // The save raised the version, so this entry is distinct from earlier ones.
      await tx.outbox.record(scope, id, 'reschedule');
      count++;
    }
    return count;
  }
}

/** Undoes the whole merge transaction and answers the refusal instead. */
class Rollback extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.code);
  }
}
