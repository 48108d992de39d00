import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from './page.response';

export class CustomerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'E.164' }) phone!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() recognitionConsent!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const CustomerPageResponse = PageOf(CustomerResponse, 'CustomerPageResponse');
