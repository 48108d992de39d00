import { CustomerView } from '../../../../application/admin/ports/customer-admin.port';

export interface CustomerRow {
  id: string;
  company_id: string;
  name: string;
  phone_e164: string | null;
  email: string | null;
  recognition_consent: boolean;
  created_at: Date;
}

export const toCustomerView = (r: CustomerRow): CustomerView => ({
  id: r.id,
  companyId: r.company_id,
  name: r.name,
  phone: r.phone_e164 ?? '',
  email: r.email,
  recognitionConsent: r.recognition_consent,
  createdAt: r.created_at,
});
