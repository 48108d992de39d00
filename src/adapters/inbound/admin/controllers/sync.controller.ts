import { Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { AdminPrincipal, CompanyScope } from '../../../../application/admin/admin-actor';
import { NotFound } from '../../../../application/admin/admin.errors';
import { ManualReviewUseCase } from '../../../../application/admin/sync/manual-review.use-case';
import { SyncDashboardUseCase } from '../../../../application/admin/sync/sync-dashboard.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { AdminRefusal, orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Principal, Scope } from '../auth/admin-auth.decorators';
import { ResolveReviewDto, SyncSummaryQuery } from '../dto/appointment.dto';
import { PageQuery, pageRequest } from '../dto/page.query';
import {
  ReviewItemPageResponse,
  SyncFailurePageResponse,
  SyncSummaryResponse,
} from '../dto/sync.response';
import { AppointmentResponse } from '../dto/appointment.response';

@AdminController('', 'sync')
export class SyncController {
  constructor(
    private readonly dashboard: SyncDashboardUseCase,
    private readonly review: ManualReviewUseCase,
  ) {}

  @Get('sync/summary')
  @ApiQueryFrom(SyncSummaryQuery)
  @ApiNotFoundResponse({ description: 'COMPANY.NOT_FOUND: a companyId this key may not see' })
  @ApiOkResponse({
    type: SyncSummaryResponse,
    description:
      'per company: appointments by sync state, success rate, false-negative rate (verified after error / all errors)',
  })
  async summary(@Principal() who: AdminPrincipal, @AdminQuery() q: SyncSummaryQuery) {
    const own = who.kind === 'company' ? who.companyId : undefined;
    if (own && q.companyId && q.companyId !== own) throw new AdminRefusal(new NotFound('COMPANY'));
    const ids = own ? [own] : q.companyId ? [q.companyId] : 'all';
    const companies = await this.dashboard.summary(ids);
    if (ids !== 'all' && companies.length === 0) throw new AdminRefusal(new NotFound('COMPANY'));
    return { companies };
  }

  @Get('companies/:companyId/sync/manual-review')
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({
    type: ReviewItemPageResponse,
    description: 'appointments waiting for a person, with the last sync error',
  })
  manualReview(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.dashboard.manualReview(scope.companyId, pageRequest(q));
  }

  @Get('companies/:companyId/sync/failures')
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({
    type: SyncFailurePageResponse,
    description: 'recent failed attempts, give-ups and failed compensations',
  })
  failures(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.dashboard.recentFailures(scope.companyId, pageRequest(q));
  }

  @Post('companies/:companyId/sync/manual-review/:appointmentId/retry')
  @HttpCode(200)
  @ApiOkResponse({
    type: AppointmentResponse,
    description: 'back to pending, with a fresh outbox entry',
  })
  @ApiConflictResponse({ description: 'SYNC.NOT_IN_REVIEW' })
  async retry(
    @Scope() scope: CompanyScope,
    @Param('appointmentId', idPipe('appointmentId')) id: string,
  ) {
    return orRefuse(await this.review.retry(scope, id));
  }

  @Post('companies/:companyId/sync/manual-review/:appointmentId/resolve')
  @HttpCode(200)
  @ApiBody({ type: ResolveReviewDto })
  @ApiOkResponse({
    type: AppointmentResponse,
    description: 'marked synced or not_required; audited with the note',
  })
  @ApiConflictResponse({ description: 'SYNC.NOT_IN_REVIEW' })
  async resolve(
    @Scope() scope: CompanyScope,
    @Param('appointmentId', idPipe('appointmentId')) id: string,
    @AdminBody() dto: ResolveReviewDto,
  ) {
    return orRefuse(await this.review.resolve(scope, id, dto.resolution, dto.note));
  }
}
