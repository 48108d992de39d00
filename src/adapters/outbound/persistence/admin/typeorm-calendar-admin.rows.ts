import {
  CredentialView,
  MappingView,
} from '../../../../application/admin/ports/calendar-admin.port';

/** `calcom_credentials`, secrets still encrypted. */
export interface CredentialRow {
  id: string;
  company_id: string;
  label: string;
  base_url: string | null;
  api_key_encrypted: string;
  webhook_secret_encrypted: string | null;
  created_at: Date;
  rotated_at: Date | null;
}

/** `calcom_mappings`; bigint ids come as text. */
export interface MappingRow {
  id: string;
  company_id: string;
  credential_id: string;
  service_id: string;
  segment_sequence: number | null;
  staff_id: string;
  event_type_id: string;
  calcom_user_id: string | null;
}

/** `hint` shows enough of the decrypted key to recognise it. */
export const toCredentialView = (
  r: CredentialRow,
  hint: (encrypted: string) => string,
): CredentialView => ({
  id: r.id,
  companyId: r.company_id,
  label: r.label,
  baseUrl: r.base_url,
  apiKeyHint: hint(r.api_key_encrypted),
  hasWebhookSecret: r.webhook_secret_encrypted !== null,
  createdAt: r.created_at,
  rotatedAt: r.rotated_at,
});

export const toMappingView = (r: MappingRow): MappingView => ({
  id: r.id,
  companyId: r.company_id,
  credentialId: r.credential_id,
  serviceId: r.service_id,
  segmentSequence: r.segment_sequence,
  staffId: r.staff_id,
  eventTypeId: Number(r.event_type_id),
  calcomUserId: r.calcom_user_id === null ? null : Number(r.calcom_user_id),
});
