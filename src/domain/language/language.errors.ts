import { DomainError } from '../shared/domain-error';
import { DateParts } from './date-parts';
import { LocalTime, toClockString } from './local-time';

/** The agent sent a day we cannot read; the caller is asked again, nothing is guessed. */
export class DateNotUnderstood extends DomainError {
  readonly code = 'LANGUAGE.DATE_NOT_UNDERSTOOD';
  readonly message = 'The day could not be read.';
}

/**
 * The agent sent a phrase that names no single day ("Anfang nächster Woche", "irgendwann im
 * Januar"): the caller is asked which of the days it could mean, nothing is guessed.
 */
export class DateAmbiguous extends DomainError {
  readonly code = 'LANGUAGE.DATE_AMBIGUOUS';
  readonly message: string;

  /** days: in calendar order, at least one. */
  constructor(readonly days: readonly DateParts[]) {
    super();
    this.message = `The phrase names no single day for certain (${days.length} candidates).`;
  }
}

/** The agent sent a time we cannot read, or none at all. */
export class TimeNotUnderstood extends DomainError {
  readonly code = 'LANGUAGE.TIME_NOT_UNDERSTOOD';
  readonly message = 'The time could not be read.';
}

/** "um acht" when the salon is open at 8 and at 20: the caller decides, not we. */
export class TimeAmbiguous extends DomainError {
  readonly code = 'LANGUAGE.TIME_AMBIGUOUS';
  readonly message: string;

  constructor(readonly readings: readonly [LocalTime, LocalTime]) {
    super();
    const [early, late] = readings.map(toClockString);
    this.message = `The time reads as ${early} or ${late}.`;
  }
}

/** A wall time that the spring clock change skips (e.g. 02:30 on the last Sunday of March). */
export class TimeSkippedByClockChange extends DomainError {
  readonly code = 'LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE';
  readonly message = 'The spring clock change skips this wall time on that day.';
}
