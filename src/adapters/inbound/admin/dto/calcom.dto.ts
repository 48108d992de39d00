import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { Text, Uuid, WholeNumber } from './field.decorators';

const SECRET = /^\S+$/;

export class CreateCredentialDto {
  @Text(100, true, 'main account')
  label!: string;

  @ApiProperty({ writeOnly: true, description: 'stored encrypted, never returned' })
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  @Matches(SECRET, { message: '$property must not contain spaces' })
  apiKey!: string;

  @ApiProperty({ required: false, writeOnly: true })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  @Matches(SECRET, { message: '$property must not contain spaces' })
  webhookSecret?: string;

  @ApiProperty({
    required: false,
    example: 'https://api.cal.eu',
    description:
      'https:// host resolving to public addresses only, optional plain path; no credentials, query or fragment. Hosts in CALCOM_ALLOWED_HOSTS may be private and use http.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  baseUrl?: string;
}

export class CreateMappingDto {
  @Uuid()
  credentialId!: string;

  @Uuid()
  serviceId!: string;

  @WholeNumber(0, 50, false, '0-based segment of a composite service; absent: whole service')
  segmentSequence?: number;

  @Uuid()
  staffId!: string;

  @WholeNumber(1, 2_147_483_647)
  eventTypeId!: number;

  @WholeNumber(1, 2_147_483_647, false)
  calcomUserId?: number;
}
