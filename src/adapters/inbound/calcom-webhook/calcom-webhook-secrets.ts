import type { CalendarEventSigner } from '../../../application/sync/calendar-event';
import { isSignedBy } from './calcom-signature';

/** Where the webhook secrets come from: CALCOM_WEBHOOK_SECRET and the tenants' own. */
export const CALCOM_WEBHOOK_SECRETS = Symbol('CalcomWebhookSecrets');

/** A secret and the tenant it belongs to; null for the operator's CALCOM_WEBHOOK_SECRET. */
export interface WebhookSecret {
  readonly companyId: string | null;
  readonly secret: string;
}

export type WebhookSecrets = () => Promise<readonly WebhookSecret[]>;

/** The tenants' own secrets, as the calendar credentials keep them (decrypted). */
export interface TenantWebhookSecrets {
  webhookSecrets(): Promise<ReadonlyArray<{ companyId: string; secret: string }>>;
}

/**
 * Who signed the raw body: the operator, or the tenants whose secret matches (more than one
 * only when tenants share a secret). Null when no secret matches. Every secret is tried, so the
 * answer does not depend on their order.
 */
export function signerOf(
  rawBody: Buffer,
  signature: string,
  secrets: readonly WebhookSecret[],
): CalendarEventSigner | null {
  const matching = secrets.filter((s) => isSignedBy(rawBody, signature, s.secret));
  if (matching.length === 0) return null;
  if (matching.some((s) => s.companyId === null)) return { kind: 'operator' };
  return {
    kind: 'tenants',
    companyIds: [...new Set(matching.map((s) => s.companyId as string))],
  };
}
