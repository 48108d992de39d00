import { Get, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { InvalidInput } from '../../../../application/admin/admin-errors';
import { ImportSalonUseCase } from '../../../../application/salon-file/import-salon.use-case';
import { SalonFileExporter } from '../../../../application/salon-file/salon-file.exporter';
import { AdminController, ApiBootstrapOnly } from '../admin-controller.decorator';
import { AdminRefusal, orRefuse } from '../admin-refusal';
import { AdminBody } from '../admin-validation';
import { BootstrapOnly, Scope } from '../auth/admin-auth.decorators';

const SALON_FILE_SCHEMA = {
  type: 'object',
  description: 'a salon file: company, branches, services, staff (see fixtures/demo-salon.json)',
  required: ['company', 'branches', 'services', 'staff'],
  properties: {
    company: { type: 'object' },
    branches: { type: 'array', items: { type: 'object' } },
    services: { type: 'array', items: { type: 'object' } },
    staff: { type: 'array', items: { type: 'object' } },
  },
};

@AdminController('', 'salon-files')
export class SalonFileController {
  constructor(
    private readonly importer: ImportSalonUseCase,
    private readonly exporter: SalonFileExporter,
  ) {}

  @Post('salon-files')
  @BootstrapOnly()
  @ApiBootstrapOnly()
  @ApiBody({ schema: SALON_FILE_SCHEMA })
  @ApiCreatedResponse({ description: 'the new company and the ids of its records' })
  @ApiBadRequestResponse({ description: 'SALON_FILE.INVALID with every problem by field' })
  async import(@AdminBody() file: Record<string, unknown>) {
    const imported = await this.importer.execute(file);
    if (!imported.ok) {
      throw new AdminRefusal(
        new InvalidInput('SALON_FILE.INVALID', 'The salon file has problems.', {
          problems: imported.error,
        }),
      );
    }
    return imported.value;
  }

  @Get('companies/:companyId/salon-file')
  @ApiOkResponse({
    description: 'the company as a salon file that imports again',
    schema: SALON_FILE_SCHEMA,
  })
  async export(@Scope() scope: CompanyScope) {
    return orRefuse(await this.exporter.export(scope.companyId));
  }
}
