import { Inject, Injectable } from '@nestjs/common';
import { Hold } from '../../domain/appointment/hold';
import { FreeStart } from '../../domain/availability/free-start';
import { Service } from '../../domain/salon/service';
import { AppConfig } from '../../config/app-config';
import { CLOCK, Clock } from '../ports/clock.port';
import { HOLD_REPOSITORY, HoldRepository } from '../ports/hold.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { AvailabilityReader } from './availability.reader';
import { CallContext } from './call-context';
import { CalendarVerdict } from './calendar-check';
import { confirmedAlternatives, confirmStart } from './calendar-confirmed-availability';
import { LiveCalendarCheck } from './live-calendar-check';
import { PhoneFunctionArgs } from './phone-functions';
import { SlotTakenMeanwhile, SlotUnavailable } from './slot-outcomes';
import { SpokenRequestReader } from './spoken-request.reader';
import { WishRefusal } from './wish-refusal';

/** The wish is free, and held for this call when the call is known. */
export interface SlotFree {
  readonly kind: 'free';
  readonly service: Service;
  readonly free: FreeStart;
  readonly hold: Hold | null;
  readonly verdicts: readonly CalendarVerdict[];
}

export type CheckAvailabilityOutcome =
  WishRefusal | SlotFree | SlotUnavailable | SlotTakenMeanwhile;

/**
 * Free or not for the wish; when free, held for this call for a few minutes. A stylist mapped to
 * Cal.com must also be offered there (asked within a short budget, through the slot cache); when
 * Cal.com cannot be asked, the local calendar answers alone and `calendar_verified` says so.
 */
@Injectable()
export class CheckAvailabilityUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HOLD_REPOSITORY) private readonly holds: HoldRepository,
    private readonly availability: AvailabilityReader,
    private readonly config: AppConfig,
    private readonly calendars: LiveCalendarCheck,
  ) {}

  async execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<CheckAvailabilityOutcome> {
    const now = this.clock.now();
    const wish = new SpokenRequestReader(salon).wish(args, now);
    if (!wish.ok) return wish.error;
    const { service, stylist, onlyStylist, start } = wish.value;

    const options = { askingCallId: call.callId };
    const calendar = this.calendars.begin(salon, service);
    for (let attempt = 0; attempt < 3; attempt++) {
      const availability = await this.availability.around(salon, service, now, start, options);
      const { result: check, verdicts } = await confirmStart(
        availability,
        calendar,
        salon,
        service,
        start,
        stylist,
      );
      if (!check.ok) {
        const nearest = await confirmedAlternatives(
          availability,
          calendar,
          start,
          stylist?.id,
          onlyStylist,
        );
        return {
          kind: 'unavailable',
          asked: start,
          stylist,
          why: check.error,
          alternatives: nearest.starts,
          verdicts: [...verdicts, ...nearest.verdicts],
        };
      }
      if (!call.callId) return { kind: 'free', service, free: check.value, hold: null, verdicts };
      const hold = Hold.place({
        callId: call.callId,
        staffId: check.value.staffId,
        service: service,
        start: check.value.start,
        now,
        minutes: this.config.env.HOLD_MINUTES,
      });
      const placed = await this.holds.place({ companyId: salon.companyId }, hold, now);
      if (placed.ok) return { kind: 'free', service, free: check.value, hold, verdicts };
      // Another call took it between reading and holding: read again.
    }
    const availability = await this.availability.around(salon, service, now, start, options);
    const nearest = await confirmedAlternatives(
      availability,
      calendar,
      start,
      stylist?.id,
      onlyStylist,
    );
    return {
      kind: 'taken-meanwhile',
      asked: start,
      stylist,
      alternatives: nearest.starts,
      verdicts: nearest.verdicts,
    };
  }
}
