import { PhoneFunctionArgs } from '../../../application/booking/phone-functions';
import { storableText } from '../../../common/storable-text';
import { acceptedNames, ARGUMENT_KEYS, ARGUMENTS, ArgumentKey } from './tool-catalogue';

/** A key as compared: lower case, without separators ("Kunde_Name", "kundeName" → "kundename"). */
const comparable = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');

/** Accepted name → (argument, rank); a lower rank wins when the agent sends two spellings. */
const NAME_TABLE: ReadonlyMap<string, { key: ArgumentKey; rank: number }> = new Map(
  ARGUMENT_KEYS.flatMap((key) =>
    acceptedNames(key).map((name, rank) => [comparable(name), { key, rank }] as const),
  ),
);

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[A-Za-z!][^<>]*>/g;
// C0/C1 control characters, zero-width and bidirectional formatting marks, BOM.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** A value as the use cases may read it: text without markup or control characters, capped. */
export function cleanArgumentValue(value: unknown, maxLength: number): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return undefined;
  const withoutMarkup = text.replace(SCRIPT_OR_STYLE, ' ').replace(TAG, ' ').replace(CONTROL, ' ');
  // Lone surrogates too: the use cases store this text and send it to Cal.com.
  const cleaned = storableText(withoutMarkup).replace(/\s+/g, ' ').trim();
  if (cleaned.length === 0) return undefined;
  // Cut by code points so an emoji is never split into half a surrogate pair.
  const codePoints = Array.from(cleaned);
  return codePoints.length > maxLength
    ? codePoints.slice(0, maxLength).join('').trimEnd()
    : cleaned;
}

/**
 * The agent's arguments as PhoneFunctionArgs: German or English names in any case and
 * separator style, values cleaned and capped. Unknown names and non-text values are dropped;
 * when two spellings of one argument arrive, the English schema name wins, then the order
 * of the aliases in the tool catalogue.
 */
export function normalisePhoneFunctionArgs(raw: unknown): PhoneFunctionArgs {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const chosen = new Map<ArgumentKey, { rank: number; value: string }>();
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const entry = NAME_TABLE.get(comparable(name));
    if (entry === undefined) continue;
    // A yes/no argument may come as a JSON boolean; elsewhere a boolean is no answer.
    const said = typeof value === 'boolean' && ARGUMENTS[entry.key].yesNo ? yesNo(value) : value;
    const cleaned = cleanArgumentValue(said, ARGUMENTS[entry.key].maxLength);
    if (cleaned === undefined) continue;
    const previous = chosen.get(entry.key);
    if (previous === undefined || entry.rank < previous.rank) {
      chosen.set(entry.key, { rank: entry.rank, value: cleaned });
    }
  }
  const args: Partial<Record<ArgumentKey, string>> = {};
  for (const key of ARGUMENT_KEYS) {
    const value = chosen.get(key)?.value;
    if (value !== undefined) args[key] = value;
  }
  return args;
}

const yesNo = (value: boolean): string => (value ? 'ja' : 'nein');
