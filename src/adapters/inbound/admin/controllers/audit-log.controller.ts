import { Get } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { AuditLogUseCase } from '../../../../application/admin/audit/audit-log.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminQuery } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { AuditPageResponse, AuditQueryDto, textMatch } from '../dto/audit.dto';
import { pageRequest } from '../dto/page.query';

@AdminController('companies/:companyId/audit-log', 'audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogUseCase) {}

  @Get()
  @ApiOperation({
    summary: "Read the company's audit log, newest first",
    description:
      'Filters combine: time range (from inclusive, to exclusive), actor, action (exact, or a ' +
      'prefix with a trailing *), object (entity and entityId).',
  })
  @ApiParam({ name: 'companyId', format: 'uuid' })
  @ApiQueryFrom(AuditQueryDto)
  @ApiOkResponse({ type: AuditPageResponse, description: 'audit entries, paginated' })
  @ApiBadRequestResponse({ description: 'VALIDATION.FAILED, naming the fields' })
  async list(@Scope() scope: CompanyScope, @AdminQuery() q: AuditQueryDto) {
    return orRefuse(
      await this.audit.list(
        scope,
        {
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          actor: textMatch(q.actor),
          action: textMatch(q.action),
          entity: q.entity,
          entityId: q.entityId,
        },
        pageRequest(q),
      ),
    );
  }
}
