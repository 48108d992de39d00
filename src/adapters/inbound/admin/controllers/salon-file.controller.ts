import { Get, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { AdminPrincipal, CompanyScope } from '../../../../application/admin/admin-actor';
import { InvalidInput } from '../../../../application/admin/admin.errors';
import { ImportSalonUseCase } from '../../../../application/salon-file/import-salon.use-case';
import { SalonFileExporter } from '../../../../application/salon-file/salon-file.exporter';
import { AdminController, ApiBootstrapOnly } from '../admin-controller.decorator';
import { AdminRefusal, orRefuse } from '../admin-refusal';
import { AdminBody } from '../admin-validation';
import { BootstrapOnly, Principal, Scope } from '../auth/admin-auth.decorators';
import { SalonFileProblem } from '../../../../application/salon-file/salon-file';
import { SalonFileImportedResponse } from '../dto/salon-file.response';

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
  @ApiCreatedResponse({
    type: SalonFileImportedResponse,
    description: 'the new company and the ids of its records',
  })
  @ApiBadRequestResponse({
    description:
      'SALON_FILE.INVALID with every problem by field (unknown fields too, with a suggestion)',
  })
  async import(@AdminBody() file: Record<string, unknown>, @Principal() principal: AdminPrincipal) {
    const imported = await this.importer.execute(file, principal.actor);
    if (!imported.ok) {
      throw new AdminRefusal(
        new InvalidInput('SALON_FILE.INVALID', 'The salon file has problems.', {
          problems: imported.error,
          fields: byField(imported.error),
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

/** The problems again in the shape every other admin body's refusal has: `{ field, problems[] }`. */
function byField(problems: SalonFileProblem[]): Array<{ field: string; problems: string[] }> {
  const grouped = new Map<string, string[]>();
  for (const p of problems) grouped.set(p.field, [...(grouped.get(p.field) ?? []), p.problem]);
  return [...grouped].map(([field, list]) => ({ field, problems: list }));
}
