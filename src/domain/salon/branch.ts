import { err, ok, Result } from '../shared/result';
import { TimeRange } from '../shared/time-range';
import { isLocalDate, isValidTimeZone, LocalDate, localDateOf } from '../shared/local-date';
import { InvalidBranch, orThrow } from './salon.errors';
import { WeeklyHours } from './weekly-hours';

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
export const DEFAULT_SLOT_GRANULARITY_MINUTES = 15;

export interface BranchProps {
  readonly id: string;
  readonly name: string;
  readonly companyId?: string;
  readonly timeZone?: string;
  readonly openingHours: WeeklyHours;
  /** Local dates the salon stays shut (holidays, inventory). */
  readonly closedDates?: readonly LocalDate[];
  readonly slotGranularityMinutes?: number;
  /**
   * A visit's services may go to different stylists when no one stylist can do them all at the
   * time asked (default false: one stylist does the whole visit).
   */
  readonly splitVisits?: boolean;
}

/** A salon location: its wall clock, when it is open, and the grid offered starts sit on. */
export class Branch {
  private constructor(
    readonly id: string,
    readonly name: string,
    readonly companyId: string | undefined,
    readonly timeZone: string,
    readonly openingHours: WeeklyHours,
    private readonly closed: ReadonlySet<LocalDate>,
    readonly slotGranularityMinutes: number,
    readonly splitVisits: boolean,
  ) {}

  static create(props: BranchProps): Result<Branch, InvalidBranch> {
    const timeZone = props.timeZone ?? DEFAULT_TIME_ZONE;
    const granularity = props.slotGranularityMinutes ?? DEFAULT_SLOT_GRANULARITY_MINUTES;
    const closedDates = props.closedDates ?? [];
    const name = props.name.trim();
    if (name.length === 0 || name.length > 150) {
      return err(new InvalidBranch('name must be 1..150 characters'));
    }
    if (!isValidTimeZone(timeZone)) {
      return err(new InvalidBranch(`unknown time zone ${timeZone}`));
    }
    if (!Number.isInteger(granularity) || granularity < 5 || granularity > 120) {
      return err(new InvalidBranch('slot granularity must be 5..120 whole minutes'));
    }
    const badDate = closedDates.find((d) => !isLocalDate(d));
    if (badDate !== undefined) {
      return err(new InvalidBranch(`closed date ${badDate} is not yyyy-MM-dd`));
    }
    return ok(
      new Branch(
        props.id,
        name,
        props.companyId,
        timeZone,
        props.openingHours,
        new Set(closedDates),
        granularity,
        props.splitVisits ?? false,
      ),
    );
  }

  static restore(props: BranchProps): Branch {
    return orThrow(Branch.create(props));
  }

  /** Whether a visit of several services may go to several stylists here. */
  sharesVisit(service: { readonly isVisit: boolean }): boolean {
    return this.splitVisits && service.isVisit;
  }

  get closedDates(): LocalDate[] {
    return [...this.closed].sort();
  }

  localDateOf(instant: Date): LocalDate {
    return localDateOf(instant, this.timeZone);
  }

  isClosedOn(date: LocalDate): boolean {
    return this.closed.has(date) || this.openingWindowsOn(date).length === 0;
  }

  /** Opening windows of a local date as instants; none on a closed date. */
  openingWindowsOn(date: LocalDate): readonly TimeRange[] {
    if (this.closed.has(date)) return [];
    return this.openingHours.windowsOn(date, this.timeZone);
  }
}
