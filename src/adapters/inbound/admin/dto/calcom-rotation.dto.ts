import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const SECRET = /^\S+$/;

/** New secrets for a Cal.com credential; they replace the old ones in place. */
export class RotateCredentialDto {
  @ApiProperty({
    writeOnly: true,
    description: 'the new API key; stored encrypted, never returned',
  })
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  @Matches(SECRET, { message: '$property must not contain spaces' })
  apiKey!: string;

  @ApiProperty({
    required: false,
    writeOnly: true,
    description: 'the new webhook secret; absent: the stored one stays',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  @Matches(SECRET, { message: '$property must not contain spaces' })
  webhookSecret?: string;
}

export class CredentialRemovedResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    description:
      'mappings naming the credential: kept but inactive (their syncs fail as lacking a credential and go to manual review) until re-mapped',
  })
  inactiveMappings!: number;
}

export class CredentialResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, nullable: true }) baseUrl!: string | null;
  @ApiProperty({ description: 'the last four characters of the key' }) apiKeyHint!: string;
  @ApiProperty() hasWebhookSecret!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rotatedAt!: string | null;
}
