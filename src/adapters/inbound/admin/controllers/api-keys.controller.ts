import { Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiKeysUseCase } from '../../../../application/admin/access/api-keys.use-case';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { CreateApiKeyDto } from '../dto/company.dto';
import { PageQuery, pageRequest } from '../dto/page.query';

@AdminController('companies/:companyId/api-keys', 'api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysUseCase) {}

  @Post()
  @ApiBody({ type: CreateApiKeyDto })
  @ApiCreatedResponse({ description: 'the key; `key` is shown this once and never again' })
  create(@Scope() scope: CompanyScope, @AdminBody() dto: CreateApiKeyDto) {
    return this.keys.create(scope, dto.name);
  }

  @Get()
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ description: 'keys without their secrets, paginated' })
  list(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.keys.list(scope, pageRequest(q));
  }

  @Delete(':keyId')
  @ApiOkResponse({ description: 'the revoked key' })
  async revoke(@Scope() scope: CompanyScope, @Param('keyId', idPipe('keyId')) keyId: string) {
    return orRefuse(await this.keys.revoke(scope, keyId));
  }
}
