import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from './page.response';

export class CustomerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'E.164' }) phone!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ description: 'may the agent greet this customer by name from the caller ID' })
  recognitionConsent!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the customer agreed on a call (null when staff set it, or no consent)',
  })
  consentGivenAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the call the consent was given on' })
  consentCallId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const CustomerPageResponse = PageOf(CustomerResponse, 'CustomerPageResponse');
