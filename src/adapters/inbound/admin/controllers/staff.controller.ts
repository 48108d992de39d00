import { Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { StaffUseCase } from '../../../../application/admin/catalog/staff.use-case';
import { StaffData } from '../../../../application/admin/ports/staff-admin.port';
import { StaffDuplicatesUseCase } from '../../../../application/admin/staff/staff-duplicates.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { PageQuery, pageRequest } from '../dto/page.query';
import { CreateStaffDto, MergeStaffDto, UpdateStaffDto } from '../dto/staff.dto';
import {
  DuplicateStaffGroupResponse,
  StaffMergeResponse,
  StaffPageResponse,
  StaffResponse,
} from '../dto/staff.response';

const DEFAULTS: Partial<StaffData> = {
  email: null,
  active: true,
  serviceIds: [],
  workingHours: null,
  absences: [],
};

function changeOf(dto: UpdateStaffDto): Partial<StaffData> {
  const change: { -readonly [K in keyof StaffData]?: StaffData[K] } = {};
  if (dto.branchId != null) change.branchId = dto.branchId;
  if (dto.name != null) change.name = dto.name;
  if (dto.email != null) change.email = dto.email;
  if (dto.active != null) change.active = dto.active;
  if (dto.serviceIds != null) change.serviceIds = dto.serviceIds;
  if (dto.workingHours !== undefined)
    change.workingHours = dto.workingHours ? { ...dto.workingHours } : null;
  if (dto.absences != null) {
    change.absences = dto.absences.map((a) => ({
      start: new Date(a.start),
      end: new Date(a.end),
      reason: a.reason ?? null,
    }));
  }
  return change;
}

@AdminController('companies/:companyId/staff', 'staff')
export class StaffController {
  constructor(
    private readonly staff: StaffUseCase,
    private readonly duplicates: StaffDuplicatesUseCase,
  ) {}

  // Declared before ':staffId' so that the router does not read "duplicates" as an id.
  @Get('duplicates')
  @ApiOkResponse({
    type: [DuplicateStaffGroupResponse],
    description: 'groups of likely duplicates: same name, e-mail or Cal.com user',
  })
  findDuplicates(@Scope() scope: CompanyScope) {
    return this.duplicates.duplicates(scope);
  }

  @Post('merge')
  @HttpCode(200)
  @ApiBody({ type: MergeStaffDto })
  @ApiOkResponse({ type: StaffMergeResponse, description: 'what moved to the kept record' })
  @ApiConflictResponse({ description: 'STAFF.MERGE_OVERLAP, naming the colliding appointments' })
  async merge(@Scope() scope: CompanyScope, @AdminBody() dto: MergeStaffDto) {
    return orRefuse(await this.duplicates.merge(scope, dto.keepId, dto.mergeId));
  }

  @Post()
  @ApiBody({ type: CreateStaffDto })
  @ApiCreatedResponse({ type: StaffResponse, description: 'the stylist' })
  async create(@Scope() scope: CompanyScope, @AdminBody() dto: CreateStaffDto) {
    const data = { ...DEFAULTS, ...changeOf(dto) } as StaffData;
    return orRefuse(await this.staff.create(scope, data));
  }

  @Get()
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ type: StaffPageResponse, description: 'stylists, paginated' })
  list(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.staff.list(scope, pageRequest(q));
  }

  @Get(':staffId')
  @ApiOkResponse({ type: StaffResponse, description: 'the stylist' })
  async find(@Scope() scope: CompanyScope, @Param('staffId', idPipe('staffId')) id: string) {
    return orRefuse(await this.staff.find(scope, id));
  }

  @Patch(':staffId')
  @ApiBody({ type: UpdateStaffDto })
  @ApiOkResponse({
    type: StaffResponse,
    description: 'the stylist; lists given replace the stored ones',
  })
  async update(
    @Scope() scope: CompanyScope,
    @Param('staffId', idPipe('staffId')) id: string,
    @AdminBody() dto: UpdateStaffDto,
  ) {
    return orRefuse(await this.staff.update(scope, id, changeOf(dto)));
  }
}
