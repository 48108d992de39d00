import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CodedHttpException } from '../../../common/coded-http.exception';
import { resolveCallId } from '../../../domain/call/call-id-resolver';
import { RetellSettings } from './retell-settings';
import { SlidingWindowLimiter } from './sliding-window.limiter';

export const RATE_LIMITER = Symbol('RetellRateLimiter');
const WINDOW_MS = 60_000;

const limited = (response: Response) => {
  response.setHeader('Retry-After', String(WINDOW_MS / 1000));
  return new CodedHttpException(
    HttpStatus.TOO_MANY_REQUESTS,
    'RETELL.RATE_LIMITED',
    'Zu viele Anfragen in kurzer Zeit. Bitte einen Moment warten und es dann noch einmal versuchen.',
  );
};

/** Requests a minute per client address, before anything else is read. */
@Injectable()
export class RetellClientRateGuard implements CanActivate {
  constructor(
    private readonly settings: RetellSettings,
    @Inject(RATE_LIMITER) private readonly limiter: SlidingWindowLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const client = request.ip ?? request.socket?.remoteAddress ?? 'unknown';
    const allowed = await this.limiter.hit(
      `client:${client}`,
      this.settings.ratePerClient,
      WINDOW_MS,
      Date.now(),
    );
    if (!allowed) throw limited(http.getResponse<Response>());
    return true;
  }
}

/**
 * Function calls a minute per call, after the signature proved the call id is Retell's.
 * Requests without a resolvable call id are only limited per client.
 */
@Injectable()
export class RetellCallRateGuard implements CanActivate {
  constructor(
    private readonly settings: RetellSettings,
    @Inject(RATE_LIMITER) private readonly limiter: SlidingWindowLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const callId = callIdOfRequest(http.getRequest<Request>());
    if (callId === null) return true;
    const allowed = await this.limiter.hit(
      `call:${callId}`,
      this.settings.ratePerCall,
      WINDOW_MS,
      Date.now(),
    );
    if (!allowed) throw limited(http.getResponse<Response>());
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
