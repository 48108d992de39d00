import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from './page.response';

export class CompanyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const CompanyPageResponse = PageOf(CompanyResponse, 'CompanyPageResponse');
