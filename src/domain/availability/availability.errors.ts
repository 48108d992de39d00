import { DomainError } from '../shared/domain-error';
import type { LocalDate } from '../shared/local-date';
import type { BusyKind } from './busy-interval';

export type UnavailableReason =
  | 'IN_THE_PAST'
  | 'TOO_SHORT_NOTICE'
  | 'BEYOND_HORIZON'
  | 'CLOSED_DAY'
  | 'OUTSIDE_OPENING_HOURS'
  | 'RUNS_PAST_OPENING_HOURS'
  | 'SERVICE_NOT_OFFERED'
  | 'OUTSIDE_WORKING_HOURS'
  | 'CONFLICT'
  | 'UNKNOWN_STYLIST';

/** Why a start cannot be booked. */
export abstract class Unavailable extends DomainError {
  abstract readonly reason: UnavailableReason;
}

export class InThePast extends Unavailable {
  readonly reason = 'IN_THE_PAST';
  readonly code = 'AVAILABILITY.IN_THE_PAST';
  readonly message = 'The start lies in the past.';
}

export class TooShortNotice extends Unavailable {
  readonly reason = 'TOO_SHORT_NOTICE';
  readonly code = 'AVAILABILITY.TOO_SHORT_NOTICE';
  readonly message = 'The start is closer than the minimum notice.';
}

export class BeyondHorizon extends Unavailable {
  readonly reason = 'BEYOND_HORIZON';
  readonly code = 'AVAILABILITY.BEYOND_HORIZON';
  readonly message = 'The start lies beyond the booking horizon.';

  /** @param lastBookableDate the last open day inside the service's booking horizon */
  constructor(readonly lastBookableDate: LocalDate) {
    super();
  }
}

export class ClosedDay extends Unavailable {
  readonly reason = 'CLOSED_DAY';
  readonly code = 'AVAILABILITY.CLOSED_DAY';
  readonly message = 'The salon is closed that day.';
}

export class OutsideOpeningHours extends Unavailable {
  readonly reason = 'OUTSIDE_OPENING_HOURS';
  readonly code = 'AVAILABILITY.OUTSIDE_OPENING_HOURS';
  readonly message = 'The salon is not open at that time.';
}

/**
 * The salon is open at the start, but the service would still run when that opening window
 * ends: at a break (split opening hours) or at closing.
 */
export class RunsPastOpeningHours extends Unavailable {
  readonly reason = 'RUNS_PAST_OPENING_HOURS';
  readonly code = 'AVAILABILITY.RUNS_PAST_OPENING_HOURS';
  readonly message = 'The salon is open at that time, but closes before the service ends.';

  /**
   * @param closesAt when the opening window the start lies in ends
   * @param reopensLater the salon opens again that day (the window ends at a break)
   */
  constructor(
    readonly closesAt: Date,
    readonly reopensLater: boolean,
  ) {
    super();
  }
}

export class ServiceNotOffered extends Unavailable {
  readonly reason = 'SERVICE_NOT_OFFERED';
  readonly code = 'AVAILABILITY.SERVICE_NOT_OFFERED';
  readonly message = 'The stylist does not offer the service.';
}

export class OutsideWorkingHours extends Unavailable {
  readonly reason = 'OUTSIDE_WORKING_HOURS';
  readonly code = 'AVAILABILITY.OUTSIDE_WORKING_HOURS';
  readonly message = 'The stylist does not work at that time.';
}

/**
 * A visit stylists may share: for some of its services (`serviceIds`) nobody who does them
 * works at that time; `wholeDay`: nobody of them works that day at all.
 */
export class NobodyAtWorkFor extends OutsideWorkingHours {
  constructor(
    readonly serviceIds: readonly string[],
    readonly wholeDay: boolean,
  ) {
    super();
  }
}

export class UnknownStylist extends Unavailable {
  readonly reason = 'UNKNOWN_STYLIST';
  readonly code = 'AVAILABILITY.UNKNOWN_STYLIST';
  readonly message = 'The branch has no such stylist.';

  constructor(readonly staffId: string) {
    super();
  }
}

/** The start collides with something that already blocks the stylist. */
export class SlotTaken extends Unavailable {
  readonly reason = 'CONFLICT';
  readonly code = 'AVAILABILITY.SLOT_TAKEN';
  readonly message: string;

  constructor(readonly conflictKind: BusyKind) {
    super();
    this.message =
      conflictKind === 'absence'
        ? 'The stylist is away at that time.'
        : `The time is taken (${conflictKind}).`;
  }
}
