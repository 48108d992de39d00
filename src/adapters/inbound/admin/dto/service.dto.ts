import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  Max,
  Min,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Flag, stripHtml, Text, WholeNumber } from './field.decorators';

export class SegmentDto {
  @Text(80, false, 'Einwirken')
  label?: string;

  @WholeNumber(5, 480)
  minutes!: number;

  @Flag(true, 'false: processing time, the stylist is free for someone else')
  staffBusy!: boolean;
}

export class CreateServiceDto {
  @Text(150, true, 'Dauerwelle')
  name!: string;

  @ApiProperty({ type: [String], required: false, example: ['Dauerwellen', 'Locken'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(({ value }) => (Array.isArray(value) ? value.map(stripHtml) : value))
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(150, { each: true })
  synonyms?: string[];

  @ApiProperty({ required: false, minimum: 15, maximum: 480, description: 'simple service' })
  @ValidateIf((o: CreateServiceDto) => o.segments === undefined)
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes?: number;

  @ApiProperty({ type: [SegmentDto], required: false, description: 'composite service' })
  @ValidateIf((o: CreateServiceDto) => o.durationMinutes === undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SegmentDto)
  segments?: SegmentDto[];

  @WholeNumber(0, 120, false)
  bufferAfterMinutes?: number;

  @WholeNumber(0, 43_200, false)
  minNoticeMinutes?: number;

  @WholeNumber(1, 730, false)
  bookingHorizonDays?: number;

  @Flag(false)
  active?: boolean;
}

export class UpdateServiceDto extends PartialType(CreateServiceDto) {}
