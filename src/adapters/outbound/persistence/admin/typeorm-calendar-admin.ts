import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  CalendarAdmin,
  CredentialView,
  MappingData,
  MappingView,
  NewCredential,
} from '../../../../application/admin/ports/calendar-admin.port';
import { CredentialCipher } from '../credential-cipher';
import { CountRow } from '../shared.rows';
import { affected, unlessDuplicate } from './sql-helpers';
import {
  CredentialRow,
  MappingRow,
  toCredentialView,
  toMappingView,
} from './typeorm-calendar-admin.rows';

/** Secrets are encrypted with AES-256-GCM (ENCRYPTION_KEY) before they reach a row. */
export class TypeOrmCalendarAdmin implements CalendarAdmin {
  constructor(
    private readonly m: EntityManager,
    private readonly cipher: CredentialCipher | null,
  ) {}

  canStoreSecrets(): boolean {
    return this.cipher !== null;
  }

  async addCredential(companyId: string, c: NewCredential): Promise<CredentialView> {
    if (!this.cipher) throw new Error('no encryption key: credentials are not stored');
    const [row]: CredentialRow[] = await this.m.query(
      `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted, webhook_secret_encrypted)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [
        companyId,
        c.label,
        c.baseUrl,
        this.cipher.encrypt(c.apiKey),
        c.webhookSecret === null ? null : this.cipher.encrypt(c.webhookSecret),
      ],
    );
    return this.credentialView(row);
  }

  async listCredentials(companyId: string, page: PageRequest): Promise<Page<CredentialView>> {
    const rows: CredentialRow[] = await this.m.query(
      `SELECT * FROM calcom_credentials WHERE company_id = $1 AND removed_at IS NULL
        ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM calcom_credentials WHERE company_id = $1 AND removed_at IS NULL`,
      [companyId],
    );
    return pageOf(
      rows.map((r) => this.credentialView(r)),
      n,
      page,
    );
  }

  async credentialExists(companyId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `SELECT 1 FROM calcom_credentials WHERE id = $1 AND company_id = $2 AND removed_at IS NULL`,
      [id, companyId],
    );
    return rows.length > 0;
  }

  async addMapping(companyId: string, d: MappingData): Promise<MappingView | null> {
    return unlessDuplicate(this.m, async (m) => {
      const [row]: MappingRow[] = await m.query(
        `INSERT INTO calcom_mappings(company_id, credential_id, service_id, segment_sequence, staff_id, event_type_id, calcom_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          companyId,
          d.credentialId,
          d.serviceId,
          d.segmentSequence,
          d.staffId,
          d.eventTypeId,
          d.calcomUserId,
        ],
      );
      return toMappingView(row);
    });
  }

  async listMappings(companyId: string, page: PageRequest): Promise<Page<MappingView>> {
    const rows: MappingRow[] = await this.m.query(
      `SELECT * FROM calcom_mappings WHERE company_id = $1
        ORDER BY staff_id, service_id, segment_sequence NULLS FIRST, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM calcom_mappings WHERE company_id = $1`,
      [companyId],
    );
    return pageOf(rows.map(toMappingView), n, page);
  }

  async removeMapping(companyId: string, id: string): Promise<boolean> {
    const result: unknown = await this.m.query(
      `DELETE FROM calcom_mappings WHERE id = $1 AND company_id = $2`,
      [id, companyId],
    );
    return affected(result) > 0;
  }

  async removeCredential(
    companyId: string,
    id: string,
    at: Date,
  ): Promise<{ mappings: number } | null> {
    const removed: unknown = await this.m.query(
      `UPDATE calcom_credentials
          SET api_key_encrypted = NULL, webhook_secret_encrypted = NULL, removed_at = $3
        WHERE id = $1 AND company_id = $2 AND removed_at IS NULL`,
      [id, companyId, at],
    );
    if (affected(removed) === 0) return null;
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM calcom_mappings WHERE credential_id = $1`,
      [id],
    );
    return { mappings: n };
  }

  async rotateCredential(
    companyId: string,
    id: string,
    secrets: { apiKey: string; webhookSecret: string | null },
    at: Date,
  ): Promise<CredentialView | null> {
    if (!this.cipher) throw new Error('no encryption key: credentials are not stored');
    const [rows]: [CredentialRow[]] = await this.m.query(
      `UPDATE calcom_credentials
          SET api_key_encrypted = $3,
              webhook_secret_encrypted = COALESCE($4, webhook_secret_encrypted),
              rotated_at = $5
        WHERE id = $1 AND company_id = $2 AND removed_at IS NULL
        RETURNING *`,
      [
        id,
        companyId,
        this.cipher.encrypt(secrets.apiKey),
        secrets.webhookSecret === null ? null : this.cipher.encrypt(secrets.webhookSecret),
        at,
      ],
    );
    return rows.length > 0 ? this.credentialView(rows[0]) : null;
  }

  private credentialView(r: CredentialRow): CredentialView {
    return toCredentialView(r, (encrypted) => this.hint(encrypted));
  }

  /** The last four characters, enough to recognise a key, never enough to use it. */
  private hint(encrypted: string): string {
    if (!this.cipher) return '(encrypted)';
    try {
      const plain = this.cipher.decrypt(encrypted);
      return plain.length > 8 ? `…${plain.slice(-4)}` : '…';
    } catch {
      return '(unreadable)';
    }
  }
}
