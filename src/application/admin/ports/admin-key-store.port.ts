import { Page, PageRequest } from '../page';

export const ADMIN_KEY_STORE = Symbol('AdminKeyStore');

export interface AdminKeyView {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  /** The public part of the key, to tell keys apart; the secret is never stored. */
  readonly prefix: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface StoredAdminKey extends AdminKeyView {
  /** SHA-256 of the whole key, hex. */
  readonly hash: string;
}

/** Admin API keys: one company each, stored as a hash with a lookup prefix. */
export interface AdminKeyStore {
  add(key: {
    companyId: string;
    name: string;
    prefix: string;
    hash: string;
  }): Promise<AdminKeyView>;
  findByPrefix(prefix: string): Promise<StoredAdminKey | null>;
  list(companyId: string, page: PageRequest): Promise<Page<AdminKeyView>>;
  /** Null when the company has no such key; revoking twice keeps the first time. */
  revoke(companyId: string, id: string, at: Date): Promise<AdminKeyView | null>;
  touch(id: string, at: Date): Promise<void>;
}
