import { err, ok, Result } from '../shared/result';
import { AmbiguousLiveCall, NoCallId } from './call.errors';
import { looksLikeRealCallId } from './call-id-shape';

export type CallIdSource = 'sent' | 'call_object';

export interface ResolvedCallId {
  readonly callId: string;
  readonly source: CallIdSource;
  /** The agent sent a real-looking id that differs from Retell's: worth a log line. */
  readonly sentIdOverridden: boolean;
}

/**
 * The call id to work with, from what the agent sent and the request's call object.
 * - Retell's own call object wins: the agent's argument is text an LLM wrote, the call object
 *   is Retell's record of this very request. A real-looking sent id that disagrees is ignored.
 * - A real-looking sent id is used when the call object has no real id (or is absent).
 * - Nothing real → NoCallId. We never pick one of several calls; see pickLiveCall.
 */
export function resolveCallIdWithSource(
  sentId: unknown,
  callObject: unknown,
): Result<ResolvedCallId, NoCallId> {
  const sent = realIdOrNull(sentId);
  const fromCall = realIdOrNull(callIdOf(callObject));
  if (fromCall !== null) {
    return ok({
      callId: fromCall,
      source: sent === fromCall ? 'sent' : 'call_object',
      sentIdOverridden: sent !== null && sent !== fromCall,
    });
  }
  if (sent !== null) return ok({ callId: sent, source: 'sent', sentIdOverridden: false });
  return err(new NoCallId());
}

export function resolveCallId(sentId: unknown, callObject: unknown): Result<string, NoCallId> {
  const resolved = resolveCallIdWithSource(sentId, callObject);
  return resolved.ok ? ok(resolved.value.callId) : resolved;
}

/**
 * Among ids of calls that could be meant (e.g. live calls on one salon line), the single real
 * one; two or more distinct real ids are ambiguous and answered as such, never guessed.
 */
export function pickLiveCall(
  candidates: readonly unknown[],
): Result<string, NoCallId | AmbiguousLiveCall> {
  const real = [...new Set(candidates.map(realIdOrNull).filter((id) => id !== null))];
  if (real.length === 0) return err(new NoCallId());
  if (real.length > 1) return err(new AmbiguousLiveCall(real.length));
  return ok(real[0]);
}

/** Ids arrive with stray whitespace from LLM output; the id itself never contains any. */
function realIdOrNull(value: unknown): string | null {
  return typeof value === 'string' && looksLikeRealCallId(value) ? value.trim() : null;
}

function callIdOf(callObject: unknown): unknown {
  if (typeof callObject !== 'object' || callObject === null) return undefined;
  return (callObject as { call_id?: unknown }).call_id;
}
