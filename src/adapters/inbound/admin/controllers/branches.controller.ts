import { Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { BranchesUseCase } from '../../../../application/admin/catalog/branches.use-case';
import { BranchData } from '../../../../application/admin/ports/branch-admin.port';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import { CreateBranchDto, UpdateBranchDto } from '../dto/branch.dto';
import { PageQuery, pageRequest } from '../dto/page.query';
import { BranchPageResponse, BranchResponse } from '../dto/branch.response';

const DEFAULTS: Partial<BranchData> = {
  timeZone: 'Europe/Berlin',
  country: 'DE',
  slotGranularityMinutes: 15,
  retellAgentId: null,
  phoneNumbers: [],
  closedDates: [],
  active: true,
  email: null,
  transferNumber: null,
  splitVisits: false,
};

function changeOf(dto: UpdateBranchDto): Partial<BranchData> {
  const change: { -readonly [K in keyof BranchData]?: BranchData[K] } = {};
  if (dto.name != null) change.name = dto.name;
  if (dto.timeZone != null) change.timeZone = dto.timeZone;
  if (dto.country != null) change.country = dto.country;
  if (dto.slotGranularityMinutes != null)
    change.slotGranularityMinutes = dto.slotGranularityMinutes;
  if (dto.retellAgentId != null) change.retellAgentId = dto.retellAgentId;
  if (dto.phoneNumbers != null) change.phoneNumbers = dto.phoneNumbers;
  if (dto.openingHours != null) change.openingHours = { ...dto.openingHours };
  if (dto.closedDates != null) change.closedDates = dto.closedDates;
  if (dto.active != null) change.active = dto.active;
  if (dto.splitVisits != null) change.splitVisits = dto.splitVisits;
  // null clears them: no e-mail for messages, no transfer to a person.
  if (dto.email !== undefined) change.email = dto.email ?? null;
  if (dto.transferNumber !== undefined) change.transferNumber = dto.transferNumber ?? null;
  return change;
}

@AdminController('companies/:companyId/branches', 'branches')
export class BranchesController {
  constructor(private readonly branches: BranchesUseCase) {}

  @Post()
  @ApiBody({ type: CreateBranchDto })
  @ApiCreatedResponse({ type: BranchResponse, description: 'the branch' })
  async create(@Scope() scope: CompanyScope, @AdminBody() dto: CreateBranchDto) {
    const data = { ...DEFAULTS, ...changeOf(dto) } as BranchData;
    return orRefuse(await this.branches.create(scope, data));
  }

  @Get()
  @ApiQueryFrom(PageQuery)
  @ApiOkResponse({ type: BranchPageResponse, description: 'branches, paginated' })
  list(@Scope() scope: CompanyScope, @AdminQuery() q: PageQuery) {
    return this.branches.list(scope, pageRequest(q));
  }

  @Get(':branchId')
  @ApiOkResponse({ type: BranchResponse, description: 'the branch' })
  async find(@Scope() scope: CompanyScope, @Param('branchId', idPipe('branchId')) id: string) {
    return orRefuse(await this.branches.find(scope, id));
  }

  @Patch(':branchId')
  @ApiBody({ type: UpdateBranchDto })
  @ApiOkResponse({
    type: BranchResponse,
    description: 'the branch; lists given replace the stored ones',
  })
  async update(
    @Scope() scope: CompanyScope,
    @Param('branchId', idPipe('branchId')) id: string,
    @AdminBody() dto: UpdateBranchDto,
  ) {
    return orRefuse(await this.branches.update(scope, id, changeOf(dto)));
  }
}
