import { IsoWeekday } from '../../../domain/shared/local-date';
import { InvalidHours } from '../../../domain/salon/salon.errors';
import { WallWindow, WeeklyHours, WeeklyHoursInput } from '../../../domain/salon/weekly-hours';
import { Result } from '../../../domain/shared/result';
import { WEEKDAY_KEYS } from '../../salon-file/salon-file';
import { WeeklyHoursView } from '../ports/weekly-hours.view';

/** `{ mon: [...] }` into the domain's weekly hours, which refuse windows ending before they start. */
export function weeklyHoursOf(view: WeeklyHoursView): Result<WeeklyHours, InvalidHours> {
  const input: Partial<Record<IsoWeekday, WallWindow[]>> = {};
  WEEKDAY_KEYS.forEach((key, i) => {
    const windows = view[key];
    if (windows) input[(i + 1) as IsoWeekday] = windows.map((w) => ({ from: w.from, to: w.to }));
  });
  return WeeklyHours.create(input as WeeklyHoursInput);
}

/** The domain's normalised hours (split days kept, touching windows merged) as a view. */
export function viewOf(hours: WeeklyHours): WeeklyHoursView {
  const view: WeeklyHoursView = {};
  WEEKDAY_KEYS.forEach((key, i) => {
    const windows = hours.windowsFor((i + 1) as IsoWeekday);
    if (windows.length > 0) view[key] = windows;
  });
  return view;
}
