import { createHash } from 'node:crypto';
import { CountryCode } from 'libphonenumber-js/max';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { parseCallbackNumber } from '../../domain/salon/callback-number';
import { serviceKey } from '../../domain/salon/service-name-matcher';
import { isPlausibleEmail } from '../../domain/shared/contact-formats';
import { err, ok, Result } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import { CallContext } from './call-context';
import { PhoneFunctionArgs } from './phone-functions';
import { SpokenRequestReader, Wish } from './spoken-request.reader';
import { WishRefusal } from './wish-refusal';

/** What the booking still lacks from the caller. */
export interface BookingRefused {
  readonly kind: 'refused';
  /**
   * No name to book on; an e-mail that cannot be one; a withheld number and no callback number
   * said; a callback number said that is no phone number.
   */
  readonly reason:
    'NAME_MISSING' | 'EMAIL_INVALID' | 'PHONE_NEEDED' | 'CALLBACK_NUMBER_NOT_UNDERSTOOD';
}

/** A phone booking as understood: the wish, who it is for, and the key a retry repeats. */
export interface BookingRequest extends Wish {
  readonly name: string;
  readonly email: string | undefined;
  /** The caller's number in E.164, their callback number. */
  readonly phone: string;
  /**
   * Whether the number was said aloud rather than shown by the network: it is read back once,
   * and (unverified) it may not change what is stored of a customer already on it.
   */
  readonly phoneSpoken: boolean;
  readonly idempotencyKey: string;
}

/** The booking the caller asked for, or the first thing to ask back. */
export function readBookingRequest(
  salon: BranchContext,
  call: CallContext,
  args: PhoneFunctionArgs,
  now: Date,
): Result<BookingRequest, WishRefusal | BookingRefused> {
  const wish = new SpokenRequestReader(salon).wish(args, now);
  if (!wish.ok) return wish;
  const name = args.name?.trim();
  if (!name) return err({ kind: 'refused', reason: 'NAME_MISSING' });
  const email = args.email?.trim() || undefined;
  if (email && !isPlausibleEmail(email)) return err({ kind: 'refused', reason: 'EMAIL_INVALID' });
  const phone = callbackNumber(salon, call, args);
  if (!phone.ok) return phone;
  const { service, start, stylist } = wish.value;
  const caller = call.callId ?? `phone:${phone.value.phone}`;
  // A visit's key names all its services: "Schneiden und Färben" is not "Schneiden" again.
  const key = idempotencyKey(caller, service.serviceIds.join('+'), start, stylist?.id, name);
  return ok({ ...wish.value, name, email, ...phone.value, idempotencyKey: key });
}

/**
 * The number the salon calls back on: the one said aloud when the caller gave one (a withheld
 * caller must), else the caller's own. A number said that is no phone number is asked again,
 * never replaced by the caller ID: the caller meant another one.
 */
function callbackNumber(
  salon: BranchContext,
  call: CallContext,
  args: PhoneFunctionArgs,
): Result<{ phone: string; phoneSpoken: boolean }, BookingRefused> {
  const country = salon.country as CountryCode;
  if (args.callbackNumber?.trim()) {
    const spoken = parseCallbackNumber(args.callbackNumber, country);
    if (!spoken.ok) return err({ kind: 'refused', reason: 'CALLBACK_NUMBER_NOT_UNDERSTOOD' });
    const own = normaliseCallerNumber(call.callerNumber, country);
    // The caller repeating their own number aloud gives nothing to read back.
    return ok({ phone: spoken.value, phoneSpoken: !own.ok || own.value !== spoken.value });
  }
  const own = normaliseCallerNumber(call.callerNumber, country);
  if (!own.ok) return err({ kind: 'refused', reason: 'PHONE_NEEDED' });
  return ok({ phone: own.value, phoneSpoken: false });
}

/**
 * Retell retries a failed call: the same call, service, start, stylist and name make the same
 * key, so a retry finds the booking its first delivery made.
 */
function idempotencyKey(
  caller: string,
  serviceId: string,
  start: Date,
  staffId: string | undefined,
  name: string,
): string {
  const digest = createHash('sha256')
    .update([serviceId, start.toISOString(), staffId ?? 'any', serviceKey(name)].join('|'))
    .digest('hex')
    .slice(0, 32);
  return `v1:${caller.slice(0, 140)}:${digest}`;
}
