/**
 * A refusal the salon's callers or staff can hit. `code` is stable (clients and tests match on it);
 * `message` is a short German sentence the voice agent can speak: no markup, no internal detail.
 */
export abstract class DomainError {
  abstract readonly code: string;
  abstract readonly message: string;
}
