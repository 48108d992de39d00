import { isE164, isPlausibleEmail } from '../shared/contact-formats';
import { err, ok, Result } from '../shared/result';
import { InvalidCustomer, orThrow } from './salon.errors';

export interface CustomerProps {
  readonly id: string;
  readonly name: string;
  readonly companyId?: string;
  /** E.164, e.g. +493012345678 (normalised at the edge). */
  readonly phone: string;
  readonly email?: string;
  /** May the agent greet this caller by name from the caller ID? */
  readonly recognitionConsent: boolean;
}

export class Customer {
  private constructor(
    readonly id: string,
    readonly name: string,
    readonly companyId: string | undefined,
    readonly phone: string,
    readonly email: string | undefined,
    readonly recognitionConsent: boolean,
  ) {}

  static create(props: CustomerProps): Result<Customer, InvalidCustomer> {
    const name = props.name.trim();
    const email = props.email?.trim() || undefined;
    if (name.length === 0 || name.length > 150) {
      return err(new InvalidCustomer('name must be 1..150 characters'));
    }
    if (!isE164(props.phone)) {
      return err(new InvalidCustomer('phone must be E.164'));
    }
    if (email !== undefined && !isPlausibleEmail(email)) {
      return err(new InvalidCustomer('email is not plausible'));
    }
    return ok(
      new Customer(props.id, name, props.companyId, props.phone, email, props.recognitionConsent),
    );
  }

  static restore(props: CustomerProps): Customer {
    return orThrow(Customer.create(props));
  }

  /** Only with consent may a caller ID lead to greeting this customer by name. */
  mayBeRecognisedByPhone(): boolean {
    return this.recognitionConsent;
  }

  grantRecognitionConsent(): Customer {
    return this.with({ recognitionConsent: true });
  }

  withdrawRecognitionConsent(): Customer {
    return this.with({ recognitionConsent: false });
  }

  /** Name or email given on a later call; validated like a new record. */
  updateContact(contact: { name?: string; email?: string }): Result<Customer, InvalidCustomer> {
    return Customer.create({ ...this.props(), ...contact });
  }

  private with(change: Partial<CustomerProps>): Customer {
    return Customer.restore({ ...this.props(), ...change });
  }

  private props(): CustomerProps {
    return {
      id: this.id,
      name: this.name,
      companyId: this.companyId,
      phone: this.phone,
      email: this.email,
      recognitionConsent: this.recognitionConsent,
    };
  }
}
