import type { PhoneTraffic } from '../../../application/calls/phone-traffic';

/** A job consumer whose number of jobs at once can change while it runs. */
export interface AdjustableConsumer {
  setConcurrency(n: number): void;
}

/**
 * While `traffic` says live calls are being answered, `consumer` takes at most `duringCalls`
 * jobs at once; otherwise `normal`. Returns the unsubscribe. Never zero: the sync always moves.
 */
export function giveWayToCalls(
  traffic: PhoneTraffic,
  consumer: AdjustableConsumer,
  normal: number,
  duringCalls: number,
): () => void {
  const fewer = Math.max(1, Math.min(normal, duringCalls));
  if (fewer === normal) return () => undefined;
  if (traffic.answering) consumer.setConcurrency(fewer);
  return traffic.onChange((answering) => consumer.setConcurrency(answering ? fewer : normal));
}
