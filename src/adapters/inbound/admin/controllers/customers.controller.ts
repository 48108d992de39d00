import { Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import {
  CustomerData,
  CustomersUseCase,
} from '../../../../application/admin/catalog/customers.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { CreateCustomerDto, CustomerQuery, UpdateCustomerDto } from '../dto/customer.dto';
import { pageRequest } from '../dto/page.query';

function changeOf(dto: UpdateCustomerDto): Partial<CustomerData> {
  const change: { -readonly [K in keyof CustomerData]?: CustomerData[K] } = {};
  if (dto.name != null) change.name = dto.name;
  if (dto.phone != null) change.phone = dto.phone;
  if (dto.email != null) change.email = dto.email.toLowerCase();
  if (dto.recognitionConsent != null) change.recognitionConsent = dto.recognitionConsent;
  return change;
}

@AdminController('companies/:companyId/customers', 'customers')
export class CustomersController {
  constructor(private readonly customers: CustomersUseCase) {}

  @Post()
  @ApiBody({ type: CreateCustomerDto })
  @ApiCreatedResponse({ description: 'the customer' })
  async create(@Scope() scope: CompanyScope, @AdminBody() dto: CreateCustomerDto) {
    const data = { email: null, recognitionConsent: false, ...changeOf(dto) } as CustomerData;
    return orRefuse(await this.customers.create(scope, data));
  }

  @Get()
  @ApiQueryFrom(CustomerQuery)
  @ApiOkResponse({ description: 'customers, paginated; `phone` filters by exact E.164' })
  list(@Scope() scope: CompanyScope, @AdminQuery() q: CustomerQuery) {
    return this.customers.list(scope, q.phone, pageRequest(q));
  }

  @Get(':customerId')
  @ApiOkResponse({ description: 'the customer' })
  async find(@Scope() scope: CompanyScope, @Param('customerId', idPipe('customerId')) id: string) {
    return orRefuse(await this.customers.find(scope, id));
  }

  @Patch(':customerId')
  @ApiBody({ type: UpdateCustomerDto })
  @ApiOkResponse({ description: 'the customer (e.g. consent given or withdrawn)' })
  async update(
    @Scope() scope: CompanyScope,
    @Param('customerId', idPipe('customerId')) id: string,
    @AdminBody() dto: UpdateCustomerDto,
  ) {
    return orRefuse(await this.customers.update(scope, id, changeOf(dto)));
  }
}
