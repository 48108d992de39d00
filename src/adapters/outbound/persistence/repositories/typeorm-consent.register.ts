import { EntityManager } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import {
  ConsentChange,
  ConsentRegister,
} from '../../../../application/ports/consent-register.port';

/**
 * One statement: the customers' consent changes and its log rows are written together (the
 * log table: migration 1796630470036). Another company's or an erased customer changes nothing.
 */
export class TypeOrmConsentRegister implements ConsentRegister {
  constructor(private readonly m: EntityManager) {}

  async record(
    scope: TenantScope,
    customerIds: readonly string[],
    change: ConsentChange,
  ): Promise<number> {
    if (customerIds.length === 0) return 0;
    const rows: unknown[] = await this.m.query(
      `WITH changed AS (
         UPDATE customers
            SET recognition_consent = $3,
                consent_given_at = CASE WHEN $3 THEN $5::timestamptz END,
                consent_call_id = CASE WHEN $3 THEN $4::varchar END
          WHERE company_id = $1 AND id = ANY($2::uuid[]) AND erased_at IS NULL
          RETURNING id)
       INSERT INTO customer_consent_log
              (company_id, customer_id, given, source, call_id, recorded_at)
       SELECT $1, id, $3, $6, $4, $5 FROM changed
       RETURNING customer_id`,
      [scope.companyId, [...customerIds], change.given, change.callId, change.at, change.source],
    );
    return rows.length;
  }
}
