/**
 * Function-call arguments as they may be logged and stored in a call's trace (GDPR): names,
 * phone numbers, emails, addresses and anything secret-like become '[redacted]'; dates, times
 * and service names stay, since they are what an operator needs to follow a call.
 */
export const REDACTED = '[redacted]';

const MAX_DEPTH = 8;

/** Key words (after splitting snake_case, kebab-case and camelCase) whose values are personal. */
const SENSITIVE_KEY_WORDS = new Set(
  [
    'name names firstname lastname fullname vorname nachname kundenname customername callername',
    'phone telephone telefon telefonnummer phonenumber mobile mobil handy tel rufnummer nummer',
    'fromnumber tonumber callernumber msisdn email mail emailaddress address adresse street',
    'strasse birthday birthdate geburtstag geburtsdatum token secret password passwort pin',
    'key apikey signature authorization auth cookie credential credentials bearer iban',
    'stylist staff friseur friseurin mitarbeiter mitarbeiterin',
    'callback callbacknumber rueckruf rückruf rueckrufnummer rückrufnummer',
  ]
    .join(' ')
    .split(' '),
);

/** Keys naming the service stay readable even though they end in "name". */
const SERVICE_KEY = /^(service|dienstleistung|leistung|treatment|behandlung)/;

/** Dates and times look like phone numbers to a digit counter; they are cut out first. */
const DATE_OR_TIME =
  /(\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?|\b\d{1,2}:\d{2}(?::\d{2})?)/;
const PHONE_LIKE = /\(?\+?\d[\d ()\-./]{5,}\d/g;
const EMAIL_LIKE = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}/g;

export function redactArgs(args: unknown): unknown {
  return redactValue(args, 0, new WeakSet());
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      isSensitiveKey(key) && inner !== null && inner !== undefined
        ? REDACTED
        : redactValue(inner, depth + 1, seen);
  }
  return out;
}

export function isSensitiveKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9äöüß]+/)
    .filter(Boolean);
  const joined = words.join('');
  if (SERVICE_KEY.test(joined)) return false;
  // "name", "customer_name", "userName", "staffName": a name whatever comes before it.
  if (SENSITIVE_KEY_WORDS.has(joined) || joined.endsWith('name')) return true;
  return words.some((word) => SENSITIVE_KEY_WORDS.has(word));
}

/** Emails and phone numbers are cut out of any text, whatever key it sits under. */
function redactText(text: string): string {
  return text
    .split(DATE_OR_TIME)
    .map((part, i) => (i % 2 === 1 ? part : redactContacts(part)))
    .join('');
}

function redactContacts(text: string): string {
  // More than 15 digits in one run is several numbers side by side (or a card number): masked too.
  return text
    .replace(EMAIL_LIKE, REDACTED)
    .replace(PHONE_LIKE, (match) => (match.replace(/\D/g, '').length >= 7 ? REDACTED : match));
}
