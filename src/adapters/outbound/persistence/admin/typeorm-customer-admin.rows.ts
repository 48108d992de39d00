import { CustomerView } from '../../../../application/admin/ports/customer-admin.port';

export interface CustomerRow {
  id: string;
  company_id: string;
  name: string;
  phone_e164: string | null;
  email: string | null;
  recognition_consent: boolean;
  consent_given_at: Date | null;
  consent_call_id: string | null;
  created_at: Date;
}

export const toCustomerView = (r: CustomerRow): CustomerView => ({
  id: r.id,
  companyId: r.company_id,
  name: r.name,
  phone: r.phone_e164 ?? '',
  email: r.email,
  recognitionConsent: r.recognition_consent,
  // Given on a call (with its time and call id), or set by staff (no call): shown while it stands.
  consentGivenAt: r.recognition_consent ? r.consent_given_at : null,
  consentCallId: r.recognition_consent ? r.consent_call_id : null,
  createdAt: r.created_at,
});
