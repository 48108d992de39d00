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
import { slotLostAnswer, unavailableAnswer } from './booking-answers';
import { answer, FunctionAnswer } from './function-answer';
import { PhoneFunctionArgs } from './phone-functions';
import { SpokenRequestReader } from './spoken-request.reader';
import { spokenSlot } from './spoken-slot';

/** Free or not for the wish; when free, held for this call for a few minutes. */
@Injectable()
export class CheckAvailabilityUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HOLD_REPOSITORY) private readonly holds: HoldRepository,
    private readonly availability: AvailabilityReader,
    private readonly config: AppConfig,
  ) {}

  async execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    const now = this.clock.now();
    const wish = new SpokenRequestReader(salon).wish(args, now);
    if (!wish.ok) return wish.error;
    const { service, stylist, start } = wish.value;

    const options = { askingCallId: call.callId };
    for (let attempt = 0; attempt < 3; attempt++) {
      const availability = await this.availability.around(salon, service, now, start, options);
      const check = availability.check(start, stylist);
      if (!check.ok) {
        const nearest = await availability.alternatives(start, stylist?.id);
        return unavailableAnswer(salon, nearest, start, stylist, check.error);
      }
      if (!call.callId) return this.free(salon, service, check.value, null);
      const hold = Hold.place({
        callId: call.callId,
        staffId: check.value.staffId,
        service: service,
        start: check.value.start,
        now,
        minutes: this.config.env.HOLD_MINUTES,
      });
      const placed = await this.holds.place({ companyId: salon.companyId }, hold, now);
      if (placed.ok) return this.free(salon, service, check.value, hold);
      // Another call took it between reading and holding: read again.
    }
    const availability = await this.availability.around(salon, service, now, start, options);
    return slotLostAnswer(
      salon,
      await availability.alternatives(start, stylist?.id),
      'AVAILABILITY.SLOT_TAKEN',
      'Der Termin ist gerade vergeben worden.',
    );
  }

  private free(
    salon: BranchContext,
    service: Service,
    free: FreeStart,
    hold: Hold | null,
  ): FunctionAnswer {
    const slot = spokenSlot(salon, free.start, free.staffId);
    return answer(
      'OK',
      `${slot.spoken} ist frei für ${service.name}. Soll ich den Termin für Sie eintragen?`,
      {
        available: true,
        service: service.name,
        slot,
        hold: hold ? { id: hold.id, expires_at: hold.expiresAt.toISOString() } : null,
      },
    );
  }
}
