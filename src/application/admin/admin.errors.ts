import { DomainError } from '../../domain/shared/domain-error';

/**
 * Refusals of the admin API. Codes are stable; the admin edge maps them to HTTP statuses
 * (`*.NOT_FOUND` 404, `*.CONFLICT` / `*.TAKEN` / `*.EXISTS` 409, `*.INVALID*` 400, Forbidden 403).
 */
export class NotFound extends DomainError {
  readonly code: string;
  readonly message: string;

  constructor(readonly entity: string) {
    super();
    this.code = `${entity.toUpperCase()}.NOT_FOUND`;
    this.message = `No such ${entity.toLowerCase().replace(/_/g, ' ')}.`;
  }
}

export class Conflict extends DomainError {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super();
  }
}

/** The caller is known but its key may not do this (e.g. an operator key managing keys). */
export class Forbidden extends DomainError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {
    super();
  }
}

export class InvalidInput extends DomainError {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super();
  }
}

/** The service lacks a setting it needs for this request (e.g. ENCRYPTION_KEY). */
export class NotConfigured extends DomainError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {
    super();
  }
}
