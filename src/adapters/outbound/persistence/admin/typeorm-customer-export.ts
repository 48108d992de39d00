import { EntityManager } from 'typeorm';
import {
  CustomerExport,
  ExportedAuditEntry,
  ExportedCall,
} from '../../../../application/admin/ports/customer-export.port';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

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
    const rows: Array<{ id: string }> = await this.m.query(
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
    const calls = await this.m.query(`${CUSTOMER_CALLS} ORDER BY c.started_at, c.id`, [
      companyId,
      customerId,
      phoneDigitSpellings,
    ]);
    if (calls.length === 0) return [];
    const traces = await this.m.query(
      `SELECT call_id, function_name, redacted_args, latency_ms, outcome, at
         FROM call_function_traces WHERE call_id = ANY($1::varchar[]) ORDER BY at, id`,
      [calls.map((c: { id: string }) => c.id)],
    );
    return calls.map((c: Record<string, unknown>) => ({
      id: c.id as string,
      branchId: (c.branch_id as string | null) ?? null,
      fromNumber: (c.from_number as string | null) ?? null,
      toNumber: (c.to_number as string | null) ?? null,
      status: c.status as string,
      startedAt: iso(c.started_at as Date | null),
      endedAt: iso(c.ended_at as Date | null),
      analysis: c.analysis ?? null,
      functionCalls: traces
        .filter((t: { call_id: string }) => t.call_id === c.id)
        .map((t: Record<string, unknown>) => ({
          name: t.function_name as string,
          args: t.redacted_args,
          latencyMs: t.latency_ms as number,
          outcome: t.outcome as string,
          at: iso(t.at as Date) as string,
        })),
    }));
  }

  async audit(
    companyId: string,
    customerId: string,
    appointmentIds: readonly string[],
    callIds: readonly string[],
  ): Promise<ExportedAuditEntry[]> {
    const rows = await this.m.query(
      `SELECT at, actor, action, entity, entity_id, details FROM audit_log
        WHERE company_id = $1
          AND ((entity = 'customer' AND entity_id = $2)
               OR (entity = 'appointment' AND entity_id = ANY($3::varchar[]))
               OR actor = ANY($4::varchar[]))
        ORDER BY at, id`,
      [companyId, customerId, appointmentIds, callIds.map((id) => `call:${id}`)],
    );
    return rows.map((r: Record<string, unknown>) => ({
      at: iso(r.at as Date) as string,
      actor: r.actor as string,
      action: r.action as string,
      entity: r.entity as string,
      entityId: (r.entity_id as string | null) ?? null,
      details: r.details,
    }));
  }
}
