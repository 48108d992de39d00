import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RetellKeyDto {
  @ApiProperty({ description: 'the Retell API key with the webhook badge', example: 'key_…' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  @Matches(/^[\x21-\x7e]+$/, { message: '$property must be printable characters without spaces' })
  apiKey!: string;
}
