import { HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiSecurity,
} from '@nestjs/swagger';
import { CloseCompanyUseCase } from '../../../../application/admin/access/close-company.use-case';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { AdminController, ApiBootstrapOnly } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { BootstrapOnly, Scope } from '../auth/admin-auth.decorators';

export class CompanyClosedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time', description: 'when the company was (first) closed' })
  closedAt!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'from then on a scheduled sweep erases it (COMPANY_RETENTION_DAYS)',
  })
  eraseAfter!: string;
  @ApiProperty({ description: 'keys revoked by this request' }) revokedKeys!: number;
}

@AdminController('companies/:companyId', 'companies')
export class CompanyClosingController {
  constructor(private readonly closing: CloseCompanyUseCase) {}

  @Post('close')
  @HttpCode(200)
  @BootstrapOnly()
  @ApiBootstrapOnly()
  @ApiOperation({
    summary: 'Close a company (offboarding)',
    description:
      'At once: its phone numbers stop answering (function calls answer RETELL.UNKNOWN_SALON) ' +
      'and its keys are revoked. Its data is kept for COMPANY_RETENTION_DAYS (the bootstrap key ' +
      'can still read and export it), then a scheduled sweep erases the company with ' +
      'everything it owns. Closing again answers the first closing.',
  })
  @ApiParam({ name: 'companyId', format: 'uuid' })
  @ApiSecurity('api-key')
  @ApiOkResponse({ type: CompanyClosedResponse, description: 'the company is closed' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID_ID: a malformed id' })
  async close(@Scope() scope: CompanyScope): Promise<CompanyClosedResponse> {
    return orRefuse(await this.closing.close(scope));
  }
}
