import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from './page.response';

export class SegmentResponse {
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty({ type: 'integer' }) minutes!: number;
  @ApiProperty({ description: 'false: the stylist is free meanwhile (e.g. colour acting)' })
  staffBusy!: boolean;
}

export class ServiceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) synonyms!: string[];
  @ApiProperty({ type: [SegmentResponse] }) segments!: SegmentResponse[];
  @ApiProperty({ type: 'integer' }) bufferAfterMinutes!: number;
  @ApiProperty({ type: 'integer' }) minNoticeMinutes!: number;
  @ApiProperty({ type: 'integer' }) bookingHorizonDays!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'what the service includes' })
  description!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'price in cents (lowest of a range)',
  })
  priceMinCents!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'highest price in cents' })
  priceMaxCents!: number | null;
  @ApiProperty({
    description:
      'in a visit of several services, done inside an earlier service’s processing time ' +
      '(a wash while a colour takes) instead of after it; set in the salon file',
  })
  duringProcessing!: boolean;
}

export const ServicePageResponse = PageOf(ServiceResponse, 'ServicePageResponse');
