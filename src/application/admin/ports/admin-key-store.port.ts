import { KeyRole } from '../access/key-role';
import { Page, PageRequest } from '../page';

export const ADMIN_KEY_STORE = Symbol('AdminKeyStore');

export interface AdminKeyView {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  /** The public part of the key, to tell keys apart; the secret is never stored. */
  readonly prefix: string;
  readonly role: KeyRole;
  /** The key that created this one; null when the bootstrap key did (or for keys of old). */
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface StoredAdminKey extends AdminKeyView {
  /** SHA-256 of the whole key, hex. */
  readonly hash: string;
}

export interface NewAdminKey {
  readonly companyId: string;
  readonly name: string;
  readonly prefix: string;
  readonly hash: string;
  readonly role: KeyRole;
  readonly createdBy: string | null;
}

export interface RevokedKeys {
  readonly key: AdminKeyView;
  /** Keys it created, and theirs, that were still active and are revoked with it. */
  readonly descendants: AdminKeyView[];
}

/** Admin API keys: one company each, stored as a hash with a lookup prefix. */
export interface AdminKeyStore {
  add(key: NewAdminKey): Promise<AdminKeyView>;
  findByPrefix(prefix: string): Promise<StoredAdminKey | null>;
  list(companyId: string, page: PageRequest): Promise<Page<AdminKeyView>>;
  /**
   * True when the key is still active; it then stays so until the transaction ends, so a key
   * being revoked at the same moment cannot leave a freshly created child behind.
   */
  holdActive(companyId: string, id: string): Promise<boolean>;
  /**
   * Revokes the key and every key it created, transitively. Null when the company has no such
   * key; revoking twice keeps the first time (and revokes descendants still active).
   */
  revoke(companyId: string, id: string, at: Date): Promise<RevokedKeys | null>;
  touch(id: string, at: Date): Promise<void>;
}
