/** A start at which one stylist can take the service. */
export interface FreeStart {
  readonly staffId: string;
  readonly start: Date;
  /** When the customer is done (buffer excluded). */
  readonly end: Date;
}
