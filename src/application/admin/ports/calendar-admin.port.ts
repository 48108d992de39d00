import { Page, PageRequest } from '../page';

export const CALENDAR_ADMIN = Symbol('CalendarAdmin');

/** What the API shows of a stored credential: never the secret, only its last characters. */
export interface CredentialView {
  readonly id: string;
  readonly companyId: string;
  readonly label: string;
  readonly baseUrl: string | null;
  readonly apiKeyHint: string;
  readonly hasWebhookSecret: boolean;
  readonly createdAt: Date;
  /** When its key was last replaced; null when never. */
  readonly rotatedAt: Date | null;
}

export interface NewCredential {
  readonly label: string;
  readonly apiKey: string;
  readonly webhookSecret: string | null;
  readonly baseUrl: string | null;
}

export interface MappingData {
  readonly credentialId: string;
  readonly serviceId: string;
  /** 0-based segment of a composite service; null: the whole service. */
  readonly segmentSequence: number | null;
  readonly staffId: string;
  readonly eventTypeId: number;
  readonly calcomUserId: number | null;
}

export interface MappingView extends MappingData {
  readonly id: string;
  readonly companyId: string;
}

/** Cal.com accounts (secrets encrypted at rest) and event-type mappings of one company. */
export interface CalendarAdmin {
  /** False when no encryption key is configured: secrets are then never stored. */
  canStoreSecrets(): boolean;
  addCredential(companyId: string, credential: NewCredential): Promise<CredentialView>;
  listCredentials(companyId: string, page: PageRequest): Promise<Page<CredentialView>>;
  credentialExists(companyId: string, id: string): Promise<boolean>;
  /** Null when this service/segment/stylist is mapped already. */
  addMapping(companyId: string, mapping: MappingData): Promise<MappingView | null>;
  listMappings(companyId: string, page: PageRequest): Promise<Page<MappingView>>;
  removeMapping(companyId: string, id: string): Promise<boolean>;
  /**
   * Wipes the credential's secrets and marks it removed; its mappings stay, inactive (they name
   * a credential that resolves to nothing). Null when the company has no such live credential.
   */
  removeCredential(companyId: string, id: string, at: Date): Promise<{ mappings: number } | null>;
  /** Replaces the API key (and the webhook secret when given) in place. */
  rotateCredential(
    companyId: string,
    id: string,
    secrets: { apiKey: string; webhookSecret: string | null },
    at: Date,
  ): Promise<CredentialView | null>;
}
