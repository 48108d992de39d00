import { redactArgs } from '../domain/call/redact-args';

// The pure scrubber lives in the domain so application code can use it too.
export { scrubText } from '../domain/shared/scrub-text';

/** A value made safe for a log line: strings scrubbed, objects redacted by key and content. */
export function scrubValue(value: unknown): unknown {
  return redactArgs(value);
}
