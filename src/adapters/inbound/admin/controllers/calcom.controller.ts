import { Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiSecurity,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { CalendarCredentialsUseCase } from '../../../../application/admin/catalog/calendar-credentials.use-case';
import { CalendarMappingsUseCase } from '../../../../application/admin/catalog/calendar-mappings.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { CreateCredentialDto, CreateMappingDto } from '../dto/calcom.dto';
import {
  CredentialRemovedResponse,
  CredentialResponse,
  RotateCredentialDto,
} from '../dto/calcom-rotation.dto';
import { PageQuery, pageRequest } from '../dto/page.query';
import {
  CredentialPageResponse,
  MappingPageResponse,
  MappingRemovedResponse,
  SavedMappingResponse,
  savedMappingResponse,
} from '../dto/calcom.response';

@AdminController('companies/:companyId/calcom', 'calcom')
export class CalcomController {
  constructor(
    private readonly calendar: CalendarMappingsUseCase,
    private readonly credentials: CalendarCredentialsUseCase,
  ) {}

  @Post('credentials')
  @ApiBody({ type: CreateCredentialDto })
  @ApiCreatedResponse({
    type: CredentialResponse,
    description: 'the credential with a masked hint; secrets never return',
  })
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
  @ApiOkResponse({ type: CredentialPageResponse, description: 'credentials, masked, paginated' })
  listCredentials(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.calendar.listCredentials(scope, pageRequest(q));
  }

  @Post('mappings')
  @ApiBody({ type: CreateMappingDto })
  @ApiCreatedResponse({
    type: SavedMappingResponse,
    description:
      "the mapping, with warnings when the event type's buffer after each booking differs " +
      "from the service's (read from Cal.com once, now)",
  })
  async addMapping(@Scope() scope: CompanyScope, @AdminBody() dto: CreateMappingDto) {
    const saved = orRefuse(
      await this.calendar.addMapping(scope, {
        credentialId: dto.credentialId,
        serviceId: dto.serviceId,
        segmentSequence: dto.segmentSequence ?? null,
        staffId: dto.staffId,
        eventTypeId: dto.eventTypeId,
        calcomUserId: dto.calcomUserId ?? null,
      }),
    );
    return savedMappingResponse(saved);
  }

  @Get('mappings')
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ type: MappingPageResponse, description: 'mappings, paginated' })
  listMappings(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.calendar.listMappings(scope, pageRequest(q));
  }

  @Delete('mappings/:mappingId')
  @ApiOkResponse({ type: MappingRemovedResponse, description: 'the id of the removed mapping' })
  async removeMapping(
    @Scope() scope: CompanyScope,
    @Param('mappingId', idPipe('mappingId')) id: string,
  ) {
    return orRefuse(await this.calendar.removeMapping(scope, id));
  }

  @Delete('credentials/:credentialId')
  @ApiOperation({
    summary: 'Remove a Cal.com credential (a leaked key is unusable at once)',
    description:
      'Wipes the API key and webhook secret and drops what this process cached for the ' +
      'credential (decrypted key, circuit breaker). Its mappings stay but are inactive: syncs ' +
      'through them fail as lacking a credential and go to manual review until the stylists ' +
      'are mapped to another credential. Audited as `calcom_credential.removed`.',
  })
  @ApiParam({ name: 'companyId', format: 'uuid' })
  @ApiParam({ name: 'credentialId', format: 'uuid' })
  @ApiSecurity('api-key')
  @ApiOkResponse({ type: CredentialRemovedResponse, description: 'the credential is removed' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID_ID: a malformed id' })
  async removeCredential(
    @Scope() scope: CompanyScope,
    @Param('credentialId', idPipe('credentialId')) id: string,
  ): Promise<CredentialRemovedResponse> {
    return orRefuse(await this.credentials.remove(scope, id));
  }

  @Post('credentials/:credentialId/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate a Cal.com credential: a new API key (and webhook secret) in place',
    description:
      'Effective at once: the cached key and the circuit breaker of the credential are dropped, ' +
      'so the next calendar call uses the new key. Mappings keep working. Audited as ' +
      '`calcom_credential.rotated`.',
  })
  @ApiParam({ name: 'companyId', format: 'uuid' })
  @ApiParam({ name: 'credentialId', format: 'uuid' })
  @ApiSecurity('api-key')
  @ApiBody({ type: RotateCredentialDto })
  @ApiOkResponse({ type: CredentialResponse, description: 'the credential, masked' })
  @ApiBadRequestResponse({ description: 'VALIDATION.FAILED naming the field, or a malformed id' })
  @ApiServiceUnavailableResponse({ description: 'CALCOM.ENCRYPTION_KEY_MISSING' })
  async rotateCredential(
    @Scope() scope: CompanyScope,
    @Param('credentialId', idPipe('credentialId')) id: string,
    @AdminBody() dto: RotateCredentialDto,
  ) {
    return orRefuse(
      await this.credentials.rotate(scope, id, {
        apiKey: dto.apiKey,
        webhookSecret: dto.webhookSecret ?? null,
      }),
    );
  }
}
