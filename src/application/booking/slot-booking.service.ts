import { Inject, Injectable } from '@nestjs/common';
import { Appointment } from '../../domain/appointment/appointment';
import { Unavailable } from '../../domain/availability/availability.errors';
import { FreeStart } from '../../domain/availability/free-start';
import { Result } from '../../domain/shared/result';
import { SYNC_KICKER, SyncKicker } from '../ports/sync-queue.port';
import { CalendarVerdict } from './calendar-check';
import { ConfirmedStart } from './calendar-confirmed-availability';
import { ConfirmedAvailabilityService } from './confirmed-availability.service';
import { SlotInquiry, SlotQuestion } from './slot-inquiry';

/** What a booking does once the start is judged free; the rest is the same for everyone. */
export interface SlotBookingSteps<R> {
  /** How the start is judged (default: the local calendar and Cal.com, for the question's stylist). */
  readonly judge?: (inquiry: SlotInquiry) => ConfirmedStart | Promise<ConfirmedStart>;
  /** The appointment for the stylist the start is free for. */
  readonly appointmentFor: (free: FreeStart) => Appointment;
  /** Writes it, with everything that goes with it, in one transaction; or says why not. */
  readonly write: (appointment: Appointment) => Promise<Result<void, R>>;
}

/** What became of a booking; a refusal keeps the inquiry, for alternatives asked in it. */
export type SlotBooking<R> =
  | {
      readonly kind: 'booked';
      readonly appointment: Appointment;
      readonly verdicts: readonly CalendarVerdict[];
    }
  | {
      readonly kind: 'not-free';
      readonly why: Unavailable;
      readonly verdicts: readonly CalendarVerdict[];
      readonly inquiry: SlotInquiry;
    }
  | { readonly kind: 'write-refused'; readonly refusal: R; readonly inquiry: SlotInquiry };

/**
 * Books a wish already understood, for the phone and the salon's staff alike: the start is
 * judged free in the local calendar and, for a stylist mapped to Cal.com, not refused there;
 * the caller's writer writes the appointment (the database's no-overlap constraint has the
 * last word), and the sync is kicked to mirror it.
 */
@Injectable()
export class SlotBookingService {
  constructor(
    private readonly availability: ConfirmedAvailabilityService,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {}

  async book<R>(question: SlotQuestion, steps: SlotBookingSteps<R>): Promise<SlotBooking<R>> {
    const inquiry = this.availability.begin(question);
    const judged = await (steps.judge ? steps.judge(inquiry) : inquiry.judge());
    if (!judged.result.ok) {
      return { kind: 'not-free', why: judged.result.error, verdicts: judged.verdicts, inquiry };
    }
    const appointment = steps.appointmentFor(judged.result.value);
    const written = await steps.write(appointment);
    if (!written.ok) return { kind: 'write-refused', refusal: written.error, inquiry };
    this.kicker.kick();
    return { kind: 'booked', appointment, verdicts: judged.verdicts };
  }
}
