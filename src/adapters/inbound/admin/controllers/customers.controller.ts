import { Delete, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiSecurity,
} from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import {
  CustomerData,
  CustomersUseCase,
} from '../../../../application/admin/catalog/customers.use-case';
import { EraseCustomerUseCase } from '../../../../application/admin/data-rights/erase-customer.use-case';
import { ExportCustomerUseCase } from '../../../../application/admin/data-rights/export-customer.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { CreateCustomerDto, CustomerQuery, UpdateCustomerDto } from '../dto/customer.dto';
import { CustomerDataExportResponse, CustomerErasedResponse } from '../dto/data-rights.dto';
import { pageRequest } from '../dto/page.query';
import { CustomerPageResponse, CustomerResponse } from '../dto/customer.response';

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
  constructor(
    private readonly customers: CustomersUseCase,
    private readonly erasure: EraseCustomerUseCase,
    private readonly exporter: ExportCustomerUseCase,
  ) {}

  @Post()
  @ApiBody({ type: CreateCustomerDto })
  @ApiCreatedResponse({ type: CustomerResponse, description: 'the customer' })
  async create(@Scope() scope: CompanyScope, @AdminBody() dto: CreateCustomerDto) {
    const data = { email: null, recognitionConsent: false, ...changeOf(dto) } as CustomerData;
    return orRefuse(await this.customers.create(scope, data));
  }

  @Get()
  @ApiQueryFrom(CustomerQuery)
  @ApiOkResponse({
    type: CustomerPageResponse,
    description: 'customers, paginated; `phone` filters by exact E.164',
  })
  list(@Scope() scope: CompanyScope, @AdminQuery() q: CustomerQuery) {
    return this.customers.list(scope, q.phone, pageRequest(q));
  }

  @Get(':customerId')
  @ApiOkResponse({ type: CustomerResponse, description: 'the customer' })
  async find(@Scope() scope: CompanyScope, @Param('customerId', idPipe('customerId')) id: string) {
    return orRefuse(await this.customers.find(scope, id));
  }

  @Patch(':customerId')
  @ApiBody({ type: UpdateCustomerDto })
  @ApiOkResponse({
    type: CustomerResponse,
    description: 'the customer (e.g. consent given or withdrawn)',
  })
  async update(
    @Scope() scope: CompanyScope,
    @Param('customerId', idPipe('customerId')) id: string,
    @AdminBody() dto: UpdateCustomerDto,
  ) {
    return orRefuse(await this.customers.update(scope, id, changeOf(dto)));
  }

  @Delete(':customerId')
  @ApiOperation({
    summary: 'Erase a customer (GDPR Art. 17)',
    description:
      'Removes name, phone number and e-mail from the customer, their appointments, the calls ' +
      'made from their number or that booked for them (number, traced arguments, analysis) and ' +
      'the audit log; cancels their future appointments (and, through the outbox, the Cal.com ' +
      'bookings). Past appointments stay as anonymous statistics. Audited as `customer.erased` ' +
      'with the id only. Erasing again answers the first erasure and changes nothing.',
  })
  @ApiParam({ name: 'companyId', format: 'uuid' })
  @ApiParam({ name: 'customerId', format: 'uuid' })
  @ApiSecurity('api-key')
  @ApiOkResponse({ type: CustomerErasedResponse, description: 'the customer is erased' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID_ID: a malformed id' })
  async erase(
    @Scope() scope: CompanyScope,
    @Param('customerId', idPipe('customerId')) id: string,
  ): Promise<CustomerErasedResponse> {
    return orRefuse(await this.erasure.erase(scope, id));
  }

  @Get(':customerId/export')
  @ApiOperation({
    summary: 'Export everything stored about a customer (GDPR Art. 15)',
    description:
      'The customer, every appointment with its phases, the calls made from their number (in ' +
      'any spelling) or that booked for them with their traced function calls, and the audit ' +
      'entries about them or made by those calls. Audited as `customer.exported`.',
  })
  @ApiParam({ name: 'companyId', format: 'uuid' })
  @ApiParam({ name: 'customerId', format: 'uuid' })
  @ApiSecurity('api-key')
  @ApiOkResponse({ type: CustomerDataExportResponse, description: 'the export' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID_ID: a malformed id' })
  async export(
    @Scope() scope: CompanyScope,
    @Param('customerId', idPipe('customerId')) id: string,
  ) {
    return orRefuse(await this.exporter.export(scope, id));
  }
}
