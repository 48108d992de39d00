import { CountryCode, parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js/max';
import { DomainError } from '../shared/domain-error';
import { err, ok, Result } from '../shared/result';
import { BoundedMemo } from '../shared/bounded-memo';
import { isE164 } from '../shared/contact-formats';

/** The caller withheld their number: there is nothing to match, which is not an error. */
export class AnonymousCaller extends DomainError {
  readonly code = 'CALLER.ANONYMOUS';
  readonly message = 'The caller withheld the number.';
}

/**
 * Something arrived that is no phone number (letters, a fragment, more digits than E.164
 * allows): no match either. Every caller of normaliseCallerNumber treats it as withheld.
 */
export class InvalidCallerNumber extends DomainError {
  readonly code = 'CALLER.INVALID_NUMBER';
  readonly message = 'The caller number is no phone number.';
}

export type CallerNumberProblem = AnonymousCaller | InvalidCallerNumber;

/** How networks and Retell label a withheld number. */
const ANONYMOUS_WORDS = new Set(
  [
    'anonymous|anonym|unknown|unbekannt|restricted|private|privat|withheld|unavailable',
    'blocked|hidden|unterdrueckt|unterdrückt|none|null|undefined|n/a|na|no caller id',
    'nicht verfuegbar|nicht verfügbar|rufnummer unterdrückt',
  ]
    .join('|')
    .split('|'),
);
/** Carriers also spell the words on the keypad: +266696687 is A-N-O-N-Y-M-O-U-S (Twilio). */
const KEYPAD_SPELLINGS = new Set(
  ['anonymous', 'restricted', 'private', 'blocked', 'unavailable', 'unknown', 'withheld'].map(
    (word) => word.replace(/[a-z]/g, keypadDigit),
  ),
);
/** Fewer national digits than any dialable subscriber number: a network code, not a caller. */
const MIN_DIGITS = 5;

/**
 * The caller's number in E.164, read the way people and networks write it: "+49 30 1234567",
 * "0049 30 1234567", "030 1234567", "49 30 1234567", "+49 (0)30 123 45 67", with dashes,
 * slashes, dots, "tel:" or "sip:" prefixes. defaultCountry is the branch's country.
 *
 * This is the one rule for a caller's number everywhere (function calls, webhooks, the call
 * record): what it answers is a number a Customer accepts, and anything else is no number at
 * all, answered like a withheld one.
 */
export function normaliseCallerNumber(
  raw: unknown,
  defaultCountry: CountryCode = 'DE',
): Result<string, CallerNumberProblem> {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return err(new AnonymousCaller());
  // Every function call reads the salon's line and the caller's number again: remember them.
  if (raw.length > MEMO_MAX_LENGTH) return normalise(raw, defaultCountry);
  const text = raw;
  return normalisedNumbers.get(`${defaultCountry}|${text}`, () => normalise(text, defaultCountry));
}

const MEMO_MAX_LENGTH = 64;
const normalisedNumbers = new BoundedMemo<Result<string, CallerNumberProblem>>(10_000);

function normalise(raw: string, defaultCountry: CountryCode): Result<string, CallerNumberProblem> {
  const text = stripUriScheme(raw.trim().toLowerCase());
  if (ANONYMOUS_WORDS.has(text.replace(/\s+/g, ' ')) || text.includes('anonymous')) {
    return err(new AnonymousCaller());
  }
  // "+49 (0)30": the bracketed trunk zero is dialled only from inside the country.
  const cleaned = text.replace(/\(0\)/g, '');
  if (/[^\d\s+()\-./]/.test(cleaned) || cleaned.lastIndexOf('+') > 0) {
    return err(new InvalidCallerNumber());
  }
  const digits = cleaned.replace(/\D/g, '');
  const international = cleaned.startsWith('+') || digits.startsWith('00');
  const significant = digits.replace(/^0+/, '');
  if (significant.length < MIN_DIGITS || KEYPAD_SPELLINGS.has(significant)) {
    return err(new AnonymousCaller());
  }
  const parsed = international
    ? possible(parse(`+${significant}`))
    : readWithoutPlus(digits, defaultCountry);
  // libphonenumber deems some German numbers of 16 and 17 digits possible; E.164 ends at 15.
  return parsed && isE164(parsed.number) ? ok(parsed.number) : err(new InvalidCallerNumber());
}

/** The caller's number in E.164, or undefined when it is withheld or no number. */
export function callerNumberOrWithheld(
  raw: unknown,
  defaultCountry: CountryCode = 'DE',
): string | undefined {
  const number = normaliseCallerNumber(raw, defaultCountry);
  return number.ok ? number.value : undefined;
}

/**
 * "030 1234567" is national: the trunk zero says so. Without it, "49 30 1234567" most likely
 * lost its "+" (callers' numbers come from the network in international form), so the
 * international reading wins when it is a valid number; else the national one when valid.
 */
function readWithoutPlus(digits: string, country: CountryCode): PhoneNumber | undefined {
  const national = parse(digits, country);
  if (digits.startsWith('0')) return possible(national);
  const international = parse(`+${digits}`);
  if (international?.isValid()) return international;
  if (national?.isValid()) return national;
  return possible(international);
}

function parse(text: string, country?: CountryCode): PhoneNumber | undefined {
  return parsePhoneNumberFromString(text, country);
}

/** Possible (right length for the country), not necessarily valid: test and new ranges exist. */
function possible(number: PhoneNumber | undefined): PhoneNumber | undefined {
  return number?.isPossible() ? number : undefined;
}

function stripUriScheme(text: string): string {
  const uri = /^(?:tel|sips?):([^@;]*)/.exec(text);
  return uri ? uri[1] : text;
}

function keypadDigit(letter: string): string {
  const keys = ['abc', 'def', 'ghi', 'jkl', 'mno', 'pqrs', 'tuv', 'wxyz'];
  return String(keys.findIndex((k) => k.includes(letter)) + 2);
}
