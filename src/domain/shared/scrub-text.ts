import { redactArgs } from '../call/redact-args';

/**
 * A free text with phone-number-like and e-mail-like parts masked, by the same rules the
 * domain applies to stored call traces (dates and times stay readable). Names in running text
 * cannot be told apart from other words and stay.
 */
export function scrubText(text: string): string {
  return redactArgs(text) as string;
}
