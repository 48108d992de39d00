import { err, ok, Result } from '../shared/result';
import { TimeRange } from '../shared/time-range';
import { Branch } from './branch';
import { LocalDate } from '../shared/local-date';
import { InvalidStaff, orThrow } from './salon.errors';
import { WeeklyHours } from './weekly-hours';

export interface StaffProps {
  readonly id: string;
  readonly name: string;
  readonly branchId?: string;
  readonly serviceIds: readonly string[];
  /** Absent: the stylist works whenever the branch is open. */
  readonly workingHours?: WeeklyHours;
  readonly absences?: readonly TimeRange[];
}

/** A stylist: what they do, when they work, when they are away. */
export class Staff {
  private constructor(
    readonly id: string,
    readonly name: string,
    readonly branchId: string | undefined,
    private readonly services: ReadonlySet<string>,
    readonly workingHours: WeeklyHours | undefined,
    readonly absences: readonly TimeRange[],
  ) {}

  static create(props: StaffProps): Result<Staff, InvalidStaff> {
    const name = props.name.trim();
    if (name.length === 0 || name.length > 150) {
      return err(new InvalidStaff('name must be 1..150 characters'));
    }
    const absences = [...(props.absences ?? [])].sort((a, b) => a.startMs - b.startMs);
    return ok(
      new Staff(
        props.id,
        name,
        props.branchId,
        new Set(props.serviceIds),
        props.workingHours,
        absences,
      ),
    );
  }

  static restore(props: StaffProps): Staff {
    return orThrow(Staff.create(props));
  }

  get serviceIds(): string[] {
    return [...this.services];
  }

  offers(serviceId: string): boolean {
    return this.services.has(serviceId);
  }

  /** Working windows of a local date; the branch's opening hours when none of their own are set. */
  workingWindowsOn(date: LocalDate, branch: Branch): readonly TimeRange[] {
    return (this.workingHours ?? branch.openingHours).windowsOn(date, branch.timeZone);
  }

  isAbsentDuring(range: TimeRange): boolean {
    return this.absences.some((a) => a.overlaps(range));
  }

  /** A new record with one more absence (holiday, sick day). */
  recordAbsence(range: TimeRange): Staff {
    return new Staff(
      this.id,
      this.name,
      this.branchId,
      this.services,
      this.workingHours,
      [...this.absences, range].sort((a, b) => a.startMs - b.startMs),
    );
  }
}

/** Whether the stylist does the service, or every service of a visit. */
export function doesAll(
  staff: { offers(serviceId: string): boolean },
  service: { readonly serviceIds: readonly string[] },
): boolean {
  return service.serviceIds.every((id) => staff.offers(id));
}

/** Whether the stylist does at least one of the services (of a visit, the part they could take). */
export function doesSome(
  staff: { offers(serviceId: string): boolean },
  service: { readonly serviceIds: readonly string[] },
): boolean {
  return service.serviceIds.some((id) => staff.offers(id));
}
