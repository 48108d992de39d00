import { Inject, Injectable } from '@nestjs/common';
import { formatGermanDate, formatGermanTime, todayIn, toIsoDate } from '../../domain/language';
import { isoWeekdayOf } from '../../domain/shared/local-date';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { answer, FunctionAnswer } from './function-answer';

/** "What day is it": the agent has no clock of its own. */
@Injectable()
export class GetCurrentContextUseCase {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  execute(salon: BranchContext): FunctionAnswer {
    const now = this.clock.now();
    const zone = salon.branch.timeZone;
    const today = toIsoDate(todayIn(now, zone));
    const date = formatGermanDate(now, zone, { withYear: true });
    const time = formatGermanTime(now, zone);
    const windows = salon.branch.isClosedOn(today)
      ? []
      : salon.branch.openingHours.windowsFor(isoWeekdayOf(today));
    const hours = windows.map((w) => `${w.from} bis ${w.to}`).join(' und ');
    return answer('OK', `Heute ist ${date}, es ist ${time}.`, {
      date: today,
      weekday: date.split(',')[0],
      time: time,
      time_zone: zone,
      salon: salon.companyName,
      branch: salon.branch.name,
      open_today: windows.length > 0,
      opening_hours_today: hours || null,
      now: now.toISOString(),
    });
  }
}
