import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { E164, Email, Flag, NonNullFlag, PhoneE164, Text, WholeNumber } from './field.decorators';
import { WeeklyHoursDto } from './hours.dto';

const SPLIT_VISITS =
  'default false; true: when no one stylist can do every service of a visit at the time asked, its services may go to different stylists (one appointment)';

export class CreateBranchDto {
  @Text(150, true, 'Salon Haarmonie Berlin-Mitte')
  name!: string;

  @ApiProperty({ required: false, default: 'Europe/Berlin', example: 'Europe/Berlin' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  timeZone?: string;

  @ApiProperty({ required: false, default: 'DE', pattern: '^[A-Z]{2}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter country code' })
  country?: string;

  @WholeNumber(5, 60, false, 'grid offered starts sit on (default 15)')
  slotGranularityMinutes?: number;

  @Text(100, false)
  retellAgentId?: string;

  @ApiProperty({ type: [String], required: false, example: ['+4930901820'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(E164, { each: true, message: 'each of $property must be an E.164 number' })
  phoneNumbers?: string[];

  @ApiProperty({ type: WeeklyHoursDto })
  @IsDefined({ message: '$property is required (days without hours are closed)' })
  @IsObject()
  @ValidateNested()
  @Type(() => WeeklyHoursDto)
  openingHours!: WeeklyHoursDto;

  @ApiProperty({ type: [String], required: false, example: ['2026-12-24'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each of $property must be yyyy-MM-dd' })
  closedDates?: string[];

  @Flag(false, 'default true; false: its numbers do not answer and nothing is booked there')
  active?: boolean;

  @NonNullFlag(SPLIT_VISITS)
  splitVisits?: boolean;

  @Email(false)
  @ApiProperty({
    type: String,
    format: 'email',
    nullable: true,
    required: false,
    description: "where callers' messages are sent; null: kept in the admin API only",
  })
  email?: string | null;

  @PhoneE164(false)
  @ApiProperty({
    type: String,
    nullable: true,
    required: false,
    example: '+4930901821',
    description: 'a person at the salon (not a number the agent answers); null: no transfer',
  })
  transferNumber?: string | null;
}

export class UpdateBranchDto extends PartialType(
  OmitType(CreateBranchDto, ['splitVisits'] as const),
) {
  @NonNullFlag(SPLIT_VISITS)
  splitVisits?: boolean;
}
