import { scrubText } from '../../../domain/shared/scrub-text';
import { AuditRecord } from '../ports/audit-trail.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DEPTH = 8;

export type AuditEntryView = AuditRecord;

/**
 * An audit row for reading. Rows hold ids, times, states and counts; the free texts among them
 * (a review note, a sync failure's reason, possibly quoting Cal.com) are scrubbed on the way out
 * as well as on the way in, so an e-mail address or phone number that slipped into one is
 * masked. Ids stay whole: a digit run in a UUID is not a phone number.
 */
export function auditEntryView(r: AuditRecord): AuditEntryView {
  return { ...r, details: readable(r.details, 0) as Record<string, unknown> };
}

function readable(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return UUID.test(value) ? value : scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => readable(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v, depth + 1)]));
}
