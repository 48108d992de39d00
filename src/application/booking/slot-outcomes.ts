import { Unavailable } from '../../domain/availability/availability.errors';
import { FreeStart } from '../../domain/availability/free-start';
import { Staff } from '../../domain/salon/staff';
import { CalendarVerdict } from './calendar-check';

/** The wish cannot be had: why, and the nearest starts that can be had instead. */
export interface SlotUnavailable {
  readonly kind: 'unavailable';
  readonly asked: Date;
  /** The stylist the caller asked for, if any. */
  readonly stylist: Staff | undefined;
  readonly why: Unavailable;
  readonly alternatives: readonly FreeStart[];
  /** Cal.com's verdicts behind the refusal and the alternatives. */
  readonly verdicts: readonly CalendarVerdict[];
}

/** The wish was free when read but went to someone else before it was written. */
export interface SlotTakenMeanwhile {
  readonly kind: 'taken-meanwhile';
  readonly asked: Date;
  readonly stylist: Staff | undefined;
  readonly alternatives: readonly FreeStart[];
  readonly verdicts: readonly CalendarVerdict[];
}
