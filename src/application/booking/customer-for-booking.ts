import { randomUUID } from 'node:crypto';
import { Customer } from '../../domain/salon/customer';
import { serviceKey } from '../../domain/salon/service-name-matcher';
import { err, ok, Result } from '../../domain/shared/result';
import { TenantScope } from '../ports/appointment.repository.port';
import { CustomerRepository } from '../ports/customer.repository.port';

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
 * The customer a phone booking belongs to: the one with this number and name, else a new one.
 * A new customer has not agreed to be recognised by number; that consent is given elsewhere.
 */
export async function customerForBooking(
  customers: CustomerRepository,
  scope: TenantScope,
  phone: string,
  name: string,
  email: string | undefined,
): Promise<Result<Customer, string>> {
  const known = (await customers.findByPhone(scope, phone)).find((c) => sameName(c.name, name));
  if (known) {
    if (email && !known.email) {
      const updated = known.updateContact({ email });
      if (updated.ok) {
        await customers.save(scope, updated.value);
        return ok(updated.value);
      }
    }
    return ok(known);
  }
  const created = Customer.create({
    id: randomUUID(),
    name,
    phone,
    email,
    recognitionConsent: false,
  });
  if (!created.ok) return err(created.error.detail);
  await customers.add(scope, created.value);
  return ok(created.value);
}
