/**
 * A refusal the salon's callers or staff can hit. `code` is stable (clients and tests match on it)
 * and the refusal carries the facts its answer needs; `message` is a plain English line for logs
 * and operators, free of personal data. What a caller hears is decided at the edge
 * (src/common/domain-error.sentences.ts), never here.
 */
export abstract class DomainError {
  abstract readonly code: string;
  abstract readonly message: string;

  /**
   * A thrown domain error extends Error instead (for its stack): it is a DomainError all the same.
   * Subclasses keep the ordinary prototype check.
   */
  static [Symbol.hasInstance]<T>(
    this: abstract new (...args: never[]) => T,
    value: unknown,
  ): value is T {
    return (
      Function.prototype[Symbol.hasInstance].call(this, value) ||
      ((this as unknown) === DomainError && value instanceof ThrownDomainError)
    );
  }
}

/**
 * A domain error that is thrown, not returned: a surprise (convention 5), such as a failure of
 * the external calendar. It is a real Error, so it carries a stack; its `code` and `message` are
 * those of every DomainError.
 */
export abstract class ThrownDomainError extends Error implements DomainError {
  abstract readonly code: string;
  abstract override readonly message: string;
}
