import { Service } from '../salon/service';
import { busyStepsByStylist, ServiceStylist, StylistStep } from '../salon/visit-assignment';
import { TimeRange } from '../shared/time-range';
import { IdGenerator, randomIds } from './id-generator';

export const DEFAULT_HOLD_MINUTES = 3;

export interface HoldSnapshot {
  readonly id: string;
  readonly callId: string;
  readonly staffId: string;
  readonly serviceId: string;
  readonly start: Date;
  readonly busy: readonly TimeRange[];
  readonly expiresAt: Date;
  /** Whom each of `busy` blocks (a visit shared by several stylists); unset: `staffId`. */
  readonly busyStaffIds?: readonly string[];
  /** A visit shared by several stylists: who does which service, as offered to the caller. */
  readonly assignment?: readonly ServiceStylist[];
}

/**
 * A slot offered to one call, kept for a few minutes: other calls see its busy steps as taken,
 * the same call's booking consumes it.
 */
export class Hold {
  private constructor(private readonly s: HoldSnapshot) {}

  static place(p: {
    callId: string;
    staffId: string;
    service: Service;
    start: Date;
    now: Date;
    assignment?: readonly ServiceStylist[];
    minutes?: number;
    id?: string;
    newId?: IdGenerator;
  }): Hold {
    const minutes = p.minutes ?? DEFAULT_HOLD_MINUTES;
    const steps = busyStepsByStylist(p.service, p.start, p.staffId, p.assignment);
    const busy = steps.map((s) => s.range);
    return new Hold({
      ...(p.assignment
        ? {
            assignment: p.assignment.map((a) => ({ ...a })),
            busyStaffIds: steps.map((s) => s.staffId),
          }
        : {}),
      id: p.id ?? (p.newId ?? randomIds)(),
      callId: p.callId,
      staffId: p.staffId,
      serviceId: p.service.id,
      start: new Date(p.start.getTime()),
      busy,
      expiresAt: new Date(p.now.getTime() + minutes * 60_000),
    });
  }

  static restore(snapshot: HoldSnapshot): Hold {
    return new Hold({ ...snapshot, busy: [...snapshot.busy] });
  }

  get id(): string {
    return this.s.id;
  }
  get callId(): string {
    return this.s.callId;
  }
  get staffId(): string {
    return this.s.staffId;
  }
  get serviceId(): string {
    return this.s.serviceId;
  }
  get start(): Date {
    return new Date(this.s.start.getTime());
  }
  get expiresAt(): Date {
    return new Date(this.s.expiresAt.getTime());
  }

  /**
   * Holds exactly the busy time of `service` at `start`: a hold for a visit that begins with
   * the same service does not stand for that service alone, nor the other way round.
   */
  holdsExactly(service: Service, start: Date): boolean {
    const needed = service.layoutAt(start).filter((p) => p.staffBusy);
    const held = this.s.busy;
    return (
      held.length === needed.length &&
      needed.every((p, i) => p.range.startMs === held[i].startMs && p.range.endMs === held[i].endMs)
    );
  }

  busyIntervals(): TimeRange[] {
    return [...this.s.busy];
  }

  /** Each held busy step with the stylist it blocks. */
  busySteps(): StylistStep[] {
    return this.s.busy.map((range, i) => ({
      staffId: this.s.busyStaffIds?.[i] ?? this.s.staffId,
      range,
    }));
  }

  /** Who does which service, when the visit held is shared by several stylists. */
  get assignment(): readonly ServiceStylist[] | undefined {
    return this.s.assignment;
  }

  /** Expiry is exclusive: at `expiresAt` the slot is open to everyone again. */
  isLive(now: Date): boolean {
    return now.getTime() < this.s.expiresAt.getTime();
  }

  isHeldBy(callId: string): boolean {
    return this.s.callId === callId;
  }

  /** Does this hold reserve exactly what the call now wants to book? */
  covers(booking: {
    callId: string;
    staffId: string;
    serviceId: string;
    start: Date;
    assignment?: readonly ServiceStylist[];
  }): boolean {
    return (
      sameAssignment(this.s.assignment, booking.assignment) &&
      this.isHeldBy(booking.callId) &&
      this.s.staffId === booking.staffId &&
      this.s.serviceId === booking.serviceId &&
      this.s.start.getTime() === booking.start.getTime()
    );
  }

  toSnapshot(): HoldSnapshot {
    return { ...this.s, start: this.start, expiresAt: this.expiresAt, busy: this.busyIntervals() };
  }
}

function sameAssignment(
  a: readonly ServiceStylist[] | undefined,
  b: readonly ServiceStylist[] | undefined,
): boolean {
  if (!a || !b) return a === b;
  return (
    a.length === b.length &&
    a.every((x, i) => x.serviceId === b[i].serviceId && x.staffId === b[i].staffId)
  );
}
