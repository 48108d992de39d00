import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RATE_LIMIT_TIME, RateLimitTime } from './rate-limit-time';
import { RATE_WINDOW_MS, rateLimited } from './retell-rate-limit.guard';
import { RetellSettings } from './retell-settings';
import { MemorySlidingWindow } from './sliding-window.limiter';

const clientOf = (request: Request): string =>
  request.ip ?? request.socket?.remoteAddress ?? 'unknown';

/**
 * Failed Retell signatures per client address over a sliding minute. Once an address is over
 * the limit, its requests get 429 before the salon is looked up or the signature computed, so
 * a flood of unsigned or badly signed requests costs next to nothing. Correctly signed requests
 * are never counted: Retell sends every salon's calls from one address. Counted in this
 * instance's memory, without a round trip, since the work it spares is this instance's.
 */
@Injectable()
export class RetellSignatureFailures {
  private readonly failures = new MemorySlidingWindow();

  constructor(
    private readonly settings: RetellSettings,
    @Inject(RATE_LIMIT_TIME) private readonly time: RateLimitTime,
  ) {}

  /** Throws 429 when the request's address has failed too often in the last minute. */
  refuseFailingClient(request: Request, response: Response): void {
    const wait = this.failures.untilFree(
      clientOf(request),
      this.settings.failedSignaturesPerClient,
      RATE_WINDOW_MS,
      this.time.nowMs(),
    );
    if (wait > 0) throw rateLimited(response, wait);
  }

  async failed(request: Request): Promise<void> {
    await this.failures.hit(
      clientOf(request),
      this.settings.failedSignaturesPerClient,
      RATE_WINDOW_MS,
      this.time.nowMs(),
    );
  }
}
