import { DataSource } from 'typeorm';
import { RetellKeys } from '../../../../application/ports/retell-keys.port';
import { CredentialCipher } from '../credential-cipher';
import { ExpiringMemo } from '../../../../domain/shared/expiring-memo';
import { StoredRetellKeyRow } from './typeorm-retell-keys.rows';

const TTL_MS = 30_000;

/** Company Retell keys, AES-GCM encrypted at rest, kept decrypted in memory for 30 s. */
export class TypeOrmRetellKeys implements RetellKeys {
  private readonly keys = new ExpiringMemo<string | null>(TTL_MS);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher | null,
  ) {}

  keyForCompany(companyId: string): Promise<string | null> {
    return this.keys.get(companyId, () => this.load(companyId));
  }

  async setKeyForCompany(companyId: string, apiKey: string | null): Promise<boolean> {
    if (apiKey !== null && !this.cipher) return false;
    await this.dataSource.query(
      `UPDATE companies SET retell_api_key_encrypted = $2 WHERE id = $1`,
      [companyId, apiKey === null ? null : this.cipher!.encrypt(apiKey)],
    );
    this.keys.delete(companyId);
    return true;
  }

  private async load(companyId: string): Promise<string | null> {
    const rows: StoredRetellKeyRow[] = await this.dataSource.query(
      `SELECT retell_api_key_encrypted AS k FROM companies WHERE id = $1`,
      [companyId],
    );
    const stored = rows[0]?.k;
    if (!stored) return null;
    // A key that cannot be decrypted (ENCRYPTION_KEY changed) verifies nothing: fail closed.
    if (!this.cipher) return '\u0000unreadable';
    try {
      return this.cipher.decrypt(stored);
    } catch {
      return '\u0000unreadable';
    }
  }
}
