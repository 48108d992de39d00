import { DataSource, EntityManager } from 'typeorm';
import {
  CallAnalysis,
  CallEnded,
  CallRepository,
  CallStarted,
  TracedFunctionCall,
} from '../../../../application/ports/call.repository.port';
import { Call, FunctionCallTraceEntry } from '../../../../domain/call/call';
import { redactArgs } from '../../../../domain/call/redact-args';
import { storableField, storableJson, storableText } from '../../../../common/storable-text';
import { CallOrmEntity } from '../entities/call.orm-entity';
import { CallFunctionTraceOrmEntity } from '../entities/call-function-trace.orm-entity';
import { toCall, TraceInputRow } from './typeorm-call.rows';

const MAX_CALL_ID = 128;
const INT4_MAX = 2_147_483_647;

// Retell's values are cut to the widths of `calls` (storableField) rather than refused.

const int4 = (value: number | undefined): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= INT4_MAX
    ? value
    : null;

const validDate = (value: Date | undefined): Date | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;

/** Keeps the first known value of every fact: a retried or late event never overwrites one. */
const KEEP_FIRST = `
  company_id = COALESCE(calls.company_id, EXCLUDED.company_id),
  branch_id = CASE WHEN calls.company_id IS NULL OR calls.company_id = EXCLUDED.company_id
                   THEN COALESCE(calls.branch_id, EXCLUDED.branch_id) ELSE calls.branch_id END,
  from_number = COALESCE(calls.from_number, EXCLUDED.from_number),
  to_number = COALESCE(calls.to_number, EXCLUDED.to_number),
  agent_id = COALESCE(calls.agent_id, EXCLUDED.agent_id),
  agent_version = COALESCE(calls.agent_version, EXCLUDED.agent_version),
  started_at = COALESCE(calls.started_at, EXCLUDED.started_at),
  updated_at = now()`;

export class TypeOrmCallRepository implements CallRepository {
  private readonly m: EntityManager;

  constructor(source: DataSource | EntityManager) {
    this.m = source instanceof DataSource ? source.manager : source;
  }

  async upsertStarted(call: CallStarted): Promise<void> {
    if (!storable(call.callId)) return;
    await this.m.query(
      `INSERT INTO calls (id, company_id, branch_id, from_number, to_number, agent_id,
                          agent_version, started_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ongoing')
       ON CONFLICT (id) DO UPDATE SET ${KEEP_FIRST}`,
      startParams(call),
    );
  }

  async markEnded(call: CallEnded): Promise<void> {
    if (!storable(call.callId)) return;
    await this.m.query(
      `INSERT INTO calls (id, company_id, branch_id, from_number, to_number, agent_id,
                          agent_version, started_at, status, ended_at, disconnection_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET ${KEEP_FIRST},
         status = CASE WHEN calls.ended_at IS NULL AND calls.status IN ('registered', 'ongoing')
                       THEN EXCLUDED.status ELSE calls.status END,
         ended_at = COALESCE(calls.ended_at, EXCLUDED.ended_at),
         disconnection_reason = COALESCE(calls.disconnection_reason, EXCLUDED.disconnection_reason)`,
      [
        ...startParams(call),
        call.status,
        validDate(call.endedAt),
        storableField(call.disconnectionReason, 64),
      ],
    );
  }

  async recordAnalysis(call: CallStarted, analysis: CallAnalysis): Promise<void> {
    if (!storable(call.callId)) return;
    await this.upsertStarted(call);
    const stored: Record<string, unknown> = {};
    if (analysis.callSuccessful !== undefined) stored.call_successful = analysis.callSuccessful;
    if (analysis.userSentiment !== undefined) stored.user_sentiment = analysis.userSentiment;
    if (analysis.inVoicemail !== undefined) stored.in_voicemail = analysis.inVoicemail;
    if (analysis.customAnalysisKeys !== undefined) {
      stored.custom_analysis_keys = [...analysis.customAnalysisKeys];
    }
    await this.m.query(`UPDATE calls SET analysis = $2::jsonb, updated_at = now() WHERE id = $1`, [
      call.callId.trim(),
      JSON.stringify(storableJson(stored)),
    ]);
  }

