import { Inject, Injectable } from '@nestjs/common';
import { Branch } from '../../../domain/salon/branch';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { Conflict, InvalidInput, NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import { BRANCH_ADMIN, BranchAdmin, BranchData, BranchView } from '../ports/branch-admin.port';
import { viewOf, weeklyHoursOf } from './weekly-hours.convert';

/** Branches: answered numbers (unique across all tenants), zone, opening hours, closed dates. */
@Injectable()
export class BranchesUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(BRANCH_ADMIN) private readonly branches: BranchAdmin,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  create(scope: CompanyScope, data: BranchData): Promise<Result<BranchView, DomainError>> {
    return this.write(scope, undefined, data);
  }

  async update(
    scope: CompanyScope,
    id: string,
    change: Partial<BranchData>,
  ): Promise<Result<BranchView, DomainError>> {
    const current = await this.branches.find(scope.companyId, id);
    if (!current) return err(new NotFound('BRANCH'));
    const { id: _id, companyId: _c, ...data } = current;
    return this.write(scope, id, { ...data, ...change });
  }

  async find(scope: CompanyScope, id: string): Promise<Result<BranchView, NotFound>> {
    const branch = await this.branches.find(scope.companyId, id);
    return branch ? ok(branch) : err(new NotFound('BRANCH'));
  }

  list(scope: CompanyScope, page: PageRequest): Promise<Page<BranchView>> {
    return this.branches.list(scope.companyId, page);
  }

  private async write(
    scope: CompanyScope,
    id: string | undefined,
    data: BranchData,
  ): Promise<Result<BranchView, DomainError>> {
    const hours = weeklyHoursOf(data.openingHours);
    if (!hours.ok) return hours;
    const branch = Branch.create({
      id: id ?? 'new',
      name: data.name,
      timeZone: data.timeZone,
      openingHours: hours.value,
      closedDates: data.closedDates,
      slotGranularityMinutes: data.slotGranularityMinutes,
    });
    if (!branch.ok) return branch;
    const loop = await this.transferLoop(data, id);
    if (loop) return err(loop);
    const taken = await this.branches.numbersTaken(data.phoneNumbers, id);
    if (taken.length > 0) {
      return err(
        new Conflict('BRANCH.PHONE_NUMBER_TAKEN', 'A number answers for another branch already.', {
          phoneNumbers: taken,
        }),
      );
    }
    const normalised: BranchData = {
      ...data,
      name: branch.value.name,
      openingHours: viewOf(hours.value),
      closedDates: branch.value.closedDates,
    };
    return this.uow.run(async (tx) => {
      const saved = await tx.branches.save(scope.companyId, id, normalised);
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: id ? 'branch.updated' : 'branch.created',
        entity: 'branch',
        entityId: saved.id,
        at: this.clock.now(),
      });
      return ok(saved);
    });
  }

  /** A call transferred to a number the agent answers would come straight back to the agent. */
  private async transferLoop(data: BranchData, id: string | undefined) {
    const to = data.transferNumber;
    if (to === null) return null;
    const answered =
      data.phoneNumbers.includes(to) || (await this.branches.numbersTaken([to], id)).length > 0;
    return answered
      ? new InvalidInput(
          'BRANCH.TRANSFER_TO_AGENT',
          'The transfer number is a number the agent answers; give a person at the salon.',
        )
      : null;
  }
}
