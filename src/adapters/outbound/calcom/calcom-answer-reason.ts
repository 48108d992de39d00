import { scrubText } from '../../../domain/shared/scrub-text';
import { isRecord } from '../../../common/is-record';

/** Longest reason kept from a Cal.com answer. */
export const MAX_REASON_CHARS = 120;

/**
 * The upstream error message from `{status:'error', error:{message}}` or a bare `{message}`,
 * whole: for telling answers apart (a conflict, a refused length), never for showing.
 */
export function upstreamMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const error = body.error;
  const message = isRecord(error) ? error.message : (error ?? body.message);
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return undefined;
}

const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/\S*|\bwww\.\S+/gi;
/** Key-, token- and hash-like runs (Cal.com keys are cal_live_…, bearer tokens are long). */
const TOKEN_LIKE = /\b(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}\b|\bcal_(live|test)_\S+/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/g;

/**
 * What the service keeps and shows of a Cal.com answer: the status and, from a known field
 * only, a short reason without URLs, e-mail addresses, phone numbers, tokens or markup. The
 * body itself (an HTML error page, a cloud metadata answer, another service's reply) never
 * leaves the client.
 */
export function calcomAnswerReason(status: number, body: unknown): string {
  const reason = shortReason(upstreamMessage(body));
  return reason ? `Cal.com answered ${status}: ${reason}` : `Cal.com answered ${status}`;
}

function shortReason(message: string | undefined): string {
  if (message === undefined) return '';
  const cleaned = scrubText(
    message
      .replace(CONTROL, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(URL_LIKE, '[url]'),
  )
    .replace(TOKEN_LIKE, '[redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length <= MAX_REASON_CHARS) return cleaned;
  return `${cleaned.slice(0, MAX_REASON_CHARS - 1).trimEnd()}…`;
}
