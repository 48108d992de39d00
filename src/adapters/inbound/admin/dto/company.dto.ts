import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Text } from './field.decorators';

export class CreateCompanyDto {
  @Text(150, true, 'Salon Haarmonie')
  name!: string;

  @ApiProperty({ example: 'haarmonie', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
    message: '$property must be lower-case letters, digits, - or _',
  })
  slug!: string;
}
