import { Inject, Injectable, Logger } from '@nestjs/common';
import { CallContext } from '../../../application/booking/call-context';
import { answer, FunctionAnswer } from './answers/function-answer';
import { PhoneFunctionArgs, PhoneFunctionName } from '../../../application/booking/phone-functions';
import { PHONE_FUNCTIONS, PhoneFunctions } from './phone-functions.dispatcher';
import {
  NO_PHONE_METRICS,
  PHONE_METRICS,
  PhoneMetrics,
} from '../../../application/ports/phone-metrics.port';
import { noteCallId } from '../../../common/request-context';
import {
  databaseProblemOf,
  isDatabaseUnavailable,
  SERVICE_TEMPORARILY_UNAVAILABLE,
  SERVICE_TEMPORARILY_UNAVAILABLE_MESSAGE,
} from '../../../common/database-unavailable';
import { TEMPORARY_PROBLEM_MESSAGE } from '../../../common/http-exception.filter';
import { scrubText } from '../../../common/scrub-text';
import { resolveCallId } from '../../../domain/call/call-id-resolver';
import { TraceWriteBehind } from '../../../application/calls/trace-write-behind';
import { normalisePhoneFunctionArgs } from './phone-function-args.normaliser';
import { phoneFunctionNamed } from './phone-function-name';
import { callStartedFrom, readRetellCall } from './retell-call';
import { RetellTenantResolver } from './retell-tenant.resolver';

/** One function call as it arrived, in either body mode. */
export interface IncomingFunctionCall {
  readonly name: string;
  readonly args: unknown;
  readonly call: unknown;
  /** A call id sent beside the body (header), for the args-only mode without a call object. */
  readonly callIdHint?: unknown;
  /** A branch id sent beside the body (static tool header), used when the call object is absent. */
  readonly branchIdHint?: unknown;
}

export const UNKNOWN_FUNCTION_MESSAGE =
  'Das kann ich leider gerade nicht nachsehen. Kann ich Ihnen anders weiterhelfen?';
export const UNKNOWN_SALON_MESSAGE =
  'Entschuldigung, ich kann diesen Anruf gerade keinem Salon zuordnen. Bitte rufen Sie den Salon direkt an.';

/**
 * A function call from the edge to the use cases: tenant, call id, arguments, the answer, and
 * its trace. Every way it can go wrong still ends in an answer the agent can speak.
 */
@Injectable()
export class RetellFunctionCallHandler {
  private readonly logger = new Logger('RetellFunctionCall');

  constructor(
    private readonly tenants: RetellTenantResolver,
    private readonly traces: TraceWriteBehind,
    @Inject(PHONE_FUNCTIONS) private readonly functions: PhoneFunctions,
    @Inject(PHONE_METRICS) private readonly metrics: PhoneMetrics = NO_PHONE_METRICS,
  ) {}

  async handle(incoming: IncomingFunctionCall): Promise<FunctionAnswer> {
    const started = performance.now();
    const fromCall = readRetellCall(incoming.call);
    const facts =
      fromCall.branchIdHint === undefined && typeof incoming.branchIdHint === 'string'
        ? { ...fromCall, branchIdHint: incoming.branchIdHint.trim().slice(0, 64) }
        : fromCall;
    const sentId = sentCallId(incoming.args) ?? incoming.callIdHint;
    const resolved = resolveCallId(sentId, incoming.call);
    const callId = resolved.ok ? resolved.value : null;
    if (callId) noteCallId(callId);
    const args = normalisePhoneFunctionArgs(incoming.args);
    const name = phoneFunctionNamed(incoming.name);

    let tenant: { companyId: string; branchId: string } | null = null;
    let country: string | undefined;
    let result: FunctionAnswer;
    if (name === null) {
      result = answer('RETELL.UNKNOWN_FUNCTION', UNKNOWN_FUNCTION_MESSAGE, {}, false);
    } else {
      const branch = await this.tenants.branchFor(facts);
      if (branch === null) {
        result = answer('RETELL.UNKNOWN_SALON', UNKNOWN_SALON_MESSAGE, {}, false);
      } else {
        tenant = { companyId: branch.companyId, branchId: branch.branch.id };
        country = branch.country;
        const context: CallContext = {
          ...tenant,
          callId,
          callerNumber: facts.fromNumber ?? null,
          salon: branch,
        };
        result = await this.run(name, context, args);
      }
    }
    if (!resolved.ok && name !== null) {
      // Said, not guessed: without the call's id nothing is held for it and nothing is traced,
      // and the agent should know that a time it heard as free is not reserved.
      result = { ...result, call_id_known: false };
      this.logger.warn(`${name} answered without a call id (${resolved.error.code})`);
    }

    const latencyMs = performance.now() - started;
    this.metrics.functionCall(name ?? 'unknown', result.code, latencyMs / 1000);
    if (name !== null && typeof result.calendar_verified === 'boolean') {
      this.metrics.calendarVerified(name, result.calendar_verified);
    }
    if (callId !== null) {
      await this.trace(callId, facts, tenant, country, {
        name: name ?? incoming.name,
        args,
        latencyMs,
        outcome: result.code,
      });
    }
    return result;
  }

  private async run(
    name: PhoneFunctionName,
    context: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    try {
      const result = await this.functions.run(name, context, args);
      if (!isAnswer(result)) throw new Error(`${name} answered without code and message`);
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        this.logger.warn(`${name}: database unavailable: ${databaseProblemOf(error)}`);
        return answer(
          SERVICE_TEMPORARILY_UNAVAILABLE,
          SERVICE_TEMPORARILY_UNAVAILABLE_MESSAGE,
          {},
          false,
        );
      }
      this.logger.error(
        `${name} failed: ${scrubText(error instanceof Error ? error.message : String(error))}`,
        error instanceof Error ? scrubText(error.stack ?? '') : undefined,
      );
      return answer('INTERNAL.TEMPORARY', TEMPORARY_PROBLEM_MESSAGE, {}, false);
    }
  }

  /** A trace that cannot be written is logged; the caller still gets the answer. */
  private trace(
    callId: string,
    facts: ReturnType<typeof readRetellCall>,
    tenant: { companyId: string; branchId: string } | null,
    country: string | undefined,
    entry: { name: string; args: PhoneFunctionArgs; latencyMs: number; outcome: string },
  ): Promise<void> {
    return this.traces.record({
      call: callStartedFrom(callId, facts, tenant, country),
      entry: { ...entry, at: new Date() },
    });
  }
}

function sentCallId(args: unknown): unknown {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return undefined;
  const record = args as Record<string, unknown>;
  return record.call_id ?? record.callId;
}

function isAnswer(value: unknown): value is FunctionAnswer {
  const v = value as Partial<FunctionAnswer> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.success === 'boolean' &&
    typeof v.code === 'string' &&
    typeof v.message === 'string'
  );
}
