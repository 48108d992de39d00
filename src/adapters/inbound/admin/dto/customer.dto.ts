import { PartialType } from '@nestjs/swagger';
import { Email, Flag, PhoneE164, Text } from './field.decorators';
import { PageQuery } from './page.query';

export class CreateCustomerDto {
  @Text(150, true, 'Petra Schmidt')
  name!: string;

  @PhoneE164()
  phone!: string;

  @Email(false)
  email?: string;

  @Flag(false, 'may the agent greet this caller by name from the caller ID (default false)')
  recognitionConsent?: boolean;
}

export class UpdateCustomerDto extends PartialType(CreateCustomerDto) {}

export class CustomerQuery extends PageQuery {
  @PhoneE164(false)
  phone?: string;
}
