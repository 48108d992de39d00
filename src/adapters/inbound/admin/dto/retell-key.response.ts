import { ApiProperty } from '@nestjs/swagger';

export class RetellKeyStateResponse {
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ description: "false: the service-wide RETELL_API_KEY checks this salon's calls" })
  ownRetellKey!: boolean;
}
