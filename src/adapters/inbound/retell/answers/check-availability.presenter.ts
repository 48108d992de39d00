import { CheckAvailabilityOutcome } from '../../../../application/booking/check-availability.use-case';
import { freeAnswer, slotLostAnswer, unavailableAnswer } from './booking-answers';
import { withCalendarVerdicts } from './calendar-verified';
import { FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';
import { wishRefusalAnswer } from './language-answers';
import { presentOpenAvailability } from './open-availability.presenter';
import { SlotTakenMeanwhile, SlotUnavailable } from '../../../../application/booking/slot-outcomes';

/** check_availability's outcome as the agent hears it. */
export function presentCheckAvailability(
  salon: SpokenSalon,
  outcome: CheckAvailabilityOutcome,
): FunctionAnswer {
  switch (outcome.kind) {
    case 'refused':
      return wishRefusalAnswer(outcome, salon);
    case 'free': {
      const { service, free, hold, verdicts } = outcome;
      return withCalendarVerdicts(freeAnswer(salon, service, free, hold), verdicts);
    }
    case 'unavailable':
    case 'taken-meanwhile':
      return presentNotFree(salon, outcome);
    default:
      return presentOpenAvailability(salon, outcome);
  }
}

/** A wish that cannot be had, or was lost meanwhile, with the alternatives instead. */
export function presentNotFree(
  salon: SpokenSalon,
  outcome: SlotUnavailable | SlotTakenMeanwhile,
): FunctionAnswer {
  const { asked, stylist, alternatives, verdicts } = outcome;
  const said =
    outcome.kind === 'unavailable'
      ? unavailableAnswer(salon, alternatives, asked, stylist, outcome.why)
      : slotLostAnswer(salon, alternatives, 'AVAILABILITY.SLOT_TAKEN', asked, stylist);
  return withCalendarVerdicts(said, verdicts);
}
