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
}
