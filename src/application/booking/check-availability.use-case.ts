import { Inject, Injectable } from '@nestjs/common';
import { Hold } from '../../domain/appointment/hold';
import { FreeStart } from '../../domain/availability/free-start';
import { Service } from '../../domain/salon/service';
import { AppConfig } from '../../config/app-config';
import { CLOCK, Clock } from '../ports/clock.port';
import { HOLD_REPOSITORY, HoldRepository } from '../ports/hold.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CalendarVerdict } from './calendar-check';
import { CallContext } from './call-context';
import { ConfirmedAvailabilityService } from './confirmed-availability.service';
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

/** Times a free start is read again after another call held it first. */
const ATTEMPTS = 3;

/**
 * Free or not for the wish; when free, held for this call for a few minutes. A stylist mapped to
 * Cal.com must also be offered there (asked within a short budget, through the slot cache); when
 * Cal.com cannot be asked, the local calendar answers alone and the verdicts say so.
 */
@Injectable()
export class CheckAvailabilityUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HOLD_REPOSITORY) private readonly holds: HoldRepository,
    private readonly availability: ConfirmedAvailabilityService,
    private readonly config: AppConfig,
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
    const inquiry = this.availability.begin({
      salon,
      service,
      start,
      now,
      stylist,
      onlyPreferred: onlyStylist,
      askingCallId: call.callId,
    });
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) inquiry.afresh();
      const answer = await inquiry.ask();
      if (answer.kind === 'unavailable') return answer;
      const { free, verdicts } = answer;
      if (!call.callId) return { kind: 'free', service, free, hold: null, verdicts };
      const hold = await this.hold(salon, call.callId, service, free, now);
      if (hold) return { kind: 'free', service, free, hold, verdicts };
      // Another call took it between reading and holding: read again.
    }
    return inquiry.lostMeanwhile();
  }

  /** The start held for this call, or null when another call's hold came first. */
  private async hold(
    salon: BranchContext,
    callId: string,
    service: Service,
    free: FreeStart,
    now: Date,
  ): Promise<Hold | null> {
    const hold = Hold.place({
      callId,
      staffId: free.staffId,
      service,
      start: free.start,
      now,
      minutes: this.config.env.HOLD_MINUTES,
    });
    const placed = await this.holds.place({ companyId: salon.companyId }, hold, now);
    return placed.ok ? hold : null;
  }
}
