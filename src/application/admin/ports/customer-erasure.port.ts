import { CustomerMentions } from '../../../domain/salon/customer-mentions';

export interface ErasableCustomer {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly erasedAt: Date | null;
}

/** What an erasure changed besides the customer row, counted for the answer. */
export interface ErasureCounts {
  readonly calls: number;
  readonly rewrittenRows: number;
}

/**
 * Erasing one customer's personal data (GDPR Art. 17) wherever it was stored. Bound to a
 * transaction: the erasure, the cancellations and the audit line commit together.
 */
export interface CustomerErasure {
  /** The customer, erased or not, locked until the transaction ends; null when not the company's. */
  lockCustomer(companyId: string, customerId: string): Promise<ErasableCustomer | null>;
  /**
   * Anonymises the customer row, clears the number and the traced arguments of the calls made
   * from their number or that booked for them, drops personal keys of their appointments
   * (idempotency key, sync error) and their own audit details, and erases every remaining
   * mention in the company's stored free text (audit details, call analyses and traces, sync
   * errors). Appointments stay as anonymous statistics.
   */
  erase(
    companyId: string,
    customerId: string,
    mentions: CustomerMentions,
    at: Date,
  ): Promise<ErasureCounts>;
}
