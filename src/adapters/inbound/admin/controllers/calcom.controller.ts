import { Delete, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { CalendarMappingsUseCase } from '../../../../application/admin/catalog/calendar-mappings.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { CreateCredentialDto, CreateMappingDto } from '../dto/calcom.dto';
import { PageQuery, pageRequest } from '../dto/page.query';

@AdminController('companies/:companyId/calcom', 'calcom')
export class CalcomController {
  constructor(private readonly calendar: CalendarMappingsUseCase) {}

  @Post('credentials')
  @ApiBody({ type: CreateCredentialDto })
  @ApiCreatedResponse({ description: 'the credential with a masked hint; secrets never return' })
  @ApiBadRequestResponse({
    description:
      'VALIDATION.FAILED naming the field; baseUrl must be https:// on public addresses (or a CALCOM_ALLOWED_HOSTS host), without credentials, query or fragment',
  })
  @ApiServiceUnavailableResponse({ description: 'CALCOM.ENCRYPTION_KEY_MISSING' })
  async addCredential(@Scope() scope: CompanyScope, @AdminBody() dto: CreateCredentialDto) {
    return orRefuse(
      await this.calendar.addCredential(scope, {
        label: dto.label,
        apiKey: dto.apiKey,
        webhookSecret: dto.webhookSecret ?? null,
        baseUrl: dto.baseUrl ?? null,
      }),
    );
  }

  @Get('credentials')
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ description: 'credentials, masked, paginated' })
  listCredentials(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.calendar.listCredentials(scope, pageRequest(q));
  }

  @Post('mappings')
  @ApiBody({ type: CreateMappingDto })
  @ApiCreatedResponse({ description: 'the mapping' })
  async addMapping(@Scope() scope: CompanyScope, @AdminBody() dto: CreateMappingDto) {
    return orRefuse(
      await this.calendar.addMapping(scope, {
        credentialId: dto.credentialId,
        serviceId: dto.serviceId,
        segmentSequence: dto.segmentSequence ?? null,
        staffId: dto.staffId,
        eventTypeId: dto.eventTypeId,
        calcomUserId: dto.calcomUserId ?? null,
      }),
    );
  }

  @Get('mappings')
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ description: 'mappings, paginated' })
  listMappings(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.calendar.listMappings(scope, pageRequest(q));
  }

  @Delete('mappings/:mappingId')
  @ApiOkResponse({ description: 'the id of the removed mapping' })
  async removeMapping(
    @Scope() scope: CompanyScope,
    @Param('mappingId', idPipe('mappingId')) id: string,
  ) {
    return orRefuse(await this.calendar.removeMapping(scope, id));
  }
}
