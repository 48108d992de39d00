import { Inject, Injectable } from '@nestjs/common';
import { InvalidStaff } from '../../../domain/salon/salon.errors';
import { Staff } from '../../../domain/salon/staff';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { TimeRange } from '../../../domain/shared/time-range';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import { BRANCH_ADMIN, BranchAdmin } from '../ports/branch-admin.port';
import { SERVICE_ADMIN, ServiceAdmin } from '../ports/service-admin.port';
import { STAFF_ADMIN, StaffAdmin, StaffData, StaffView } from '../ports/staff-admin.port';
import { viewOf, weeklyHoursOf } from './weekly-hours.convert';

/** Stylists: branch, services they do, working hours, absences. */
@Injectable()
export class StaffUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(STAFF_ADMIN) private readonly staff: StaffAdmin,
    @Inject(BRANCH_ADMIN) private readonly branches: BranchAdmin,
    @Inject(SERVICE_ADMIN) private readonly services: ServiceAdmin,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  create(scope: CompanyScope, data: StaffData): Promise<Result<StaffView, DomainError>> {
    return this.write(scope, undefined, data);
  }

  async update(
    scope: CompanyScope,
    id: string,
    change: Partial<StaffData>,
  ): Promise<Result<StaffView, DomainError>> {
    const current = await this.staff.find(scope.companyId, id);
    if (!current) return err(new NotFound('STAFF'));
    const { id: _id, companyId: _c, ...data } = current;
    return this.write(scope, id, { ...data, ...change });
  }

  async find(scope: CompanyScope, id: string): Promise<Result<StaffView, NotFound>> {
    const found = await this.staff.find(scope.companyId, id);
    return found ? ok(found) : err(new NotFound('STAFF'));
  }

  list(scope: CompanyScope, page: PageRequest): Promise<Page<StaffView>> {
    return this.staff.list(scope.companyId, page);
  }

  private async write(
    scope: CompanyScope,
    id: string | undefined,
    data: StaffData,
  ): Promise<Result<StaffView, DomainError>> {
    if (!(await this.branches.find(scope.companyId, data.branchId))) {
      return err(new NotFound('BRANCH'));
    }
    const serviceIds = [...new Set(data.serviceIds)];
    const known = await this.services.existing(scope.companyId, serviceIds);
    if (known.length !== serviceIds.length) return err(new NotFound('SERVICE'));
    const hours = data.workingHours ? weeklyHoursOf(data.workingHours) : null;
    if (hours && !hours.ok) return hours;
    if (data.absences.some((a) => a.end.getTime() <= a.start.getTime())) {
      return err(new InvalidStaff('an absence must end after it starts'));
    }
    const staff = Staff.create({
      id: id ?? 'new',
      name: data.name,
      branchId: data.branchId,
      serviceIds,
      workingHours: hours?.value,
      absences: data.absences.map((a) => TimeRange.of(a.start, a.end)),
    });
    if (!staff.ok) return staff;
    const normalised: StaffData = {
      ...data,
      name: staff.value.name,
      email: data.email?.toLowerCase() ?? null,
      serviceIds,
      workingHours: hours ? viewOf(hours.value) : null,
    };
    return this.uow.run(async (tx) => {
      const saved = await tx.staff.save(scope.companyId, id, normalised);
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: id ? 'staff.updated' : 'staff.created',
        entity: 'staff',
        entityId: saved.id,
        at: this.clock.now(),
      });
      return ok(saved);
    });
  }
}
