import { Inject, Injectable } from '@nestjs/common';
import { Hold } from '../../domain/appointment/hold';
import { FreeStart } from '../../domain/availability/free-start';
import { Service } from '../../domain/salon/service';
import { AppConfig } from '../../config/app-config';
import { HOLD_REPOSITORY, HoldRepository } from '../ports/hold.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';

/** Holds an offered start for the call that was offered it, for HOLD_MINUTES. */
@Injectable()
export class CallHolds {
  constructor(
    @Inject(HOLD_REPOSITORY) private readonly holds: HoldRepository,
    private readonly config: AppConfig,
  ) {}

  /** The start held for this call, or null when another call's hold came first. */
  async place(
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
      assignment: free.assignment,
      minutes: this.config.env.HOLD_MINUTES,
    });
    const placed = await this.holds.place({ companyId: salon.companyId }, hold, now);
    return placed.ok ? hold : null;
  }
}
