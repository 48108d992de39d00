import { CountryCode } from 'libphonenumber-js/max';
import { normaliseCallerNumber } from './caller-phone';

/** What the lookup needs of a customer; the salon's Customer satisfies it structurally. */
export interface RecognisableCustomer {
  readonly id: string;
  readonly name: string;
  /** E.164 as stored; re-normalised here so a stray format cannot cause a false match. */
  readonly phone: string;
  /** Consent to be recognised by caller ID. */
  readonly recognitionConsent: boolean;
}

export type CallerLookup<C extends RecognisableCustomer> =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'new'; readonly phone: string }
  | { readonly kind: 'existing'; readonly phone: string; readonly customer: C }
  | { readonly kind: 'ambiguous'; readonly phone: string; readonly count: number };

/**
 * Who is calling, from the caller's raw number and the company's customers stored under it.
 * - No usable number (withheld, anonymous marker, not a number): 'anonymous', no match at all.
 * - Two or more distinct customers on the number: 'ambiguous' (a family line, a shared
 *   salon phone); the agent asks for the name instead of greeting anyone by a wrong one.
 * - Exactly one customer who agreed to be recognised: 'existing'.
 * - One customer without that consent is answered as 'new': recognising them by number is
 *   exactly what they did not agree to, so the agent asks for the name like for anyone else.
 *   A booking then matches the spoken name and number, so no duplicate customer arises.
 */
export function lookUpCaller<C extends RecognisableCustomer>(
  rawNumber: unknown,
  customersWithThatNumber: readonly C[],
  defaultCountry: CountryCode = 'DE',
): CallerLookup<C> {
  const normalised = normaliseCallerNumber(rawNumber, defaultCountry);
  if (!normalised.ok) return { kind: 'anonymous' };
  const phone = normalised.value;
  const matching = distinctById(
    customersWithThatNumber.filter((customer) => samePhone(customer.phone, phone, defaultCountry)),
  );
  if (matching.length > 1) return { kind: 'ambiguous', phone, count: matching.length };
  const [customer] = matching;
  if (customer === undefined || !customer.recognitionConsent) return { kind: 'new', phone };
  return { kind: 'existing', phone, customer };
}

function samePhone(stored: string, caller: string, country: CountryCode): boolean {
  const normalised = normaliseCallerNumber(stored, country);
  return normalised.ok && normalised.value === caller;
}

function distinctById<C extends RecognisableCustomer>(customers: readonly C[]): C[] {
  const byId = new Map<string, C>();
  for (const customer of customers) if (!byId.has(customer.id)) byId.set(customer.id, customer);
  return [...byId.values()];
}
