import { CountryCode, parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js/max';
import { isE164 } from '../shared/contact-formats';
import { DomainError } from '../shared/domain-error';
import { err, ok, Result } from '../shared/result';
import { readSpokenDigits } from './spoken-digits.reader';

/** The number said aloud is no phone number the salon could call back. */
export class CallbackNumberNotUnderstood extends DomainError {
  readonly code = 'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD';
  readonly message = 'The callback number said is no valid phone number.';
}

/** Numbers a salon cannot or should not call back on: they cost the salon or reach no person. */
const NOT_CALLABLE = new Set(['PREMIUM_RATE', 'SHARED_COST', 'PAGER', 'UAN', 'VOICEMAIL']);

/**
 * A callback number said aloud ("null eins sieben eins, zwei drei vier ...", "plus vier neun
 * ...", "doppel-null vier neun ...", "0171 234 56 78") in E.164, read in the branch's country
 * when it has no country code. Only a valid number of a callable kind is taken: a fragment,
 * a number with digits too many or too few, or words that are no digits ask again.
 */
export function parseCallbackNumber(
  spoken: string,
  defaultCountry: CountryCode = 'DE',
): Result<string, CallbackNumberNotUnderstood> {
  const read = readSpokenDigits(spoken);
  if (!read) return err(new CallbackNumberNotUnderstood());
  const { plus, digits } = read;
  // E.164 has at most 15 digits; with "00" or a trunk zero in front a few more are said.
  if (digits.length < 6 || digits.length > 18) return err(new CallbackNumberNotUnderstood());
  const text = plus ? `+${digits}` : digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
  // "vier neun eins sieben eins ...": a country code said without "plus" is likelier than a
  // national number without its trunk zero (as normaliseCallerNumber reads the network's).
  const international = /^[+0]/.test(text) ? undefined : parse(`+${digits}`);
  const parsed = international?.isValid() ? international : parse(text, defaultCountry);
  if (!parsed?.isValid() || !isE164(parsed.number)) return err(new CallbackNumberNotUnderstood());
  const type = parsed.getType();
  if (type !== undefined && NOT_CALLABLE.has(type)) return err(new CallbackNumberNotUnderstood());
  return ok(parsed.number);
}

/**
 * A number as it is read back on the phone, digit by digit in groups: "0 1 7 1, 2 3 4, 5 6 7 8"
 * (national form in the branch's country, "+4 3, 6 6 4, ..." for a foreign one). Groups of
 * three, the last of two to four, after the area code as libphonenumber writes it.
 */
export function spokenPhoneNumber(e164: string, branchCountry: CountryCode = 'DE'): string {
  const parsed = parse(e164);
  if (!parsed) return spell(e164);
  const home = parsed.country === branchCountry;
  const formatted = home ? parsed.formatNational() : parsed.formatInternational();
  const [lead, ...rest] = formatted.split(/\s+/);
  const groups = [lead, ...threes(rest.join('').replace(/\D/g, ''))];
  return groups.map(spell).join(', ');
}

function threes(digits: string): string[] {
  const groups: string[] = [];
  let left = digits;
  while (left.length > 4) {
    groups.push(left.slice(0, 3));
    left = left.slice(3);
  }
  if (left) groups.push(left);
  return groups;
}

const spell = (group: string): string =>
  group
    .replace(/[^\d+]/g, '')
    .split('')
    .join(' ');

function parse(text: string, country?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, country);
  } catch {
    return undefined;
  }
}
