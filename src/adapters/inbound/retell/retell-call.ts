import type { CountryCode } from 'libphonenumber-js/max';
import { CallStarted } from '../../../application/ports/call.repository.port';
import { isRecord } from '../../../common/is-record';
import { storableText } from '../../../common/storable-text';
import { callerNumberOrWithheld } from '../../../domain/salon/caller-phone';

/** The fields of Retell's call object this service reads; everything optional and untrusted. */
export interface RetellCallFacts {
  readonly callId?: string;
  readonly fromNumber?: string;
  readonly toNumber?: string;
  readonly agentId?: string;
  readonly agentVersion?: number;
  readonly direction?: string;
  readonly callStatus?: string;
  readonly startedAt?: Date;
  readonly endedAt?: Date;
  readonly disconnectionReason?: string;
  /** branch_id from metadata or retell_llm_dynamic_variables, when either carries one. */
  readonly branchIdHint?: string;
}

/** Text every store and lookup takes: NUL and lone surrogates become U+FFFD. */
const text = (value: unknown, max = 200): string | undefined =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max
    ? storableText(value.trim())
    : undefined;

/** Retell's timestamps are milliseconds since the epoch. */
const instant = (value: unknown): Date | undefined => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

export function readRetellCall(call: unknown): RetellCallFacts {
  if (!isRecord(call)) return {};
  const metadata = isRecord(call.metadata) ? call.metadata : {};
  const variables = isRecord(call.retell_llm_dynamic_variables)
    ? call.retell_llm_dynamic_variables
    : {};
  const version = call.agent_version;
  return {
    callId: text(call.call_id, 128),
    fromNumber: text(call.from_number, 64),
    toNumber: text(call.to_number, 64),
    agentId: text(call.agent_id, 100),
    agentVersion:
      typeof version === 'number' && Number.isInteger(version) && version >= 0
        ? version
        : undefined,
    direction: text(call.direction, 20),
    callStatus: text(call.call_status, 20),
    startedAt: instant(call.start_timestamp),
    endedAt: instant(call.end_timestamp),
    disconnectionReason: text(call.disconnection_reason, 64),
    branchIdHint: text(metadata.branch_id, 64) ?? text(variables.branch_id, 64),
  };
}

/**
 * The call as stored. The caller's number follows the one rule for callers' numbers: E.164,
 * read in the branch's country, or none when it is withheld or no number.
 */
export function callStartedFrom(
  callId: string,
  facts: RetellCallFacts,
  tenant: { companyId: string; branchId: string } | null,
  country?: string,
): CallStarted {
  return {
    callId,
    companyId: tenant?.companyId,
    branchId: tenant?.branchId,
    fromNumber: callerNumberOrWithheld(facts.fromNumber, country as CountryCode | undefined),
    toNumber: facts.toNumber,
    agentId: facts.agentId,
    agentVersion: facts.agentVersion,
    startedAt: facts.startedAt,
  };
}
