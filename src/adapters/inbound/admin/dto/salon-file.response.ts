import { ApiProperty } from '@nestjs/swagger';

const IDS_BY_KEY = {
  type: 'object' as const,
  additionalProperties: { type: 'string', format: 'uuid' },
};

export class SalonFileImportedResponse {
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ ...IDS_BY_KEY, description: "the new branches' ids by their key in the file" })
  branchIds!: Record<string, string>;
  @ApiProperty({ ...IDS_BY_KEY, description: "the new services' ids by their key in the file" })
  serviceIds!: Record<string, string>;
  @ApiProperty({ ...IDS_BY_KEY, description: "the new stylists' ids by their key in the file" })
  staffIds!: Record<string, string>;
}
