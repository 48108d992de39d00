import { addLocalDays, LocalDate } from '../shared/local-date';
import { Branch } from './branch';
import { Staff } from './staff';

/**
 * Whether the stylist works at the branch on a date: the salon is open, some of their working
 * time lies in its opening hours, and no absence covers all of that time.
 */
export function worksOn(staff: Staff, branch: Branch, date: LocalDate): boolean {
  const opening = branch.openingWindowsOn(date);
  if (opening.length === 0) return false;
  return staff
    .workingWindowsOn(date, branch)
    .some((w) => opening.some((o) => o.overlaps(w)) && !staff.absences.some((a) => a.contains(w)));
}

/** Of `staff`, those who work on at least one of `dates`. */
export function workingOnAny(
  staff: readonly Staff[],
  branch: Branch,
  dates: readonly LocalDate[],
): Staff[] {
  return staff.filter((s) => dates.some((d) => worksOn(s, branch, d)));
}

/**
 * The first date after `after`, within `days` days, on which one of `staff` works, with those
 * who do; undefined when none works in that time.
 */
export function nearestWorkingDay(
  staff: readonly Staff[],
  branch: Branch,
  after: LocalDate,
  days: number,
): { date: LocalDate; staff: Staff[] } | undefined {
  for (let i = 1; i <= days; i++) {
    const date = addLocalDays(after, i);
    const working = staff.filter((s) => worksOn(s, branch, date));
    if (working.length > 0) return { date, staff: working };
  }
  return undefined;
}
