import { Get, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CompaniesUseCase } from '../../../../application/admin/access/companies.use-case';
import { AdminPrincipal, CompanyScope } from '../../../../application/admin/admin-actor';
import { AdminController, ApiBootstrapOnly, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery } from '../admin-validation';
import { BootstrapOnly, Principal, Scope } from '../auth/admin-auth.decorators';
import { CreateCompanyDto } from '../dto/company.dto';
import { PageQuery, pageRequest } from '../dto/page.query';
import { CompanyPageResponse, CompanyResponse } from '../dto/company.response';

@AdminController('companies', 'companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesUseCase) {}

  @Post()
  @BootstrapOnly()
  @ApiBootstrapOnly()
  @ApiBody({ type: CreateCompanyDto })
  @ApiCreatedResponse({ type: CompanyResponse, description: 'the company' })
  async create(@Principal() who: AdminPrincipal, @AdminBody() dto: CreateCompanyDto) {
    return orRefuse(await this.companies.create(who.actor, dto.name, dto.slug));
  }

  @Get()
  @BootstrapOnly()
  @ApiBootstrapOnly()
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ type: CompanyPageResponse, description: 'companies, paginated' })
  list(@AdminQuery() q: PageQuery) {
    return this.companies.list(pageRequest(q));
  }

  @Get(':companyId')
  @ApiOkResponse({ type: CompanyResponse, description: 'the company' })
  async find(@Scope() scope: CompanyScope) {
    return orRefuse(await this.companies.find(scope.companyId));
  }
}
