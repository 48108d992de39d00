import { FreeStart } from '../../domain/availability/free-start';
import { Unavailable } from '../../domain/availability/availability.errors';
import { at, branch, cut, stylist, TUESDAY } from '../../domain/availability/salon.fixture';
import { Staff } from '../../domain/salon/staff';
import { err, ok, Result } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import { CalendarVerdict } from './calendar-check';
import { ConfirmedAvailabilityService } from './confirmed-availability.service';
import { SlotInquiry, SlotQuestion } from './slot-inquiry';

/** Test doubles for the phone use cases' unit specs: a salon and a scripted inquiry. */
export const anna = stylist({ id: 'anna', name: 'Anna' });
export const salon: BranchContext = {
  companyId: 'c1',
  companyName: 'Salon',
  country: 'DE',
  branch: branch(),
  staff: [anna],
  services: [cut],
};
/** What the wish below reads as: Tuesday 16 June 2026, 10:00 in Berlin. */
export const WISH = at(TUESDAY, '10:00');
export const WISH_ARGS = { service: 'Herrenhaarschnitt', date: '2026-06-16', time: '10 Uhr' };
export const NOW = at('2026-06-15', '08:00');

export const freeFor = (staff: Staff, start = WISH): FreeStart => ({
  staffId: staff.id,
  start,
  end: new Date(start.getTime() + 30 * 60_000),
});

interface Script {
  readonly judged?: Array<FreeStart | Unavailable>;
  readonly verdicts?: CalendarVerdict[];
  readonly alternatives?: FreeStart[];
}

/** Scripted answers: `free` (or the refusal) for every judgement, in turn; steps are logged. */
export function scriptedAvailability(script: Script) {
  const steps: string[] = [];
  const questions: SlotQuestion[] = [];
  const judged = [...(script.judged ?? [freeFor(anna)])];
  const next = () => {
    const answer = judged.length > 1 ? judged.shift()! : judged[0];
    return answer instanceof Unavailable ? err(answer) : ok(answer);
  };
  const service = {
    begin: (q: SlotQuestion) => {
      questions.push(q);
      return scriptedInquiry(q, script, next, steps);
    },
  } as unknown as ConfirmedAvailabilityService;
  return { service, steps, questions };
}

function scriptedInquiry(
  question: SlotQuestion,
  script: Script,
  next: () => Result<FreeStart, Unavailable>,
  steps: string[],
): SlotInquiry {
  const verdicts = script.verdicts ?? ['offered'];
  const { start: asked, stylist } = question;
  const alternatives = script.alternatives ?? [];
  const unavailable = (why: Unavailable, v: readonly CalendarVerdict[]) =>
    ({ kind: 'unavailable', asked, stylist, why, alternatives, verdicts: v }) as const;
  return {
    question,
    judge: async (who?: Staff) => {
      steps.push(`judge ${(who ?? question.stylist)?.id ?? 'anyone'}`);
      return { result: next(), verdicts };
    },
    judgeHeld: (who: Staff) => {
      steps.push(`held ${who.id}`);
      return { result: next(), verdicts: [] };
    },
    ask: async () => {
      steps.push('ask');
      const result = next();
      if (!result.ok) return unavailable(result.error, verdicts);
      return { kind: 'free', free: result.value, verdicts };
    },
    refusal: async (why: Unavailable, v: CalendarVerdict[]) => {
      steps.push('refusal');
      return unavailable(why, [...v, 'offered']);
    },
    afresh: () => steps.push('afresh'),
    lostMeanwhile: async (o?: { askCalendar?: boolean }) => {
      steps.push(o?.askCalendar === false ? 'lost, local' : 'lost');
      return { kind: 'taken-meanwhile', asked, stylist, alternatives, verdicts: [] };
    },
  } as unknown as SlotInquiry;
}
