import { EntityManager } from 'typeorm';
import type { TenantScope } from '../../../../application/ports/appointment.repository.port';
import type {
  CalendarCredential,
  CalendarCredentialRef,
  CalendarCredentials,
} from '../../../../application/ports/calendar-gateway.port';
import type {
  CalendarMappingRepository,
  CalendarTarget,
  MappedStylist,
  TenantCalendar,
} from '../../../../application/ports/calendar-mapping.port';
import type { CredentialCipher } from '../credential-cipher';
import {
  CredentialKeyRow,
  MappedStylistRow,
  TargetMappingRow,
  TenantCalendarRow,
  toCalendarTarget,
  toMappedStylist,
  toTenantCalendar,
  WebhookSecretRow,
} from './typeorm-calendar-mapping.rows';

/**
 * Reads calcom_mappings. The credential reference is the calcom_credentials row id. A mapping's
 * `segment_sequence` is the service segment's stored sequence (0-based); phases count from 1.
 */
export class TypeOrmCalendarMappingRepository implements CalendarMappingRepository {
  constructor(private readonly m: EntityManager) {}

  async targetFor(
    scope: TenantScope,
    a: { serviceId: string; staffId: string; branchId: string | undefined },
  ): Promise<CalendarTarget | null> {
    const rows: TargetMappingRow[] = await this.m.query(
      `SELECT m.segment_sequence, m.event_type_id, m.credential_id, b.time_zone
         FROM calcom_mappings m
         JOIN staff s ON s.id = m.staff_id
         JOIN branches b ON b.id = COALESCE($4::uuid, s.branch_id)
        WHERE m.company_id = $1 AND m.service_id = $2 AND m.staff_id = $3`,
      [scope.companyId, a.serviceId, a.staffId, a.branchId ?? null],
    );
    return toCalendarTarget(rows);
  }

  async stylistForEventType(
    eventTypeId: number,
    within?: readonly string[],
  ): Promise<MappedStylist | null> {
    const rows: MappedStylistRow[] = await this.m.query(
      `SELECT m.company_id, m.staff_id, s.branch_id, m.credential_id
         FROM calcom_mappings m JOIN staff s ON s.id = m.staff_id
        WHERE m.event_type_id = $1 AND ($2::uuid[] IS NULL OR m.company_id = ANY($2::uuid[]))
        LIMIT 1`,
      [eventTypeId, within ? [...within] : null],
    );
    return rows.length === 0 ? null : toMappedStylist(rows[0]);
  }

  async tenantCalendars(): Promise<TenantCalendar[]> {
    const rows: TenantCalendarRow[] = await this.m.query(
      `SELECT company_id, credential_id, array_agg(DISTINCT event_type_id::text) AS ids
           FROM calcom_mappings GROUP BY company_id, credential_id`,
    );
    return rows.map(toTenantCalendar);
  }
}

/**
 * Resolves a credential reference (calcom_credentials id) to its decrypted key. Answers are
 * kept for `cacheMs` in memory only, so a sync does not read and decrypt the key per request.
 */
export class TypeOrmCalendarCredentials implements CalendarCredentials {
  private readonly cache = new Map<
    string,
    { at: number; value: Promise<CalendarCredential | null> }
  >();

  constructor(
    private readonly m: EntityManager,
    private readonly cipher: CredentialCipher | null,
    private readonly cacheMs = 30_000,
  ) {}

  resolve(ref: CalendarCredentialRef): Promise<CalendarCredential | null> {
    const hit = this.cache.get(ref);
    if (hit && Date.now() - hit.at < this.cacheMs) return hit.value;
    const value = this.load(ref);
    this.cache.set(ref, { at: Date.now(), value });
    value.catch(() => this.cache.delete(ref));
    return value;
  }

  /** Drops the cached answer: the credential was rotated or removed, the next call reads it. */
  forget(ref: CalendarCredentialRef): void {
    this.cache.delete(ref);
  }

  private async load(ref: CalendarCredentialRef): Promise<CalendarCredential | null> {
    if (!this.cipher || !/^[0-9a-f-]{36}$/i.test(ref)) return null;
    const rows: CredentialKeyRow[] = await this.m.query(
      `SELECT api_key_encrypted, base_url FROM calcom_credentials
        WHERE id = $1 AND removed_at IS NULL AND api_key_encrypted IS NOT NULL`,
      [ref],
    );
    if (rows.length === 0) return null;
    return {
      apiKey: this.cipher.decrypt(rows[0].api_key_encrypted),
      ...(rows[0].base_url ? { baseUrl: rows[0].base_url } : {}),
    };
  }

  /**
   * Decrypted webhook secret of every account that has one, with its tenant: a signature binds
   * the event to the tenant whose secret verified it.
   */
  async webhookSecrets(): Promise<Array<{ companyId: string; secret: string }>> {
    if (!this.cipher) return [];
    const rows: WebhookSecretRow[] = await this.m.query(
      `SELECT company_id AS c, webhook_secret_encrypted AS s
         FROM calcom_credentials WHERE webhook_secret_encrypted IS NOT NULL`,
    );
    return rows.map((r) => ({ companyId: r.c, secret: this.cipher!.decrypt(r.s) }));
  }
}
