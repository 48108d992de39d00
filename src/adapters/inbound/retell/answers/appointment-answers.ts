import { CountryCode } from 'libphonenumber-js/max';
import { Appointment } from '../../../../domain/appointment/appointment';
import { spokenPhoneNumber } from '../../../../domain/salon/callback-number';
import { fitSpoken, joinGerman, shortName } from '../../../../domain/shared/german-messages';
import { answer, FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';
import { sharedVisitSaid, stylistsOfServices } from './shared-visit-said';
import { atStylist, SpokenSlot, spokenSlot } from './spoken-slot';

/** The facts of one appointment as the agent reads them out. */
export function appointmentFacts(salon: SpokenSalon, a: Appointment) {
  const names = a.serviceIds.flatMap((id) => salon.services.find((s) => s.id === id)?.name ?? []);
  return {
    appointment_id: a.id,
    // One service: its name; a visit: its services' names, "Damenhaarschnitt und Färben".
    service: joinGerman(names),
    ...(a.isVisit ? { services: names } : {}),
    status: a.status,
    slot: spokenSlot(salon, a.start, a.staffId),
    // A visit shared by stylists: who does what (the slot names the first service's stylist).
    ...(a.assignment ? { stylists: stylistsOfServices(salon, a.assignment) } : {}),
  };
}

export type AppointmentFacts = ReturnType<typeof appointmentFacts>;

interface ItemOptions {
  /** The day named just before: said again only when this one is on another day. */
  readonly afterDate?: string;
  readonly withStylist?: boolean;
}

/** "Dauerwelle am Freitag, 4. Dezember um 10 Uhr bei Anna", names shortened to the cap. */
function item(a: AppointmentFacts, cap: number, options: ItemOptions = {}): string {
  const slot: SpokenSlot = a.slot;
  const what = shortName(a.service, cap);
  const when =
    slot.date === options.afterDate ? `um ${slot.time}` : `am ${slot.date} um ${slot.time}`;
  const shared = a.stylists && options.withStylist !== false && sharedVisitSaid(a.stylists, cap);
  if (shared) return `${shared} ${when}`;
  const who = options.withStylist === false ? '' : atStylist(slot.staff, cap);
  return `${what ? `${what} ` : ''}${when}${who}`;
}

/** Items said in a row, each day once. */
function items(list: readonly AppointmentFacts[], cap: number, withStylist = true): string[] {
  return list.map((a, i) => item(a, cap, { afterDate: list[i - 1]?.slot.date, withStylist }));
}

/** Up to this many appointments are read out one by one; more are summarised. */
const READ_OUT = 3;

/**
 * The booking as made; a callback number the caller said aloud is read back once, digit by
 * digit in groups, so a misheard digit is caught while they are still on the line.
 */
export function bookedAnswer(
  salon: SpokenSalon,
  a: Appointment,
  callbackNumber?: string,
): FunctionAnswer {
  const facts = appointmentFacts(salon, a);
  const digits = callbackNumber
    ? spokenPhoneNumber(callbackNumber, salon.country as CountryCode)
    : undefined;
  const readBack = digits ? ` Wir erreichen Sie unter ${digits}.` : '';
  return answer(
    'OK',
    fitSpoken((cap) => `Ihr Termin ist eingetragen: ${item(facts, cap)}.${readBack}`),
    digits ? { ...facts, callback_number: digits } : facts,
  );
}

export function movedAnswer(salon: SpokenSalon, a: Appointment): FunctionAnswer {
  const facts = appointmentFacts(salon, a);
  const message = fitSpoken((cap) => {
    const what = shortName(facts.service, cap);
    const { date, time, staff } = facts.slot;
    const shared = facts.stylists && sharedVisitSaid(facts.stylists, cap);
    if (shared) return `Ihr Termin ist verschoben auf ${date} um ${time}: ${shared}.`;
    return `Ihr Termin${what ? ` ${what}` : ''} ist verschoben auf ${date} um ${time}${atStylist(staff, cap)}.`;
  });
  return answer('OK', message, facts);
}

export function cancelledAnswer(salon: SpokenSalon, a: Appointment): FunctionAnswer {
  const facts = appointmentFacts(salon, a);
  const message = fitSpoken(
    (cap) => `Ihr Termin ${item(facts, cap, { withStylist: false })} ist storniert.`,
  );
  return answer('OK', message, facts);
}

/**
 * The caller's upcoming appointments: up to three read out, each day said once; more are
 * summarised by the next one and an offer to name the others. All of them stay in the facts.
 */
export function appointmentsAnswer(
  salon: SpokenSalon,
  appointments: readonly Appointment[],
): FunctionAnswer {
  const listed = appointments.map((a) => appointmentFacts(salon, a));
  const count = listed.length;
  if (count === 0) {
    return answer(
      'APPOINTMENT.NONE',
      'Ich finde unter Ihrer Nummer keinen kommenden Termin.',
      { appointments: listed, count },
      true,
    );
  }
  const summary = (cap: number) =>
    `Sie haben ${count} Termine; der nächste ist ${item(listed[0], cap)}. Soll ich die anderen nennen?`;
  const message =
    count === 1
      ? fitSpoken((cap) => `Sie haben einen Termin: ${item(listed[0], cap)}.`)
      : count <= READ_OUT
        ? fitSpoken(
            (cap) => `Sie haben ${count} Termine: ${joinGerman(items(listed, cap))}.`,
            (cap) => `Sie haben ${count} Termine: ${joinGerman(items(listed, cap, false))}.`,
            summary,
          )
        : fitSpoken(summary);
  return answer('OK', message, { appointments: listed, count });
}

/** The question which of several appointments the caller means; all stay in `candidates`. */
export function whichOneAnswer(
  salon: SpokenSalon,
  candidates: readonly Appointment[],
  verb: string,
): FunctionAnswer {
  const listed = candidates.map((a) => appointmentFacts(salon, a));
  const count = listed.length;
  const question = `Welchen möchten Sie ${verb}?`;
  const days = [...new Set(listed.map((a) => a.slot.date))];
  const oneByOne = (cap: number) =>
    `Ich finde ${count} Termine: ${joinGerman(items(listed, cap, false))}. ${question}`;
  // Each on its own day: the days alone tell them apart.
  const byDays = () => `Ich finde ${count} Termine, am ${joinGerman(days)}. ${question}`;
  const summary = (cap: number) =>
    `Ich finde ${count} Termine; der nächste ist ${item(listed[0], cap, { withStylist: false })}. ${question}`;
  const message = fitSpoken(
    ...(count <= READ_OUT ? [oneByOne] : []),
    ...(days.length === count ? [byDays] : []),
    summary,
  );
  return answer('APPOINTMENT.WHICH_ONE', message, { candidates: listed, count });
}
