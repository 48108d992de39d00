import { ApiProperty } from '@nestjs/swagger';
import { WeeklyHoursDto } from './hours.dto';
import { PageOf } from './page.response';

export class AbsenceResponse {
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class StaffResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) serviceIds!: string[];
  @ApiProperty({
    type: WeeklyHoursDto,
    nullable: true,
    description: "null: the branch's opening hours",
  })
  workingHours!: WeeklyHoursDto | null;
  @ApiProperty({ type: [AbsenceResponse] }) absences!: AbsenceResponse[];
}

export const StaffPageResponse = PageOf(StaffResponse, 'StaffPageResponse');

export class DuplicateStaffMember {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty() active!: boolean;
}

export class DuplicateStaffGroupResponse {
  @ApiProperty({ enum: ['name', 'email', 'calcom_user'] }) reason!: string;
  @ApiProperty({ description: 'the shared name, e-mail or Cal.com user, normalised' })
  value!: string;
  @ApiProperty({ type: [DuplicateStaffMember] }) staff!: DuplicateStaffMember[];
}

export class StaffMergeMoves {
  @ApiProperty({ type: 'integer' }) appointments!: number;
  @ApiProperty({ type: 'integer' }) busyBlocks!: number;
  @ApiProperty({ type: 'integer' }) serviceLinks!: number;
  @ApiProperty({ type: 'integer' }) mappings!: number;
  @ApiProperty({ type: 'integer' }) mappingsDropped!: number;
  @ApiProperty({ type: 'integer' }) workingHours!: number;
  @ApiProperty({ type: 'integer' }) absences!: number;
}

export class StaffMergeResponse {
  @ApiProperty({ format: 'uuid' }) keptId!: string;
  @ApiProperty({ format: 'uuid' }) mergedId!: string;
  @ApiProperty({ type: StaffMergeMoves }) moved!: StaffMergeMoves;
}
