import { Appointment } from '../../domain/appointment/appointment';
import { Unavailable } from '../../domain/availability/availability.errors';
import { FreeStart } from '../../domain/availability/free-start';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { ServiceStylist } from '../../domain/salon/visit-assignment';
import { BranchContext } from '../ports/salon-catalog.port';
import { AvailabilityReader, WishAvailability } from './availability.reader';
import { CalendarCheck, CalendarVerdict } from './calendar-check';
import {
  ConfirmedAlternatives,
  confirmedAlternatives,
  ConfirmedStart,
  confirmStart,
} from './calendar-confirmed-availability';
import { SlotTakenMeanwhile, SlotUnavailable } from './slot-outcomes';

/** One start asked about: for which service, stylist and caller, and how alternatives are sought. */
export interface SlotQuestion {
  readonly salon: BranchContext;
  readonly service: Service;
  readonly start: Date;
  readonly now: Date;
  /** The stylist asked for; undefined: anyone who does the service. */
  readonly stylist?: Staff;
  /** Alternatives from this stylist first (default: the one asked for)... */
  readonly preferredStaffId?: string;
  /** ...or from them only. */
  readonly onlyPreferred?: boolean;
  /** This call's own holds do not block it. */
  readonly askingCallId?: string | null;
  /** A move: the appointment blocks neither itself locally nor its own time in Cal.com. */
  readonly moving?: Appointment;
  /** Whose busy time is read (default: everyone who does the service). */
  readonly stylists?: readonly Staff[];
}

/** The start is free, for the stylist named in `free`. */
export interface StartFree {
  readonly kind: 'free';
  readonly free: FreeStart;
  readonly verdicts: readonly CalendarVerdict[];
}

/**
 * The answers to one question about a start, within one phone function: the local calendar
 * (busy times and other calls' holds, read once and again only when asked to) and Cal.com
 * (one CalendarCheck, so its time budget and answers are shared by every step), with the
 * verdicts behind each answer.
 */
export class SlotInquiry {
  private read: Promise<WishAvailability> | undefined;

  constructor(
    private readonly reader: AvailabilityReader,
    private readonly calendar: CalendarCheck,
    readonly question: SlotQuestion,
  ) {}

  /** Free (for the stylist asked for, or the one given), or why not and the nearest others. */
  async ask(stylist = this.question.stylist): Promise<StartFree | SlotUnavailable> {
    const judged = await this.judge(stylist);
    if (!judged.result.ok) return this.refusal(judged.result.error, judged.verdicts);
    return { kind: 'free', free: judged.result.value, verdicts: judged.verdicts };
  }

  /** Whether the start is free in the local calendar and not refused by Cal.com. */
  async judge(stylist = this.question.stylist): Promise<ConfirmedStart> {
    const { salon, service, start } = this.question;
    return confirmStart(await this.availability(), this.calendar, salon, service, start, stylist);
  }

  /**
   * A start this call holds, judged by the salon's rules alone: its hold has kept everyone else
   * off that time, and check_availability asked Cal.com about it minutes ago.
   */
  judgeHeld(stylist: Staff): ConfirmedStart {
    const { salon, service, now, start } = this.question;
    return {
      result: this.reader.checkHeldStart(salon, service, now, start, stylist),
      verdicts: [],
    };
  }

  /** judgeHeld for a visit this call holds shared among stylists, as it was held. */
  judgeHeldShared(assignment: readonly ServiceStylist[]): ConfirmedStart {
    const { salon, service, now, start } = this.question;
    return {
      result: this.reader.checkHeldShared(salon, service, now, start, assignment),
      verdicts: [],
    };
  }

  /** Why the start cannot be had, with the nearest alternatives and the verdicts of both. */
  async refusal(why: Unavailable, verdicts: readonly CalendarVerdict[]): Promise<SlotUnavailable> {
    const nearest = await this.alternatives();
    return {
      kind: 'unavailable',
      asked: this.question.start,
      stylist: this.question.stylist,
      why,
      alternatives: nearest.starts,
      verdicts: [...verdicts, ...nearest.verdicts],
    };
  }

  /**
   * The start went to someone else after it was judged free: the calendar read afresh, and the
   * nearest alternatives in it (`askCalendar: false`: the local calendar's, not asking Cal.com).
   */
  async lostMeanwhile({ askCalendar = true } = {}): Promise<SlotTakenMeanwhile> {
    this.afresh();
    const nearest = askCalendar
      ? await this.alternatives()
      : {
          starts: await (
            await this.availability()
          ).alternatives(this.question.start, this.wanted()),
          verdicts: [],
        };
    return {
      kind: 'taken-meanwhile',
      asked: this.question.start,
      stylist: this.question.stylist,
      alternatives: nearest.starts,
      verdicts: nearest.verdicts,
    };
  }

  /** The next step reads the local calendar again, seeing what was written meanwhile. */
  afresh(): void {
    this.read = undefined;
  }

  private async alternatives(): Promise<ConfirmedAlternatives> {
    const { preferredStaffId, onlyPreferred } = this.wanted();
    const availability = await this.availability();
    const { start } = this.question;
    return confirmedAlternatives(
      availability,
      this.calendar,
      start,
      preferredStaffId,
      onlyPreferred,
    );
  }

  private wanted(): { preferredStaffId?: string; onlyPreferred: boolean } {
    const q = this.question;
    const preferredStaffId = 'preferredStaffId' in q ? q.preferredStaffId : q.stylist?.id;
    return { preferredStaffId, onlyPreferred: q.onlyPreferred ?? false };
  }

  private availability(): Promise<WishAvailability> {
    const { salon, service, now, start, askingCallId, moving, stylists } = this.question;
    const options = { askingCallId, excludeAppointmentId: moving?.id };
    this.read ??= this.reader.around(salon, service, now, start, options, stylists);
    return this.read;
  }
}
