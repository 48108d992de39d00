import { Delete, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
} from '@nestjs/swagger';
import { ApiKeysUseCase } from '../../../../application/admin/access/api-keys.use-case';
import { AdminPrincipal, CompanyScope } from '../../../../application/admin/admin-actor';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Principal, Scope } from '../auth/admin-auth.decorators';
import {
  ApiKeyPageResponse,
  CreatedApiKeyResponse,
  CreateApiKeyDto,
  RevokedApiKeyResponse,
} from '../dto/api-key.dto';
import { PageQuery, pageRequest } from '../dto/page.query';

const companyParam = () => ApiParam({ name: 'companyId', format: 'uuid' });
const ownerOnly = () =>
  ApiForbiddenResponse({
    description: 'AUTH.OWNER_ONLY: only an owner key or the bootstrap key manages keys',
  });

@AdminController('companies/:companyId/api-keys', 'api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Create a key (owner key or bootstrap key)' })
  @companyParam()
  @ApiBody({ type: CreateApiKeyDto })
  @ApiCreatedResponse({
    type: CreatedApiKeyResponse,
    description: 'the key; `key` is shown this once and never again',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION.FAILED, naming the fields' })
  @ownerOnly()
  async create(
    @Principal() by: AdminPrincipal,
    @Scope() scope: CompanyScope,
    @AdminBody() dto: CreateApiKeyDto,
  ) {
    return orRefuse(await this.keys.create(by, scope, dto.name, dto.role));
  }

  @Get()
  @ApiOperation({ summary: "List the company's keys with their role and last use" })
  @companyParam()
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ type: ApiKeyPageResponse, description: 'keys without their secrets' })
  @ApiBadRequestResponse({ description: 'VALIDATION.FAILED, naming the fields' })
  list(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.keys.list(scope, pageRequest(q));
  }

  @Delete(':keyId')
  @ApiOperation({ summary: 'Revoke a key and every key it created (owner key or bootstrap key)' })
  @companyParam()
  @ApiParam({ name: 'keyId', format: 'uuid' })
  @ApiOkResponse({ type: RevokedApiKeyResponse, description: 'the revoked key' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID_ID' })
  @ownerOnly()
  async revoke(
    @Principal() by: AdminPrincipal,
    @Scope() scope: CompanyScope,
    @Param('keyId', idPipe('keyId')) keyId: string,
  ) {
    return orRefuse(await this.keys.revoke(by, scope, keyId));
  }
}
