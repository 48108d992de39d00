import { redactArgs } from '../domain/call/redact-args';

/**
 * A free text with phone-number-like and e-mail-like parts masked, by the same rules the
 * domain applies to stored call traces (dates and times stay readable).
 */
export function scrubText(text: string): string {
  return redactArgs(text) as string;
}

/** A value made safe for a log line: strings scrubbed, objects redacted by key and content. */
export function scrubValue(value: unknown): unknown {
  return redactArgs(value);
}
