import { ErasableCustomer } from '../../../../application/admin/ports/customer-erasure.port';

/** The customer's identifying columns, read under its lock. */
export interface ErasableCustomerRow {
  id: string;
  name: string;
  phone_e164: string | null;
  email: string | null;
  erased_at: Date | null;
}

/** A free-text value that may mention the customer, keyed by its row's id as text. */
export interface FreeTextRow {
  key: string;
  value: unknown;
}

export const toErasableCustomer = (row: ErasableCustomerRow): ErasableCustomer => ({
  id: row.id,
  name: row.name,
  phone: row.phone_e164,
  email: row.email,
  erasedAt: row.erased_at,
});
