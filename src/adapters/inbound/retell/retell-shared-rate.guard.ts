import {
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { CodedHttpException } from '../../../common/coded-http.exception';
import type { RequestWithRawBody } from '../../../common/http-edge';
import { resolveCallId } from '../../../domain/call/call-id-resolver';
import { RATE_LIMIT_TIME, RateLimitTime } from './rate-limit-time';
import { RetellRequestTenant } from './retell-request-tenant';
import { RetellSettings } from './retell-settings';
import { KeyLimit, SlidingWindowLimiter } from './sliding-window.limiter';

export const RATE_LIMITER = Symbol('RetellRateLimiter');
export const RATE_WINDOW_MS = 60_000;

/** 429 with the seconds until the window has room again as Retry-After (at least 1). */
export function rateLimited(response: Response, retryAfterMs: number): CodedHttpException {
  response.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  return new CodedHttpException(
    HttpStatus.TOO_MANY_REQUESTS,
    'RETELL.RATE_LIMITED',
    'Zu viele Anfragen in kurzer Zeit. Bitte einen Moment warten und es dann noch einmal versuchen.',
  );
}

const PER_CALL = Symbol('RetellRatePerCall');
/** Routes whose requests also count against their call's limit (the function calls). */
export const CountedPerCall = () => SetMetadata(PER_CALL, true);

/**
 * The limits every instance shares through the store, taken after the signature proved the
 * request is Retell's, in one round trip: per call id (function calls only) and per salon.
 * Retell sends every salon's requests from one address, so no limit here is per address.
 * A request counts against both or neither: a call that floods is refused at its own limit
 * without using up its salon's. Requests without a real call id count only for their salon,
 * and those of no known salon only for their call.
 */
@Injectable()
export class RetellSharedRateGuard implements CanActivate {
  constructor(
    private readonly settings: RetellSettings,
    private readonly reflector: Reflector,
    private readonly tenant: RetellRequestTenant,
    @Inject(RATE_LIMITER) private readonly limiter: SlidingWindowLimiter,
    @Inject(RATE_LIMIT_TIME) private readonly time: RateLimitTime,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithRawBody>();
    const limits: KeyLimit[] = [];
    const perCall = this.reflector.getAllAndOverride<boolean>(PER_CALL, [
      context.getHandler(),
      context.getClass(),
    ]);
    const callId = perCall ? callIdOfRequest(request) : null;
    if (callId !== null) limits.push({ key: `call:${callId}`, limit: this.settings.ratePerCall });
    const branch = await this.tenant.branchOf(request);
    if (branch !== null) {
      limits.push({ key: `tenant:${branch.companyId}`, limit: this.settings.ratePerTenant });
    }
    if (limits.length === 0) return true;
    const verdict = await this.limiter.hitAll(limits, RATE_WINDOW_MS, this.time.nowMs());
    if (!verdict.allowed) throw rateLimited(http.getResponse<Response>(), verdict.retryAfterMs);
    return true;
  }
}

/** The call id a function-call request is about, in either body mode; null when none is real. */
export function callIdOfRequest(request: Request): string | null {
  const body: unknown = request.body;
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const { args, call } = record as { args?: unknown; call?: unknown };
  const argsRecord =
    typeof args === 'object' && args !== null && !Array.isArray(args)
      ? (args as Record<string, unknown>)
      : (record as Record<string, unknown>);
  const resolved = resolveCallId(
    argsRecord.call_id ?? argsRecord.callId ?? request.headers['x-retell-call-id'],
    call,
  );
  return resolved.ok ? resolved.value : null;
}
