import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CALL_REPOSITORY,
  CallAnalysis,
  CallRepository,
} from '../../../application/ports/call.repository.port';
import { CLOCK, Clock } from '../../../application/ports/clock.port';
import { HOLD_REPOSITORY, HoldRepository } from '../../../application/ports/hold.repository.port';
import { CallEndStatus } from '../../../domain/call/call';
import { resolveCallId } from '../../../domain/call/call-id-resolver';
import { callStartedFrom, readRetellCall, RetellCallFacts } from './retell-call';
import { RetellTenantResolver } from './retell-tenant.resolver';
import { isRecord } from '../../../common/is-record';

export type CallEvent = 'call_started' | 'call_ended' | 'call_analyzed';

const END_STATUSES = new Set<string>(['ended', 'error', 'not_connected']);

/**
 * Retell's call lifecycle on the Call record. Each event may arrive several times (retries)
 * and call_analyzed repeats the end: every write keeps the first known value, so a repeat
 * changes nothing. The call's holds are released when it ends.
 */
@Injectable()
export class RetellCallWebhookHandler {
  private readonly logger = new Logger('RetellCallWebhook');

  constructor(
    private readonly tenants: RetellTenantResolver,
    @Inject(CALL_REPOSITORY) private readonly calls: CallRepository,
    @Inject(HOLD_REPOSITORY) private readonly holds: HoldRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** False when the event is not one we keep (unknown event, no real call id). */
  async handle(event: string, call: unknown): Promise<boolean> {
    if (event !== 'call_started' && event !== 'call_ended' && event !== 'call_analyzed') {
      return false;
    }
    const resolved = resolveCallId(undefined, call);
    if (!resolved.ok) {
      this.logger.warn(`${event} without a real call id ignored`);
      return false;
    }
    const callId = resolved.value;
    const facts = readRetellCall(call);
    const branch = await this.tenants.branchFor(facts);
    const tenant = branch ? { companyId: branch.companyId, branchId: branch.branch.id } : null;
    const started = callStartedFrom(callId, facts, tenant, branch?.country);

    if (event === 'call_started') {
      await this.calls.upsertStarted(started);
      return true;
    }
    await this.recordEnd(callId, facts, started);
    if (event === 'call_analyzed') {
      await this.calls.recordAnalysis(started, analysisOf(call));
    } else {
      await this.releaseHolds(callId, tenant?.companyId);
    }
    return true;
  }

  private async recordEnd(
    callId: string,
    facts: RetellCallFacts,
    started: ReturnType<typeof callStartedFrom>,
  ): Promise<void> {
    const { startedAt, endedAt } = facts;
    if (startedAt && endedAt && endedAt.getTime() < startedAt.getTime()) {
      // Same rule as Call.end: an end before the start is not applied.
      this.logger.warn(`call end before its start ignored for ${callId}`);
      await this.calls.upsertStarted(started);
      return;
    }
    const status: CallEndStatus =
      facts.callStatus && END_STATUSES.has(facts.callStatus)
        ? (facts.callStatus as CallEndStatus)
        : 'ended';
    await this.calls.markEnded({
      ...started,
      endedAt,
      status,
      disconnectionReason: facts.disconnectionReason,
    });
  }

  private async releaseHolds(callId: string, companyId: string | undefined): Promise<void> {
    const company = companyId ?? (await this.calls.findById(callId))?.companyId;
    if (!company) return;
    await this.holds.releaseForCall({ companyId: company }, callId, this.clock.now());
  }
}

/**
 * Only facts without personal data: success, sentiment, voicemail, and which custom fields the
 * agent filled (not their values). The summary and transcripts repeat names and numbers.
 */
export function analysisOf(call: unknown): CallAnalysis {
  const analysis = isRecord(call) && isRecord(call.call_analysis) ? call.call_analysis : {};
  const sentiment = analysis.user_sentiment;
  const custom = analysis.custom_analysis_data;
  return {
    callSuccessful:
      typeof analysis.call_successful === 'boolean' ? analysis.call_successful : undefined,
    userSentiment: typeof sentiment === 'string' && sentiment.length <= 32 ? sentiment : undefined,
    inVoicemail: typeof analysis.in_voicemail === 'boolean' ? analysis.in_voicemail : undefined,
    customAnalysisKeys: isRecord(custom)
      ? Object.keys(custom)
          .filter((k) => k.length <= 64)
          .slice(0, 50)
      : undefined,
  };
}
