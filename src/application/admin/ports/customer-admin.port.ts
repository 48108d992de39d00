import { Page, PageRequest } from '../page';

export const CUSTOMER_ADMIN = Symbol('CustomerAdmin');

export interface CustomerView {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string | null;
  readonly recognitionConsent: boolean;
  /** When and on which call the customer agreed to be recognised (null: staff set it, or none). */
  readonly consentGivenAt: Date | null;
  readonly consentCallId: string | null;
  readonly createdAt: Date;
}

export interface CustomerAdmin {
  find(companyId: string, id: string): Promise<CustomerView | null>;
  list(
    companyId: string,
    filter: { phone?: string },
    page: PageRequest,
  ): Promise<Page<CustomerView>>;
}
