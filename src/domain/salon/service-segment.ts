/** One step of a service: how long it takes and whether the stylist is at the chair for it. */
export interface ServiceSegment {
  readonly minutes: number;
  readonly staffBusy: boolean;
}

/** A segment within a visit of several services: whose step it is, and which of that service's. */
export interface VisitSegment extends ServiceSegment {
  readonly serviceId: string;
  /** 1-based position among the segments of its own service (its calendar mapping's key). */
  readonly serviceSequence: number;
}

/** The stylist works on the customer (cutting, wrapping, rinsing). */
export const busy = (minutes: number): ServiceSegment => ({ minutes, staffBusy: true });

/** Processing time: the customer waits, the stylist is free for someone else. */
export const free = (minutes: number): ServiceSegment => ({ minutes, staffBusy: false });
