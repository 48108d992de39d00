import { Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { InvalidInput } from '../../../../application/admin/admin.errors';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { ServicesUseCase } from '../../../../application/admin/catalog/services.use-case';
import { ServiceData } from '../../../../application/admin/ports/service-admin.port';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { AdminRefusal, orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { PageQuery, pageRequest } from '../dto/page.query';
import { CreateServiceDto, UpdateServiceDto } from '../dto/service.dto';
import { ServicePageResponse, ServiceResponse } from '../dto/service.response';

const DEFAULTS: Partial<ServiceData> = {
  synonyms: [],
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  bookingHorizonDays: 90,
  active: true,
  duringProcessing: false,
  description: null,
  priceMinCents: null,
  priceMaxCents: null,
};

function changeOf(dto: UpdateServiceDto): Partial<ServiceData> {
  if (dto.durationMinutes !== undefined && dto.segments !== undefined) {
    throw new AdminRefusal(
      new InvalidInput('VALIDATION.FAILED', 'Give either durationMinutes or segments, not both.'),
    );
  }
  const change: { -readonly [K in keyof ServiceData]?: ServiceData[K] } = {};
  if (dto.name != null) change.name = dto.name;
  if (dto.synonyms != null) change.synonyms = dto.synonyms;
  if (dto.durationMinutes != null)
    change.segments = [{ label: null, minutes: dto.durationMinutes, staffBusy: true }];
  if (dto.segments != null)
    change.segments = dto.segments.map((s) => ({
      label: s.label ?? null,
      minutes: s.minutes,
      staffBusy: s.staffBusy,
    }));
  if (dto.bufferAfterMinutes != null) change.bufferAfterMinutes = dto.bufferAfterMinutes;
  if (dto.minNoticeMinutes != null) change.minNoticeMinutes = dto.minNoticeMinutes;
  if (dto.bookingHorizonDays != null) change.bookingHorizonDays = dto.bookingHorizonDays;
  if (dto.active != null) change.active = dto.active;
  if (dto.duringProcessing !== undefined) change.duringProcessing = dto.duringProcessing;
  if (dto.description !== undefined) change.description = dto.description ?? null;
  if (dto.priceMinCents !== undefined) {
    // One price given alone is the whole price; a range names both ends.
    change.priceMinCents = dto.priceMinCents ?? null;
    change.priceMaxCents = dto.priceMaxCents ?? dto.priceMinCents ?? null;
  } else if (dto.priceMaxCents !== undefined) change.priceMaxCents = dto.priceMaxCents ?? null;
  return change;
}

@AdminController('companies/:companyId/services', 'services')
export class ServicesController {
  constructor(private readonly services: ServicesUseCase) {}

  @Post()
  @ApiBody({ type: CreateServiceDto })
  @ApiCreatedResponse({ type: ServiceResponse, description: 'the service' })
  async create(@Scope() scope: CompanyScope, @AdminBody() dto: CreateServiceDto) {
    const data = { ...DEFAULTS, ...changeOf(dto) } as ServiceData;
    return orRefuse(await this.services.create(scope, data));
  }

  @Get()
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ type: ServicePageResponse, description: 'services, paginated' })
  list(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.services.list(scope, pageRequest(q));
  }

  @Get(':serviceId')
  @ApiOkResponse({ type: ServiceResponse, description: 'the service' })
  async find(@Scope() scope: CompanyScope, @Param('serviceId', idPipe('serviceId')) id: string) {
    return orRefuse(await this.services.find(scope, id));
  }

  @Patch(':serviceId')
  @ApiBody({ type: UpdateServiceDto })
  @ApiOkResponse({ type: ServiceResponse, description: 'the service' })
  async update(
    @Scope() scope: CompanyScope,
    @Param('serviceId', idPipe('serviceId')) id: string,
    @AdminBody() dto: UpdateServiceDto,
  ) {
    return orRefuse(await this.services.update(scope, id, changeOf(dto)));
  }
}
