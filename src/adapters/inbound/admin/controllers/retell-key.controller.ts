import { Delete, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { RetellKeyUseCase } from '../../../../application/admin/access/retell-key.use-case';
import { AdminController } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { RetellKeyDto } from '../dto/retell-key.dto';
import { RetellKeyStateResponse } from '../dto/retell-key.response';

/** The salon's own Retell API key, which verifies its agent's signed requests. */
@AdminController('companies/:companyId/retell-key', 'retell')
export class RetellKeyController {
  constructor(private readonly keys: RetellKeyUseCase) {}

  @Post()
  @ApiBody({ type: RetellKeyDto })
  @ApiCreatedResponse({
    type: RetellKeyStateResponse,
    description: 'stored encrypted (replacing any earlier key); never returned',
  })
  @ApiServiceUnavailableResponse({ description: 'RETELL.ENCRYPTION_KEY_MISSING' })
  async store(@Scope() scope: CompanyScope, @AdminBody() dto: RetellKeyDto) {
    return orRefuse(await this.keys.set(scope, dto.apiKey));
  }

  @Delete()
  @ApiOkResponse({
    type: RetellKeyStateResponse,
    description: 'the salon falls back to the service-wide RETELL_API_KEY',
  })
  async remove(@Scope() scope: CompanyScope) {
    return orRefuse(await this.keys.set(scope, null));
  }
}
