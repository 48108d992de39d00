import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { Email, Flag, FreeText, Instant, Text, Uuid } from './field.decorators';
import { WeeklyHoursDto } from './hours.dto';

export class AbsenceDto {
  @Instant(true, 'first instant away')
  start!: string;

  @Instant(true, 'back from this instant')
  end!: string;

  @FreeText(200, false, 'Urlaub')
  reason?: string;
}

export class CreateStaffDto {
  @Uuid()
  branchId!: string;

  @Text(150, true, 'Anna')
  name!: string;

  @Email(false)
  email?: string;

  @Flag(false, 'default true')
  active?: boolean;

  @ApiProperty({ type: [String], format: 'uuid', required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds?: string[];

  @ApiProperty({
    type: WeeklyHoursDto,
    required: false,
    nullable: true,
    description: 'absent or null: works whenever the branch is open',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeeklyHoursDto)
  workingHours?: WeeklyHoursDto | null;

  @ApiProperty({ type: [AbsenceDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AbsenceDto)
  absences?: AbsenceDto[];
}

export class UpdateStaffDto extends PartialType(CreateStaffDto) {}

export class MergeStaffDto {
  @Uuid(true, 'the record that stays')
  keepId!: string;

  @Uuid(true, 'the record folded into it and deactivated')
  mergeId!: string;
}
