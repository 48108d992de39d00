import { toIsoDate, resolveGermanDateTime } from '../../domain/language';
import { isoWeekdayOf } from '../../domain/salon/local-date';
import { matchServiceName, serviceKey } from '../../domain/salon/service-name-matcher';
import { matchStylistName } from '../../domain/salon/stylist-name-matcher';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { err, ok, Result } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import { fitSpoken, sentenceWithNames, shortName } from '../../domain/shared/german-messages';
import { answer, FunctionAnswer } from './function-answer';
import { notUnderstoodAnswer } from './language-answers';

/** Words that mean "any stylist". */
const ANYONE = new Set(
  [
    '',
    'egal',
    'irgendwer',
    'irgendjemand',
    'beliebig',
    'any',
    'anyone',
    'keine',
    'keiner',
    'niemand',
    'none',
    'wer frei ist',
    'ist mir egal',
    'keine praeferenz',
    'keine vorliebe',
    'egal wer',
  ].map((w) => serviceKey(w)),
);

/** A yes for staff_only, or a stylist said as "nur Clara", "unbedingt bei Clara". */
const YES = new Set(['ja', 'yes', 'true', '1', 'nur', 'unbedingt', 'ausschliesslich']);
const INSISTING = /(^|[^\p{L}])(nur|unbedingt|ausschlie(ß|ss)lich)([^\p{L}]|$)/iu;

function insists(staffOnly: string | undefined, staff: string | undefined): boolean {
  const said = (staffOnly ?? '').trim().toLowerCase().replace(/ß/g, 'ss');
  return YES.has(said) || INSISTING.test(staff ?? '');
}

/**
 * Turns what the caller said (service, stylist, day and time) into salon objects, or into the
 * question the agent has to ask back. Never guesses.
 */
export class SpokenRequestReader {
  constructor(private readonly salon: BranchContext) {}

  service(spoken: string | undefined): Result<Service, FunctionAnswer> {
    const found = matchServiceName(spoken ?? '', this.salon.services);
    if (found.kind === 'match') return ok(found.service);
    if (found.kind === 'ambiguous') {
      return err(
        answer(found.code, found.message, { candidates: found.candidates.map((c) => c.name) }),
      );
    }
    return err(answer(found.code, found.message, { offered: found.offered }));
  }

  /** undefined: any stylist. */
  stylist(
    spoken: string | undefined,
    service?: Service,
  ): Result<Staff | undefined, FunctionAnswer> {
    const key = serviceKey(spoken ?? '');
    if (ANYONE.has(key)) return ok(undefined);
    const staff = this.salon.staff;
    const found = matchStylistName(spoken ?? '', staff);
    if (found.kind === 'match') {
      const stylist = found.stylist;
      if (service && !stylist.offers(service.id)) {
        const others = staff.filter((s) => s.offers(service.id)).map((s) => s.name);
        const message = fitSpoken((cap) => {
          const who = shortName(stylist.name, cap) || 'Diese Person';
          const refusal = `${who} bietet ${shortName(service.name, cap) || 'das'} leider nicht an.`;
          return sentenceWithNames(`${refusal} Das machen bei uns `, others, '.', cap, refusal);
        });
        return err(
          answer('AVAILABILITY.SERVICE_NOT_OFFERED', message, {
            stylist: stylist.name,
            offered_by: others,
          }),
        );
      }
      return ok(stylist);
    }
    const names = staff.map((s) => s.name);
    if (found.kind === 'ambiguous') {
      const candidates = found.candidates.map((s) => s.name);
      return err(answer(found.code, found.message, { candidates, staff: names }));
    }
    return err(
      answer(
        found.code,
        fitSpoken((cap) => {
          const unknown = 'Diese Mitarbeiterin kenne ich leider nicht.';
          return sentenceWithNames(`${unknown} Bei uns arbeiten `, names, '.', cap, unknown);
        }),
        { staff: names },
      ),
    );
  }

  /**
   * Service, stylist (undefined: anyone) and start of a wish, or the first question to ask.
   * `onlyStylist`: the caller insisted on the stylist, so nobody else is offered instead.
   */
  wish(
    args: { service?: string; staff?: string; staffOnly?: string; date?: string; time?: string },
    now: Date,
  ): Result<
    { service: Service; stylist: Staff | undefined; onlyStylist: boolean; start: Date },
    FunctionAnswer
  > {
    const service = this.service(args.service);
    if (!service.ok) return service;
    const stylist = this.stylist(args.staff, service.value);
    if (!stylist.ok) return stylist;
    const start = this.start(args.date, args.time, now);
    if (!start.ok) return start;
    const onlyStylist = stylist.value !== undefined && insists(args.staffOnly, args.staff);
    return ok({ service: service.value, stylist: stylist.value, onlyStylist, start: start.value });
  }

  /** The start the caller asked for, in the branch's zone; opening hours settle "um drei". */
  start(
    date: string | undefined,
    time: string | undefined,
    now: Date,
  ): Result<Date, FunctionAnswer> {
    if (!date?.trim() && !time?.trim()) {
      return err(
        answer(
          'LANGUAGE.DATE_NOT_UNDERSTOOD',
          'An welchem Tag und um wie viel Uhr möchten Sie kommen?',
        ),
      );
    }
    const branch = this.salon.branch;
    const resolved = resolveGermanDateTime(date ?? '', time ?? '', {
      now,
      zone: branch.timeZone,
      openingHoursFor: (d) => {
        const iso = toIsoDate(d);
        return branch.isClosedOn(iso) ? [] : branch.openingHours.windowsFor(isoWeekdayOf(iso));
      },
    });
    if (!resolved.ok) return err(notUnderstoodAnswer(resolved.error));
    return ok(resolved.value.instant);
  }
}
