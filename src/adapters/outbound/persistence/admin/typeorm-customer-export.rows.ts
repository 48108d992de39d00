import {
  ExportedAuditEntry,
  ExportedCall,
  ExportedCallerMessage,
  ExportedConsentChange,
} from '../../../../application/admin/ports/customer-export.port';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** The columns of `calls` an export shows. */
export interface ExportedCallRow {
  id: string;
  branch_id: string | null;
  from_number: string | null;
  to_number: string | null;
  status: string;
  started_at: Date | null;
  ended_at: Date | null;
  analysis: unknown;
}

export interface ExportedTraceRow {
  call_id: string;
  function_name: string;
  redacted_args: unknown;
  latency_ms: number;
  outcome: string;
  at: Date;
}

export interface ExportedAuditRow {
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: unknown;
}

/** The call with its traced function calls (`traces` holding every call's). */
export const toExportedCall = (
  c: ExportedCallRow,
  traces: readonly ExportedTraceRow[],
): ExportedCall => ({
  id: c.id,
  branchId: c.branch_id ?? null,
  fromNumber: c.from_number ?? null,
  toNumber: c.to_number ?? null,
  status: c.status,
  startedAt: iso(c.started_at),
  endedAt: iso(c.ended_at),
  analysis: c.analysis ?? null,
  functionCalls: traces
    .filter((t) => t.call_id === c.id)
    .map((t) => ({
      name: t.function_name,
      args: t.redacted_args,
      latencyMs: t.latency_ms,
      outcome: t.outcome,
      at: iso(t.at) as string,
    })),
});

export const toExportedAuditEntry = (r: ExportedAuditRow): ExportedAuditEntry => ({
  at: iso(r.at) as string,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id ?? null,
  details: r.details,
});

export interface ExportedConsentRow {
  given: boolean;
  source: string;
  call_id: string | null;
  recorded_at: Date;
}

export function toExportedConsentChange(r: ExportedConsentRow): ExportedConsentChange {
  return { given: r.given, source: r.source, callId: r.call_id, at: iso(r.recorded_at)! };
}

export interface ExportedMessageRow {
  kind: string;
  call_id: string | null;
  body: string | null;
  caller_name: string | null;
  callback_number: string | null;
  preferred_time: string | null;
  status: string;
  created_at: Date;
}

export function toExportedCallerMessage(r: ExportedMessageRow): ExportedCallerMessage {
  return {
    kind: r.kind,
    callId: r.call_id,
    text: r.body,
    callerName: r.caller_name,
    callbackNumber: r.callback_number,
    preferredTime: r.preferred_time,
    status: r.status,
    createdAt: iso(r.created_at)!,
  };
}
