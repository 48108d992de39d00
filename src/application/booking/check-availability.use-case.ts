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
import { CallHolds } from './call-holds';
import { OpenAvailabilityUseCase } from './open-availability.use-case';
import { OpenAvailabilityOutcome } from './open-availability.outcomes';
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
  WishRefusal | SlotFree | SlotUnavailable | SlotTakenMeanwhile | OpenAvailabilityOutcome;

/** Times a free start is read again after another call held it first. */
const ATTEMPTS = 3;

/**
 * Free or not for the wish; when free, held for this call for a few minutes. A question without
 * a time ("am Freitag", "nachmittags", "diese Woche") is an open question, answered with the
 * free starts there (OpenAvailabilityUseCase). A stylist mapped to
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
    private readonly open: OpenAvailabilityUseCase,
  ) {
    this.callHolds = new CallHolds(holds, config);
  }

  private readonly callHolds: CallHolds;

  async execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<CheckAvailabilityOutcome> {
    const now = this.clock.now();
    const reader = new SpokenRequestReader(salon);
    const open = reader.openQuestion(args, now);
    if (open) return open.ok ? this.open.execute(salon, call, open.value) : open.error;
    const wish = reader.wish(args, now);
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
  private hold(
    salon: BranchContext,
    callId: string,
    service: Service,
    free: FreeStart,
    now: Date,
  ): Promise<Hold | null> {
    return this.callHolds.place(salon, callId, service, free, now);
  }
}
