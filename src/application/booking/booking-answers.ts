import { Appointment } from '../../domain/appointment/appointment';
import { BeyondHorizon, Unavailable } from '../../domain/availability/availability-errors';
import { FreeStart } from '../../domain/availability/free-start';
import { Staff } from '../../domain/salon/staff';
import { BranchContext } from '../ports/salon-catalog.port';
import { answer, FunctionAnswer } from './function-answer';
import { offerSentence, spokenAlternatives, spokenSlot } from './spoken-slot';

/** The facts of one appointment as the agent reads them out. */
export function appointmentFacts(salon: BranchContext, a: Appointment) {
  const service = salon.services.find((s) => s.id === a.serviceId);
  return {
    appointment_id: a.id,
    service: service?.name ?? '',
    status: a.status,
    slot: spokenSlot(salon, a.start, a.staffId),
  };
}

/** A wish that cannot be had: why, and the nearest starts that can. */
export function unavailableAnswer(
  salon: BranchContext,
  nearest: readonly FreeStart[],
  wish: Date,
  stylist: Staff | undefined,
  why: Unavailable,
): FunctionAnswer {
  const alternatives = spokenAlternatives(salon, nearest);
  const wished = spokenSlot(salon, wish, stylist?.id ?? '');
  const what = stylist ? wished.spoken : `${wished.date} um ${wished.time}`;
  const sentence = why.reason === 'CONFLICT' ? `${what} ist leider schon vergeben.` : why.message;
  return answer(why.code, `${sentence} ${offerSentence(alternatives)}`, {
    available: false,
    reason: why.reason,
    ...(why instanceof BeyondHorizon ? { last_bookable_date: why.lastBookableDate } : {}),
    alternatives,
  });
}

/** The slot went to someone else between checking and writing: fresh alternatives. */
export function slotLostAnswer(
  salon: BranchContext,
  nearest: readonly FreeStart[],
  code: string,
  lead: string,
): FunctionAnswer {
  const alternatives = spokenAlternatives(salon, nearest);
  return answer(code, `${lead} ${offerSentence(alternatives)}`, { available: false, alternatives });
}
