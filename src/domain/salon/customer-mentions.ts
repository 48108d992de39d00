import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** What an erased customer's data is replaced with wherever it was written down. */
export const ERASED = '[erased]';

/** Shorter names would match inside ordinary words; they are erased only where they are known. */
const MIN_NAME_LENGTH = 3;

/** Between digits of a number as people and networks write it: spaces, dashes, dots, brackets. */
const SEPARATORS = '[\\s\\-/.()]*';

export interface CustomerContacts {
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/**
 * How one customer's name, phone number and e-mail may show up in stored text: the phone number
 * in any spelling ("+49 176 5234 0088", "0049176…", "0176/52340088"), name and e-mail in any case.
 */
export class CustomerMentions {
  private constructor(
    private readonly patterns: readonly RegExp[],
    /** Name and e-mail as they are, for a case-insensitive substring pre-filter. */
    readonly literals: readonly string[],
    private readonly phone: { readonly countryCode: string; readonly national: string } | null,
  ) {}

  /** The number's national digits: a cheap pre-filter over digit-only text. */
  get nationalDigits(): string | null {
    return this.phone?.national ?? null;
  }

  static of(contacts: CustomerContacts): CustomerMentions {
    const literals = [contacts.name.trim(), contacts.email?.trim() ?? ''].filter(
      (text) => text.length >= MIN_NAME_LENGTH,
    );
    // Whole words only: "Anna Muster" is not inside "Anna Mustermann".
    const patterns = literals.map(
      (text) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'giu'),
    );
    const parsed = contacts.phone ? parsePhoneNumberFromString(contacts.phone) : undefined;
    const phone = parsed
      ? { countryCode: String(parsed.countryCallingCode), national: String(parsed.nationalNumber) }
      : null;
    if (phone) patterns.push(phonePattern(phone.countryCode, phone.national));
    return new CustomerMentions(patterns, literals, phone);
  }

  /** The digit strings a stored number of this customer reads as once separators are dropped. */
  phoneDigitSpellings(): string[] {
    if (!this.phone) return [];
    const { countryCode: cc, national } = this.phone;
    return [`${cc}${national}`, `00${cc}${national}`, `0${national}`, `${cc}0${national}`];
  }

  mentionedIn(text: string): boolean {
    return this.patterns.some((pattern) => new RegExp(pattern.source, 'iu').test(text));
  }

  /** The text with every mention replaced by ERASED. */
  eraseFrom(text: string): string {
    return this.patterns.reduce((out, pattern) => out.replace(pattern, ERASED), text);
  }

  /** A JSON value with every mention erased from its strings and keys. */
  eraseFromJson(value: unknown): unknown {
    if (typeof value === 'string') return this.eraseFrom(value);
    if (Array.isArray(value)) return value.map((item) => this.eraseFromJson(item));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [this.eraseFrom(key), this.eraseFromJson(inner)]),
    );
  }
}

function phonePattern(countryCode: string, national: string): RegExp {
  const digits = national.split('').join(SEPARATORS);
  const prefix = `(?:(?:\\+|00)?\\s*${countryCode}${SEPARATORS}(?:(?:\\(0\\)|0)${SEPARATORS})?|0${SEPARATORS})?`;
  return new RegExp(`(?<!\\d)${prefix}${digits}(?!\\d)`, 'gu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
