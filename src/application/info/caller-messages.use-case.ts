import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../domain/shared/result';
import { CompanyScope } from '../admin/admin-actor';
import { NotFound } from '../admin/admin.errors';
import { Page, PageRequest, pageOf } from '../admin/page';
import { BRANCH_ADMIN, BranchAdmin } from '../admin/ports/branch-admin.port';
import {
  CALLER_MESSAGES,
  CallerMessage,
  CallerMessageFilter,
  CallerMessages,
} from '../ports/caller-messages.port';
import { CLOCK, Clock } from '../ports/clock.port';

/** The salon's view of callers' messages: its own only, open or done. */
@Injectable()
export class CallerMessagesUseCase {
  constructor(
    @Inject(CALLER_MESSAGES) private readonly messages: CallerMessages,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BRANCH_ADMIN) private readonly branches: BranchAdmin,
  ) {}

  /** A branch to filter by that is not the company's is not found, as everywhere else. */
  async list(
    scope: CompanyScope,
    filter: CallerMessageFilter,
    page: PageRequest,
  ): Promise<Result<Page<CallerMessage>, NotFound>> {
    if (filter.branchId && !(await this.branches.find(scope.companyId, filter.branchId))) {
      return err(new NotFound('BRANCH'));
    }
    const { items, total } = await this.messages.list(scope.companyId, filter, page);
    return ok(pageOf(items, total, page));
  }

  async setStatus(
    scope: CompanyScope,
    id: string,
    status: 'open' | 'done',
  ): Promise<Result<CallerMessage, NotFound>> {
    const changed = await this.messages.setStatus(scope.companyId, id, status, this.clock.now());
    return changed ? ok(changed) : err(new NotFound('MESSAGE'));
  }
}
