/**
 * What the database refused although the checks before it let the write through: a race lost
 * to another writer, or a value of a form the checks did not foresee. Every persistence port
 * throws this instead of its driver's error; each edge decides what it means to its callers.
 */
export type StoreRefusalCode =
  /** Another busy block of the stylist overlaps (the no-overlap constraint). */
  | 'STORE.TIME_TAKEN'
  /** A value that must be unique exists already. */
  | 'STORE.DUPLICATE'
  /** A reference to a row that does not exist (or no longer). */
  | 'STORE.MISSING_REFERENCE'
  /** A check or not-null rule of the schema: the checks before it have a gap. */
  | 'STORE.RULE_BROKEN'
  /** A value of the wrong form for its column, e.g. text that is no uuid. */
  | 'STORE.MALFORMED_VALUE'
  | 'STORE.MALFORMED_TIME'
  | 'STORE.TIME_OUT_OF_RANGE'
  | 'STORE.NUMBER_OUT_OF_RANGE'
  | 'STORE.VALUE_TOO_LONG'
  /** Any other value the database cannot take. */
  | 'STORE.BAD_VALUE'
  /** A deadlock or serialization conflict that running the transaction again did not end. */
  | 'STORE.CONTENDED';

export class StoreRefusal extends Error {
  override readonly name = 'StoreRefusal';

  constructor(
    readonly code: StoreRefusalCode,
    /** The schema's name for the rule that refused, where the database names one. */
    readonly constraint?: string,
  ) {
    super(`the database refused this: ${code}${constraint ? ` (${constraint})` : ''}`);
  }
}
