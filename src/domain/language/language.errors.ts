import { DomainError } from '../shared/domain-error';
import { formatGermanLocalTime as spoken } from './german-date.formatter';
import { LocalTime } from './local-time';

/** The agent sent a day we cannot read; the caller is asked again, nothing is guessed. */
export class DateNotUnderstood extends DomainError {
  readonly code = 'LANGUAGE.DATE_NOT_UNDERSTOOD';
  readonly message = 'Welchen Tag meinen Sie genau?';
}

/** The agent sent a time we cannot read, or none at all. */
export class TimeNotUnderstood extends DomainError {
  readonly code = 'LANGUAGE.TIME_NOT_UNDERSTOOD';
  readonly message = 'Um wie viel Uhr möchten Sie kommen?';
}

/** "um acht" when the salon is open at 8 and at 20: the caller decides, not we. */
export class TimeAmbiguous extends DomainError {
  readonly code = 'LANGUAGE.TIME_AMBIGUOUS';
  readonly message: string;

  constructor(readonly readings: readonly [LocalTime, LocalTime]) {
    super();
    const [early, late] = readings;
    this.message = `Meinen Sie ${spoken(early)} morgens oder ${spoken(late)}?`;
  }
}

/** A wall time that the spring clock change skips (e.g. 02:30 on the last Sunday of March). */
export class TimeSkippedByClockChange extends DomainError {
  readonly code = 'LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE';
  readonly message =
    'Diese Uhrzeit gibt es wegen der Zeitumstellung an dem Tag nicht. Welche Uhrzeit meinen Sie?';
}
