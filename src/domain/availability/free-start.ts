import type { ServiceStylist } from '../salon/visit-assignment';

/** A start at which one stylist can take the service. */
export interface FreeStart {
  /** The stylist; of a visit shared by several stylists, the one of its first service. */
  readonly staffId: string;
  readonly start: Date;
  /** When the customer is done (buffer excluded). */
  readonly end: Date;
  /** A visit shared by several stylists: who does which service, in the visit's order. */
  readonly assignment?: readonly ServiceStylist[];
}
