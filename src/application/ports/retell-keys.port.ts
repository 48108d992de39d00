export const RETELL_KEYS = Symbol('RetellKeys');

/** Each salon may have its own Retell account; its key verifies its agent's requests. */
export interface RetellKeys {
  /** The company's own key, or null when it uses the service-wide RETELL_API_KEY. */
  keyForCompany(companyId: string): Promise<string | null>;
  /** Stores (encrypted) or removes the company's key; false when no ENCRYPTION_KEY is set. */
  setKeyForCompany(companyId: string, apiKey: string | null): Promise<boolean>;
}
