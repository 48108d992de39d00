import { SalonNow } from '../../../../application/booking/get-current-context.use-case';
import { formatGermanDate, formatGermanTime } from '../../../../domain/language';
import { answer, FunctionAnswer } from './function-answer';

/** get_current_context's outcome: today and now in the branch, said and as facts. */
export function presentCurrentContext(outcome: SalonNow): FunctionAnswer {
  const { now, timeZone: zone, openingWindows: windows } = outcome;
  const date = formatGermanDate(now, zone, { withYear: true });
  const time = formatGermanTime(now, zone);
  const hours = windows.map((w) => `${w.from} bis ${w.to}`).join(' und ');
  return answer('OK', `Heute ist ${date}, es ist ${time}.`, {
    date: outcome.today,
    weekday: date.split(',')[0],
    time: time,
    time_zone: zone,
    salon: outcome.salonName,
    branch: outcome.branchName,
    open_today: windows.length > 0,
    opening_hours_today: hours || null,
    now: now.toISOString(),
  });
}
