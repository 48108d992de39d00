import { ApiProperty } from '@nestjs/swagger';
import { CredentialResponse } from './calcom-rotation.dto';
import { PageOf } from './page.response';

export const CredentialPageResponse = PageOf(CredentialResponse, 'CredentialPageResponse');

export class MappingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ format: 'uuid' }) credentialId!: string;
  @ApiProperty({ format: 'uuid' }) serviceId!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the segment of a multi-part service; null: the whole service',
  })
  segmentSequence!: number | null;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ type: 'integer' }) eventTypeId!: number;
  @ApiProperty({ type: 'integer', nullable: true }) calcomUserId!: number | null;
}

export const MappingPageResponse = PageOf(MappingResponse, 'MappingPageResponse');

export class MappingRemovedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
