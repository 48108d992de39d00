import { err, ok, Result } from '../shared/result';
import { CallEndsBeforeStart, NoCallId } from './call.errors';
import { looksLikeRealCallId } from './call-id-shape';
import { redactArgs } from './redact-args';

/** Retell's call_status values. */
export type CallStatus = 'registered' | 'ongoing' | 'ended' | 'error' | 'not_connected';
export type CallEndStatus = Extract<CallStatus, 'ended' | 'error' | 'not_connected'>;

/** One function the agent invoked during the call; args are stored redacted only. */
export interface FunctionCallTraceEntry {
  readonly name: string;
  readonly args: unknown;
  readonly latencyMs: number;
  /** Stable outcome code: 'OK' or a DomainError code such as 'BOOKING.SLOT_TAKEN'. */
  readonly outcome: string;
  readonly at: Date;
}

export interface CallProps {
  readonly callId: string;
  readonly companyId?: string;
  readonly branchId?: string;
  /** Caller's number in E.164; none when withheld or not a number (normaliseCallerNumber). */
  readonly fromNumber?: string;
  /** The salon line that was dialled. */
  readonly toNumber?: string;
  readonly agentId?: string;
  readonly agentVersion?: number;
  readonly startedAt: Date;
  readonly endedAt?: Date;
  readonly status: CallStatus;
  readonly trace: readonly FunctionCallTraceEntry[];
}

export type NewCall = Omit<CallProps, 'endedAt' | 'status' | 'trace'>;

/** A phone call the agent handles. Immutable: each event answers a new Call. */
export class Call {
  private constructor(private readonly props: CallProps) {}

  /** A call only exists under its real Retell id; a placeholder never becomes a record. */
  static start(input: NewCall): Result<Call, NoCallId> {
    if (!looksLikeRealCallId(input.callId)) return err(new NoCallId());
    return ok(new Call({ ...input, callId: input.callId.trim(), status: 'ongoing', trace: [] }));
  }

  static restore(props: CallProps): Call {
    return new Call({ ...props, trace: [...props.trace] });
  }

  get callId(): string {
    return this.props.callId;
  }
  get companyId(): string | undefined {
    return this.props.companyId;
  }
  get branchId(): string | undefined {
    return this.props.branchId;
  }
  get fromNumber(): string | undefined {
    return this.props.fromNumber;
  }
  get toNumber(): string | undefined {
    return this.props.toNumber;
  }
  get agentId(): string | undefined {
    return this.props.agentId;
  }
  get agentVersion(): number | undefined {
    return this.props.agentVersion;
  }
  get startedAt(): Date {
    return this.props.startedAt;
  }
  get endedAt(): Date | undefined {
    return this.props.endedAt;
  }
  get status(): CallStatus {
    return this.props.status;
  }
  get trace(): readonly FunctionCallTraceEntry[] {
    return this.props.trace;
  }
  get isLive(): boolean {
    return this.props.status === 'registered' || this.props.status === 'ongoing';
  }

  /**
   * Retell reports the end twice (call_ended, call_analyzed) and retries webhooks: the first
   * end is kept and later ones change nothing.
   */
  end(endedAt: Date, status: CallEndStatus = 'ended'): Result<Call, CallEndsBeforeStart> {
    if (!this.isLive) return ok(this);
    if (endedAt.getTime() < this.props.startedAt.getTime()) return err(new CallEndsBeforeStart());
    return ok(new Call({ ...this.props, endedAt, status }));
  }

  /** Arguments are redacted here, so personal data never reaches the stored trace. */
  recordFunctionCall(entry: FunctionCallTraceEntry): Call {
    const redacted: FunctionCallTraceEntry = {
      ...entry,
      args: redactArgs(entry.args),
      latencyMs: Math.max(0, Math.round(entry.latencyMs)),
    };
    return new Call({ ...this.props, trace: [...this.props.trace, redacted] });
  }

  toProps(): CallProps {
    return { ...this.props, trace: [...this.props.trace] };
  }
}
