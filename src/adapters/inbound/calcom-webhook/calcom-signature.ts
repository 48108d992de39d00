import { createHmac, timingSafeEqual } from 'node:crypto';

/** X-Cal-Signature-256: lower-case hex HMAC-SHA256 of the raw body. Constant-time compare. */
export function isSignedBy(rawBody: Buffer, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim().toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signatureFor(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}
