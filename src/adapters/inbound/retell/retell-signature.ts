import { createHmac, timingSafeEqual } from 'node:crypto';

/** Retell's tolerance between its timestamp and ours. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

const FORMAT = /^v=(\d{1,16}),d=([0-9a-f]{64})$/i;

export type SignatureProblem = 'missing' | 'malformed' | 'expired' | 'mismatch';

/**
 * Checks `X-Retell-Signature: v=<ms>,d=<hex HMAC-SHA256(apiKey, rawBody + v)>` as Retell signs
 * it: over the exact bytes received, within five minutes of `nowMs`, compared in constant time.
 */
export function checkRetellSignature(
  rawBody: Buffer,
  header: unknown,
  apiKey: string,
  nowMs: number,
): SignatureProblem | null {
  if (typeof header !== 'string' || header.trim().length === 0) return 'missing';
  const match = FORMAT.exec(header.trim());
  if (!match) return 'malformed';
  const [, stamp, digest] = match;
  const signedAt = Number(stamp);
  if (!Number.isSafeInteger(signedAt)) return 'malformed';
  if (Math.abs(nowMs - signedAt) > SIGNATURE_WINDOW_MS) return 'expired';
  const expected = createHmac('sha256', apiKey).update(rawBody).update(stamp).digest();
  const received = Buffer.from(digest, 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected)
    ? null
    : 'mismatch';
}
