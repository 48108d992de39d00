import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RATE_LIMIT_TIME, RateLimitTime } from './rate-limit-time';
import { RATE_WINDOW_MS, rateLimited } from './retell-shared-rate.guard';
import { RetellSettings } from './retell-settings';
import { KeyLimit, MemorySlidingWindow } from './sliding-window.limiter';

const clientOf = (request: Request): string =>
  request.ip ?? request.socket?.remoteAddress ?? 'unknown';

/** An address may fail this many times the per-salon allowance before it is refused outright. */
export const ADDRESS_CEILING_FACTOR = 10;

/**
 * Failed Retell signatures over a sliding minute, per client address and salon named in the
 * body. Retell sends every salon's calls from one address, so a salon whose stored key is wrong
 * must only lock out itself there, not every salon: its failures count under its own name. An
 * address is also refused outright, before any salon is looked up or signature computed, once
 * it failed ten times that allowance (a flood naming many or no salons). Correctly signed
 * requests are never counted. Counted in this instance's memory, without a round trip, since
 * the work it spares is this instance's.
 */
@Injectable()
export class RetellSignatureFailures {
  private readonly failures = new MemorySlidingWindow();

  constructor(
    private readonly settings: RetellSettings,
    @Inject(RATE_LIMIT_TIME) private readonly time: RateLimitTime,
  ) {}

  /** Throws 429 when the request's address has failed far too often, whatever salon it names. */
  refuseFailingAddress(request: Request, response: Response): void {
    const address = this.addressLimit(request);
    const wait = this.failures.untilFree(
      address.key,
      address.limit,
      RATE_WINDOW_MS,
      this.time.nowMs(),
    );
    if (wait > 0) throw rateLimited(response, wait);
  }

  /**
   * Throws 429 when the request's address has failed too often for the salon it names. The
   * refusal counts towards the address's ceiling: an address that keeps knocking after it was
   * refused is soon turned away before any lookup.
   */
  async refuseFailingSalon(
    request: Request,
    response: Response,
    companyId: string | null,
  ): Promise<void> {
    const now = this.time.nowMs();
    const salon = this.salonLimit(request, companyId);
    const wait = this.failures.untilFree(salon.key, salon.limit, RATE_WINDOW_MS, now);
    if (wait <= 0) return;
    const address = this.addressLimit(request);
    await this.failures.hit(address.key, address.limit, RATE_WINDOW_MS, now);
    throw rateLimited(response, wait);
  }

  async failed(request: Request, companyId: string | null): Promise<void> {
    const now = this.time.nowMs();
    for (const limit of [this.addressLimit(request), this.salonLimit(request, companyId)]) {
      await this.failures.hit(limit.key, limit.limit, RATE_WINDOW_MS, now);
    }
  }

  private addressLimit(request: Request): KeyLimit {
    return {
      key: clientOf(request),
      limit: this.settings.failedSignaturesPerClient * ADDRESS_CEILING_FACTOR,
    };
  }

  private salonLimit(request: Request, companyId: string | null): KeyLimit {
    return {
      key: `${clientOf(request)} ${companyId ?? 'no-salon'}`,
      limit: this.settings.failedSignaturesPerClient,
    };
  }
}
