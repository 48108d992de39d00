import { Inject, Injectable } from '@nestjs/common';
import { todayIn, toIsoDate } from '../../domain/language';
import { isoWeekdayOf } from '../../domain/shared/local-date';
import { WallWindow } from '../../domain/salon/weekly-hours';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';

/** Now, in the branch: the instant, its zone, today's date and today's opening windows. */
export interface SalonNow {
  readonly kind: 'now';
  readonly now: Date;
  readonly timeZone: string;
  /** Today in the branch, 'yyyy-MM-dd'. */
  readonly today: string;
  /** None on a closed day. */
  readonly openingWindows: readonly WallWindow[];
  readonly salonName: string;
  readonly branchName: string;
}

/** "What day is it": the agent has no clock of its own. */
@Injectable()
export class GetCurrentContextUseCase {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  execute(salon: BranchContext): SalonNow {
    const now = this.clock.now();
    const zone = salon.branch.timeZone;
    const today = toIsoDate(todayIn(now, zone));
    const openingWindows = salon.branch.isClosedOn(today)
      ? []
      : salon.branch.openingHours.windowsFor(isoWeekdayOf(today));
    return {
      kind: 'now',
      now,
      timeZone: zone,
      today,
      openingWindows,
      salonName: salon.companyName,
      branchName: salon.branch.name,
    };
  }
}
