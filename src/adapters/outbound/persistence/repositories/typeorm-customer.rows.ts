import { Customer } from '../../../../domain/salon/customer';

/** A customer's columns as the customer repository reads them. */
export interface CustomerRow {
  readonly id: string;
  readonly company_id: string;
  readonly name: string;
  readonly phone_e164: string | null;
  readonly email: string | null;
  readonly recognition_consent: boolean;
}

export const customerFromRow = (r: CustomerRow): Customer =>
  Customer.restore({
    id: r.id,
    companyId: r.company_id,
    name: r.name,
    phone: r.phone_e164 ?? '',
    email: r.email ?? undefined,
    recognitionConsent: r.recognition_consent,
  });
