import { applyDecorators } from '@nestjs/common';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { PRICE_MAX_CENTS } from '../../../../domain/salon/service-price';
import { Flag, stripHtml, Text, WholeNumber } from './field.decorators';

export class SegmentDto {
  @Text(80, false, 'Einwirken')
  label?: string;

  @WholeNumber(5, 480)
  minutes!: number;

  @Flag(true, 'false: processing time, the stylist is free for someone else')
  staffBusy!: boolean;
}

/**
 * The mark for a service done inside an earlier one's processing time. Null is refused, not
 * skipped (as IsOptional would): "no answer" is not "false", and a silent no-op would leave the
 * operator believing the mark was cleared.
 */
function DuringProcessing() {
  return applyDecorators(
    ApiProperty({
      type: Boolean,
      required: false,
      default: false,
      description:
        'true: in a visit of several services this one (a wash, a treatment) is done by the ' +
        "same stylist inside an earlier service's processing time, when its whole span (its own " +
        'processing time included) fits there; otherwise it follows the others',
    }),
    ValidateIf((o: { duringProcessing?: unknown }) => o.duringProcessing !== undefined),
    IsBoolean(),
  );
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

  @DuringProcessing()
  duringProcessing?: boolean;

  @Text(300, false, 'Waschen, Schneiden und Föhnen, mit Beratung')
  @ApiProperty({
    type: String,
    nullable: true,
    required: false,
    maxLength: 300,
    description: 'what the service includes, read to callers who ask; null clears it',
  })
  description?: string | null;

  @WholeNumber(0, PRICE_MAX_CENTS, false)
  @ApiProperty({
    type: 'integer',
    nullable: true,
    required: false,
    minimum: 0,
    maximum: PRICE_MAX_CENTS,
    example: 4500,
    description: 'price in cents, or the lowest of a range; null (with the highest) clears it',
  })
  priceMinCents?: number | null;

  @WholeNumber(0, PRICE_MAX_CENTS, false)
  @ApiProperty({
    type: 'integer',
    nullable: true,
    required: false,
    minimum: 0,
    maximum: PRICE_MAX_CENTS,
    example: 6000,
    description: 'highest price of a range in cents (at least priceMinCents); omitted: one price',
  })
  priceMaxCents?: number | null;
}

/** PartialType makes every field optional, null included; the mark stays strict. */
export class UpdateServiceDto extends PartialType(
  OmitType(CreateServiceDto, ['duringProcessing'] as const),
) {
  @DuringProcessing()
  duringProcessing?: boolean;
}