  async appendTrace(call: CallStarted, entry: FunctionCallTraceEntry): Promise<void> {
    await this.appendTraces([{ call, entry }]);
  }

  async appendTraces(traces: ReadonlyArray<TracedFunctionCall>): Promise<void> {
    const rows = traces
      .filter(({ call }) => storable(call.callId))
      .map(({ call, entry }, ord): TraceInputRow => {
        const [id, companyId, branchId, from, to, agentId, agentVersion, startedAt] =
          startParams(call);
        return {
          id,
          company_id: companyId,
          branch_id: branchId,
          from_number: from,
          to_number: to,
          agent_id: agentId,
          agent_version: agentVersion,
          started_at: startedAt,
          function_name: storableText(entry.name.slice(0, 64)),
          redacted_args: storedArgs(entry.args),
          latency_ms: Math.min(INT4_MAX, Math.max(0, Math.round(entry.latencyMs))),
          outcome: storableText(entry.outcome.slice(0, 64)),
          at: entry.at,
          ord,
        };
      });
    if (rows.length === 0) return;
    // One round trip for the whole batch: each call row is upserted once (the first entry's
    // facts, as a single write would keep them) and the traces appended in arrival order; the
    // foreign key is checked at the statement's end, after both.
    await this.m.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
           id varchar, company_id uuid, branch_id uuid, from_number varchar, to_number varchar,
           agent_id varchar, agent_version integer, started_at timestamptz,
           function_name varchar, redacted_args jsonb, latency_ms integer, outcome varchar,
           at timestamptz, ord integer)),
       call AS (
         INSERT INTO calls (id, company_id, branch_id, from_number, to_number, agent_id,
                            agent_version, started_at, status)
         SELECT DISTINCT ON (id) id, company_id, branch_id, from_number, to_number, agent_id,
                agent_version, started_at, 'ongoing'
           FROM input ORDER BY id, ord
         ON CONFLICT (id) DO UPDATE SET ${KEEP_FIRST}
         RETURNING id)
       INSERT INTO call_function_traces (call_id, function_name, redacted_args, latency_ms,
                                         outcome, at)
       SELECT i.id, i.function_name, i.redacted_args, i.latency_ms, i.outcome, i.at
         FROM input i JOIN call c ON c.id = i.id
        ORDER BY i.ord`,
      [JSON.stringify(rows)],
    );
  }

  async findById(callId: string): Promise<Call | null> {
    if (!storable(callId)) return null;
    const row = await this.m.getRepository(CallOrmEntity).findOneBy({ id: callId.trim() });
    if (!row) return null;
    const traces = await this.m.getRepository(CallFunctionTraceOrmEntity).find({
      where: { callId: row.id },
      order: { at: 'ASC', id: 'ASC' },
    });
    return toCall(row, traces);
  }
}

function storable(callId: string): boolean {
  return (
    typeof callId === 'string' && callId.trim().length > 0 && callId.trim().length <= MAX_CALL_ID
  );
}

/** Arguments are stored redacted, always as a JSON object that jsonb takes. */
function storedArgs(args: unknown): Record<string, unknown> {
  const redacted = storableJson(redactArgs(args));
  return typeof redacted === 'object' && redacted !== null && !Array.isArray(redacted)
    ? (redacted as Record<string, unknown>)
    : { value: redacted ?? null };
}

function startParams(call: CallStarted): unknown[] {
  return [
    call.callId.trim(),
    call.companyId ?? null,
    call.branchId ?? null,
    storableField(call.fromNumber, 32),
    storableField(call.toNumber, 32),
    storableField(call.agentId, 100),
    int4(call.agentVersion),
    validDate(call.startedAt),
  ];
}
