import { DomainError } from '../../../domain/shared/domain-error';
import { Result } from '../../../domain/shared/result';

/** A refusal on its way to the admin error filter, which picks the status. */
export class AdminRefusal extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.code);
  }
}

/** The value, or the refusal thrown for the filter to answer. */
export function orRefuse<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new AdminRefusal(result.error);
  return result.value;
}
