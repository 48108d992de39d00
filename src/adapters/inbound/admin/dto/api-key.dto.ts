import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { KEY_ROLES, KeyRole } from '../../../../application/admin/access/key-role';
import { Text } from './field.decorators';

export class CreateApiKeyDto {
  @Text(100, true, 'front desk')
  name!: string;

  @ApiProperty({
    required: false,
    enum: KEY_ROLES,
    description:
      'owner: may also create and revoke keys; operator: everything else. Defaults to owner ' +
      'for the bootstrap key, to operator for an owner key.',
  })
  @IsOptional()
  @IsIn(KEY_ROLES)
  role?: KeyRole;
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the public part of the key, to tell keys apart' })
  prefix!: string;
  @ApiProperty({ enum: KEY_ROLES }) role!: KeyRole;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the key that created this one; null for the bootstrap key',
  })
  createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the key was last presented with success',
  })
  lastUsedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'the key itself, shown this once; only its hash is stored' })
  key!: string;
}

export class RevokedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    type: [String],
    description: 'keys this one had created (and theirs) that were revoked with it',
  })
  alsoRevoked!: string[];
}

export class ApiKeyPageResponse {
  @ApiProperty({ type: [ApiKeyResponse] }) items!: ApiKeyResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
