import { DomainError } from '../shared/domain-error';

/** A salon record (service, hours, branch, stylist, customer) that does not make sense. */
export abstract class InvalidSalonData extends DomainError {
  constructor(readonly detail: string) {
    super();
  }
}

export class InvalidService extends InvalidSalonData {
  readonly code = 'SALON.INVALID_SERVICE';
  readonly message = 'The service is not valid.';
}

export class InvalidHours extends InvalidSalonData {
  readonly code = 'SALON.INVALID_HOURS';
  readonly message = 'The opening or working hours are not valid.';
}

export class InvalidBranch extends InvalidSalonData {
  readonly code = 'SALON.INVALID_BRANCH';
  readonly message = 'The branch is not valid.';
}

export class InvalidStaff extends InvalidSalonData {
  readonly code = 'SALON.INVALID_STAFF';
  readonly message = 'The stylist is not valid.';
}

export class InvalidCustomer extends InvalidSalonData {
  readonly code = 'SALON.INVALID_CUSTOMER';
  readonly message = 'The customer is not valid.';
}

/** Unwraps a definition that the caller vouches for (fixtures, stored rows); a bad one is a bug. */
export function orThrow<T>(
  result: { ok: true; value: T } | { ok: false; error: InvalidSalonData },
): T {
  if (!result.ok) {
    throw new RangeError(`${result.error.code}: ${result.error.detail}`);
  }
  return result.value;
}
