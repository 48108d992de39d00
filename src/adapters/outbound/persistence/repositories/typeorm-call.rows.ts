import { Call, CallStatus } from '../../../../domain/call/call';
import { CallFunctionTraceOrmEntity } from '../entities/call-function-trace.orm-entity';
import { CallOrmEntity } from '../entities/call.orm-entity';

/** One traced function call as the batch writes it (`jsonb_to_recordset`), its call's facts too. */
export interface TraceInputRow {
  id: unknown;
  company_id: unknown;
  branch_id: unknown;
  from_number: unknown;
  to_number: unknown;
  agent_id: unknown;
  agent_version: unknown;
  started_at: unknown;
  function_name: string;
  redacted_args: Record<string, unknown>;
  latency_ms: number;
  outcome: string;
  at: Date;
  ord: number;
}

/** The call with its function calls in the order they were traced. */
export const toCall = (row: CallOrmEntity, traces: readonly CallFunctionTraceOrmEntity[]): Call =>
  Call.restore({
    callId: row.id,
    companyId: row.companyId ?? undefined,
    branchId: row.branchId ?? undefined,
    fromNumber: row.fromNumber ?? undefined,
    toNumber: row.toNumber ?? undefined,
    agentId: row.agentId ?? undefined,
    agentVersion: row.agentVersion ?? undefined,
    startedAt: row.startedAt ?? row.createdAt,
    endedAt: row.endedAt ?? undefined,
    status: row.status as CallStatus,
    trace: traces.map((t) => ({
      name: t.functionName,
      args: t.redactedArgs,
      latencyMs: t.latencyMs,
      outcome: t.outcome,
      at: t.at,
    })),
  });
