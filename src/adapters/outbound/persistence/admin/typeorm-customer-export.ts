import { EntityManager } from 'typeorm';
import {
  CustomerExport,
  ExportedAuditEntry,
  ExportedCall,
  ExportedCallerMessage,
  ExportedConsentChange,
} from '../../../../application/admin/ports/customer-export.port';
import { IdRow } from '../shared.rows';
import {
  ExportedAuditRow,
  ExportedCallRow,
  ExportedConsentRow,
  ExportedMessageRow,
  ExportedTraceRow,
  toExportedAuditEntry,
  toExportedCall,
  toExportedCallerMessage,
  toExportedConsentChange,
} from './typeorm-customer-export.rows';

/** The calls of a customer: from their number (digits compared), or that booked for them. */
export const CUSTOMER_CALLS = `
  SELECT c.* FROM calls c
   WHERE c.company_id = $1
     AND (regexp_replace(coalesce(c.from_number, ''), '[^0-9]', '', 'g') = ANY($3::text[])
          OR c.id IN (SELECT a.call_id FROM appointments a
                       WHERE a.company_id = $1 AND a.customer_id = $2 AND a.call_id IS NOT NULL))`;

export class TypeOrmCustomerExport implements CustomerExport {
  constructor(private readonly m: EntityManager) {}

  async appointmentIds(companyId: string, customerId: string): Promise<string[]> {
    const rows: IdRow[] = await this.m.query(
      `SELECT id FROM appointments WHERE company_id = $1 AND customer_id = $2
        ORDER BY starts_at, id`,
      [companyId, customerId],
    );
    return rows.map((r) => r.id);
  }

  async calls(
    companyId: string,
    customerId: string,
    phoneDigitSpellings: readonly string[],
  ): Promise<ExportedCall[]> {
    const calls: ExportedCallRow[] = await this.m.query(
      `${CUSTOMER_CALLS} ORDER BY c.started_at, c.id`,
      [companyId, customerId, phoneDigitSpellings],
    );
    if (calls.length === 0) return [];
    const traces: ExportedTraceRow[] = await this.m.query(
      `SELECT call_id, function_name, redacted_args, latency_ms, outcome, at
         FROM call_function_traces WHERE call_id = ANY($1::varchar[]) ORDER BY at, id`,
      [calls.map((c) => c.id)],
    );
    return calls.map((c) => toExportedCall(c, traces));
  }

  async consentChanges(companyId: string, customerId: string): Promise<ExportedConsentChange[]> {
    const rows: ExportedConsentRow[] = await this.m.query(
      `SELECT given, source, call_id, recorded_at FROM customer_consent_log
        WHERE company_id = $1 AND customer_id = $2 ORDER BY recorded_at, id`,
      [companyId, customerId],
    );
    return rows.map(toExportedConsentChange);
  }

  async callerMessages(
    companyId: string,
    customerId: string,
    phoneDigitSpellings: readonly string[],
  ): Promise<ExportedCallerMessage[]> {
    const rows: ExportedMessageRow[] = await this.m.query(
      `SELECT kind, call_id, body, caller_name, callback_number, preferred_time, status, created_at
         FROM caller_messages
        WHERE company_id = $1
          AND (call_id IN (SELECT id FROM (${CUSTOMER_CALLS}) linked)
               OR regexp_replace(coalesce(callback_number, ''), '[^0-9]', '', 'g') = ANY($3::text[]))
        ORDER BY created_at, id`,
      [companyId, customerId, phoneDigitSpellings],
    );
    return rows.map(toExportedCallerMessage);
  }

  async audit(
    companyId: string,
    customerId: string,
    appointmentIds: readonly string[],
    callIds: readonly string[],
  ): Promise<ExportedAuditEntry[]> {
    const rows: ExportedAuditRow[] = await this.m.query(
      `SELECT at, actor, action, entity, entity_id, details FROM audit_log
        WHERE company_id = $1
          AND ((entity = 'customer' AND entity_id = $2)
               OR (entity = 'appointment' AND entity_id = ANY($3::varchar[]))
               OR actor = ANY($4::varchar[]))
        ORDER BY at, id`,
      [companyId, customerId, appointmentIds, callIds.map((id) => `call:${id}`)],
    );
    return rows.map(toExportedAuditEntry);
  }
}
