import {
  PHONE_FUNCTION_ALIASES,
  PHONE_FUNCTION_NAMES,
  PhoneFunctionName,
} from '../../../application/booking/phone-functions';

const KNOWN = new Set<string>(PHONE_FUNCTION_NAMES);

/**
 * Agents moved over from the old system call versioned names ("check_availability_v17"): the
 * version belongs to their tool definitions, not to what the function does.
 */
const VERSION_SUFFIX = /_v\d{1,9}$/;

/**
 * The function an agent means: an official name or an alias ("start_booking"), in any case,
 * with or without a `_v<digits>` version suffix. Null for anything else.
 */
export function phoneFunctionNamed(name: string): PhoneFunctionName | null {
  const key = name.trim().toLowerCase().replace(VERSION_SUFFIX, '');
  if (KNOWN.has(key)) return key as PhoneFunctionName;
  return Object.prototype.hasOwnProperty.call(PHONE_FUNCTION_ALIASES, key)
    ? PHONE_FUNCTION_ALIASES[key]
    : null;
}
