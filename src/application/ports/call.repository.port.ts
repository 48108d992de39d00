import { Call, CallEndStatus, FunctionCallTraceEntry } from '../../domain/call/call';

export const CALL_REPOSITORY = Symbol('CallRepository');

/** What is known of a call when it starts or when a function call first names it. */
export interface CallStarted {
  readonly callId: string;
  readonly companyId?: string;
  readonly branchId?: string;
  /** E.164, or none when the caller withheld it or sent no number. */
  readonly fromNumber?: string;
  readonly toNumber?: string;
  readonly agentId?: string;
  readonly agentVersion?: number;
  /** Retell's start_timestamp when known. */
  readonly startedAt?: Date;
}

export interface CallEnded extends CallStarted {
  readonly endedAt?: Date;
  readonly status: CallEndStatus;
  readonly disconnectionReason?: string;
}

/**
 * The part of Retell's post-call analysis kept on the call. Summaries and transcripts are not
 * stored: they repeat names and numbers the caller said.
 */
export interface CallAnalysis {
  readonly callSuccessful?: boolean;
  readonly userSentiment?: string;
  readonly inVoicemail?: boolean;
  /** Only the keys of the agent's custom analysis, never its values. */
  readonly customAnalysisKeys?: readonly string[];
}

/** One function call to trace, with what it tells of its call. */
export interface TracedFunctionCall {
  readonly call: CallStarted;
  readonly entry: FunctionCallTraceEntry;
}

/**
 * Calls and their function-call traces. Every write is idempotent: Retell retries webhooks and
 * function calls, and the first known value of a fact (tenant, start, end) is kept.
 */
export interface CallRepository {
  /** Creates the call or fills in what it lacked. */
  upsertStarted(call: CallStarted): Promise<void>;
  /** Records the end once; later ends (call_analyzed, retries) change nothing already set. */
  markEnded(call: CallEnded): Promise<void>;
  recordAnalysis(call: CallStarted, analysis: CallAnalysis): Promise<void>;
  /** Appends one function call; the arguments are stored redacted. Creates the call if needed. */
  appendTrace(call: CallStarted, entry: FunctionCallTraceEntry): Promise<void>;
  /** Several traces in one write, in order; all or none are stored. */
  appendTraces(traces: ReadonlyArray<TracedFunctionCall>): Promise<void>;
  findById(callId: string): Promise<Call | null>;
}
