import { randomUUID } from 'node:crypto';
import { Customer } from '../../domain/salon/customer';
import { serviceKey } from '../../domain/salon/service-name-matcher';
import { err, ok, Result } from '../../domain/shared/result';

/** Same person: the spoken name equals the stored one, or its first or last name. */
export function sameName(stored: string, spoken: string): boolean {
  const a = serviceKey(stored);
  const b = serviceKey(spoken);
  if (!a || !b) return false;
  if (a === b) return true;
  const parts = a.split(' ');
  return parts.includes(b) || b.split(' ').every((w) => parts.includes(w));
}

/**
 * The customer a phone booking belongs to: the known one with this number and name (given the
 * e-mail the caller spelled if it had none), else a new one to be written with the booking.
 * A new customer has not agreed to be recognised by number; that consent is given elsewhere.
 * A number only said aloud proves nothing: then a known customer's record stays as it is.
 */
export function customerForBooking(
  known: readonly Customer[],
  phone: string,
  name: string,
  email: string | undefined,
  numberVerified = true,
): Result<{ customer: Customer; isNew: boolean }, string> {
  const same = known.find((c) => sameName(c.name, name));
  if (same) {
    const updated =
      email && !same.email && numberVerified ? same.updateContact({ email }) : undefined;
    return ok({ customer: updated?.ok ? updated.value : same, isNew: false });
  }
  const created = Customer.create({
    id: randomUUID(),
    name,
    phone,
    email,
    recognitionConsent: false,
  });
  if (!created.ok) return err(created.error.detail);
  return ok({ customer: created.value, isNew: true });
}
